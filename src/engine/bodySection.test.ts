import { describe, expect, it } from 'vitest';
import rhea from 'rhea';
import { bodySection } from './bodySection.ts';

/** The body as rhea hands it to a receiver: encoded, then decoded. */
const received = (m: object) => (rhea.message.decode(rhea.message.encode(m as never)) as unknown as { body: unknown }).body;
const msg = rhea.message as unknown as {
  data_section(b: Buffer): unknown;
  data_sections(b: Buffer[]): unknown;
  sequence_section(l: unknown[]): unknown;
  sequence_sections(l: unknown[][]): unknown;
};

describe('the body section of a received message', () => {
  it('reads a data section as bytes, with a text view when they are UTF-8', () => {
    expect(bodySection(received({ body: msg.data_section(Buffer.from('héllo')) }))).toEqual({
      kind: 'data', sections: 1, bytes: { length: 6, base64: Buffer.from('héllo').toString('base64'), hex: Buffer.from('héllo').toString('hex'), utf8: 'héllo' },
    });
    const binary = bodySection(received({ body: msg.data_section(Buffer.from([0xff, 0x00, 0xfe])) }));
    expect(binary.bytes).toEqual({ length: 3, base64: '/wD+', hex: 'ff00fe' });
  });

  it('joins several data sections and says how many there were', () => {
    const s = bodySection(received({ body: msg.data_sections([Buffer.from('ab'), Buffer.from('cd')]) }));
    expect(s).toMatchObject({ kind: 'data', sections: 2, bytes: { length: 4, utf8: 'abcd' } });
  });

  it('reads amqp-sequence sections as their lists', () => {
    expect(bodySection(received({ body: msg.sequence_section([1, 'two']) }))).toEqual({ kind: 'amqp-sequence', sections: 1, value: [1, 'two'] });
    expect(bodySection(received({ body: msg.sequence_sections([[1], [2, 3]]) }))).toMatchObject({ kind: 'amqp-sequence', sections: 2, value: [[1], [2, 3]] });
  });

  it('reads amqp-value bodies with their type; a binary value stays bytes, not hex that reads like text', () => {
    expect(bodySection(received({ body: 'text' }))).toEqual({ kind: 'amqp-value', sections: 1, valueType: 'string', value: 'text' });
    expect(bodySection(received({ body: { a: [1, 2.5] } }))).toEqual({ kind: 'amqp-value', sections: 1, valueType: 'map', value: { a: [1, 2.5] } });
    expect(bodySection(received({ body: Buffer.from('31') }))).toMatchObject({ kind: 'amqp-value', valueType: 'binary', value: { length: 2, hex: '3331', utf8: '31' } });
    expect(bodySection(received({ body: { nested: Buffer.from([1]) } })).value).toEqual({ nested: { length: 1, base64: 'AQ==', hex: '01', utf8: '\u0001' } });
  });

  it('says when there is no body section', () => {
    expect(bodySection(undefined)).toEqual({ kind: 'none', sections: 0 });
  });
});
