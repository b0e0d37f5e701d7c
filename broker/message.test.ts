import { describe, expect, it } from 'vitest';
import rhea from 'rhea';
import { mergeAnnotations, readMessage, withAnnotations, withDeliveryCount } from './message.ts';

const encode = (m: object) => rhea.message.encode(m as never);

describe('raw message rewriting', () => {
  it('sets the header delivery-count and first-acquirer false, keeping durable, priority and every other section', () => {
    const out = readMessage(withDeliveryCount(encode({ durable: true, priority: 7, subject: 's', body: { a: [1, 2] }, application_properties: { k: 'v' } }), 3));
    expect(out).toMatchObject({ durable: true, priority: 7, delivery_count: 3, first_acquirer: false, subject: 's', body: { a: [1, 2] }, application_properties: { k: 'v' } });
  });

  it('adds a header to a message that had none', () => {
    const bare = Buffer.concat([encode({ body: 'x' }).subarray(4)]); // rhea writes an empty header first: drop it
    expect(readMessage(bare)?.delivery_count).toBeUndefined();
    expect(readMessage(withDeliveryCount(bare, 1))).toMatchObject({ delivery_count: 1, body: 'x' });
  });

  it('adds message-annotations, merging with those already there', () => {
    const out = readMessage(withAnnotations(encode({ message_annotations: { 'x-opt-a': 5 }, body: 'b' }), { 'x-opt-why': 'because' }));
    expect(out).toMatchObject({ message_annotations: { 'x-opt-a': 5, 'x-opt-why': 'because' }, body: 'b' });
    const fresh = readMessage(withAnnotations(encode({ subject: 's', body: 'b' }), { 'x-opt-why': 'w' }));
    expect(fresh).toMatchObject({ message_annotations: { 'x-opt-why': 'w' }, subject: 's', body: 'b' });
  });

  it('merges encoded annotations keeping their AMQP types, a new value replacing one of the same key', () => {
    const t = rhea.types as unknown as { wrap_symbol(s: string): unknown; wrap_int(n: number): unknown; wrap_string(s: string): unknown };
    const payload = mergeAnnotations(encode({ message_annotations: { 'x-opt-note': 'old', 'x-opt-keep': 'k' }, body: 'b' }), [t.wrap_symbol('x-opt-note'), t.wrap_string('new'), t.wrap_symbol('x-opt-n'), t.wrap_int(-3)]);
    expect(readMessage(payload)).toMatchObject({ message_annotations: { 'x-opt-note': 'new', 'x-opt-keep': 'k', 'x-opt-n': -3 }, body: 'b' });
    expect(payload.includes(Buffer.from([0x54, 0xfd]))).toBe(true); // -3 as smallint: the int type survived
  });

  it('leaves bytes that are not a message unchanged', () => {
    const junk = Buffer.from([0xff, 0x00, 0x13]);
    expect(withAnnotations(junk, { a: 'b' })).toBe(junk);
  });
});
