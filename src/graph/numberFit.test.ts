import { describe, expect, it } from 'vitest';
import { defaultNumberType, numberProblem, numberTypeProblems } from './numberFit.ts';
import { validateProps } from './props.ts';

describe('whether a number fits its AMQP type', () => {
  it('refuses a fraction as an integer type', () => {
    expect(numberProblem(3.5, 'int')).toBe('3.5 is not a whole number, so it cannot be an int');
    expect(numberProblem(3.5, 'ubyte')).toContain('cannot be a ubyte');
  });

  it('refuses an integer outside the range of its type', () => {
    expect(numberProblem(2 ** 40, 'int')).toBe('1099511627776 is outside the int range -2147483648…2147483647');
    expect(numberProblem(-1, 'uint')).toContain('outside the uint range 0…4294967295');
    expect(numberProblem(128, 'byte')).toContain('outside the byte range');
    expect(numberProblem(65536, 'ushort')).toContain('outside the ushort range');
    expect(numberProblem(2 ** 53, 'long')).toContain('outside the long range');
  });

  it('takes numbers that fit, and any finite number as float or double', () => {
    expect([numberProblem(2147483647, 'int'), numberProblem(-128, 'byte'), numberProblem(2 ** 40, 'long'), numberProblem(0, 'ulong'), numberProblem(4294967295, 'uint')]).toEqual([null, null, null, null, null]);
    expect([numberProblem(3.5, 'double'), numberProblem(1e300, 'float')]).toEqual([null, null]);
  });

  it('defaults to int, long beyond the int range, double for fractions', () => {
    expect([defaultNumberType(7), defaultNumberType(2 ** 31), defaultNumberType(0.5)]).toEqual(['int', 'long', 'double']);
  });

  it('names each property that does not fit, and ignores types of other values', () => {
    expect(numberTypeProblems({ a: 3.5, b: 7, s: 'x', c: 1 }, { a: 'int', b: 'ubyte', s: 'int', missing: 'long', c: 'toString' })).toEqual([
      ['a', 'applicationProperties "a": 3.5 is not a whole number, so it cannot be an int; pick another type or change the value'],
    ]);
  });
});

describe('a transfer’s number types in validation', () => {
  it('reports a number that does not fit its picked type on that property', () => {
    const problems = validateProps('transfer', { applicationProperties: { big: 2 ** 40, neg: -1 }, applicationPropertyTypes: { big: 'int', neg: 'uint' } });
    expect(problems.map((p) => p.field)).toEqual(['applicationPropertyTypes.big', 'applicationPropertyTypes.neg']);
    expect(problems[0]!.message).toContain('applicationProperties "big"');
    expect(problems[1]!.message).toContain('-1 is outside the uint range');
  });

  it('finds nothing wrong when every picked type fits', () => {
    expect(validateProps('transfer', { applicationProperties: { n: 2 ** 40 }, applicationPropertyTypes: { n: 'long' } })).toEqual([]);
  });
});
