import { describe, expect, it } from 'vitest';
import rhea from 'rhea';
import { defaultNumberType, numberProblem, typedApplicationProperties, wrapNumber } from './amqpNumbers.ts';

/** The application properties as the wire carries them: encoded, then each value's AMQP type code. */
function wireTypes(props: Record<string, unknown>): Record<string, number> {
  const bytes = rhea.message.encode({ application_properties: props, body: null } as never);
  const reader = new (rhea.types as unknown as { Reader: new (b: Buffer) => { read(): { value: unknown }; remaining(): number } }).Reader(bytes);
  for (;;) {
    const section = reader.read() as { descriptor?: { value: number }; value: { type: { typecode: number }; value: string }[] };
    if (Number(section.descriptor?.value) !== 0x74) continue;
    const out: Record<string, number> = {};
    for (let i = 0; i < section.value.length; i += 2) out[section.value[i]!.value] = section.value[i + 1]!.type.typecode;
    return out;
  }
}

describe('the AMQP type of a number', () => {
  it('defaults to int when it fits, long beyond, double for fractions (not rhea’s uint)', () => {
    expect([defaultNumberType(202), defaultNumberType(-5), defaultNumberType(2 ** 40), defaultNumberType(1.5)]).toEqual(['int', 'int', 'long', 'double']);
    const codes = wireTypes(typedApplicationProperties({ code: 202, big: 2 ** 40, ratio: 0.25, name: 'x' }));
    expect(codes.code).toBeOneOf([0x71, 0x54]); // int (or its one-byte form smallint)
    expect(codes.big).toBeOneOf([0x81, 0x55]); // long (or smalllong)
    expect(codes.ratio).toBe(0x82); // double
    expect(codes.name).toBeOneOf([0xa1, 0xb1]); // string untouched
  });

  it('uses the type the user picked', () => {
    const codes = wireTypes(typedApplicationProperties({ a: 7, b: 7, c: 7, d: 1.5 }, { a: 'uint', b: 'ubyte', c: 'long', d: 'float' }));
    expect(codes.a).toBeOneOf([0x70, 0x52, 0x43]); // uint, smalluint or uint0
    expect(codes.b).toBe(0x50);
    expect(codes.c).toBeOneOf([0x81, 0x55]);
    expect(codes.d).toBe(0x72);
  });

  it('says why a number does not fit the picked type', () => {
    expect(numberProblem(300, 'ubyte')).toMatch(/outside the ubyte range 0…255/);
    expect(numberProblem(1.5, 'int')).toMatch(/not a whole number/);
    expect(numberProblem(-1, 'uint')).toMatch(/outside the uint range/);
    expect(numberProblem(1.5, 'double')).toBeNull();
    expect(() => wrapNumber(300, 'ubyte')).toThrow(RangeError);
    expect(wireTypes(typedApplicationProperties({ a: 300 }, { a: 'ubyte' })).a).toBeOneOf([0x71, 0x54]); // not a ubyte: the default int
  });
});
