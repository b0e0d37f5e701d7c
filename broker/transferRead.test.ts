import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { readTransfer } from './transferRead.ts';
import { encodeTransfer } from './transferFrame.ts';

interface Decoded { channel: number; payload?: Buffer; performative: Record<string, unknown> }
const require_ = createRequire(import.meta.url);
const frames = require_('rhea/lib/frames.js') as { read_frame(b: Buffer): Decoded; write_frame(f: unknown): Buffer; amqp_frame(channel: number, performative: unknown, payload?: Buffer): unknown; transfer(fields: object): unknown };

const FIELDS = ['handle', 'delivery_id', 'delivery_tag', 'message_format', 'settled', 'more'] as const;
const fieldsOf = (p: Record<string, unknown>) => Object.fromEntries(FIELDS.map((f) => [f, Buffer.isBuffer(p[f]) ? (p[f] as Buffer).toString('hex') : p[f]]));
const rheaFrame = (fields: object, payload?: Buffer) => frames.write_frame(frames.amqp_frame(5, frames.transfer(fields), payload));

describe('transfer frames read directly', () => {
  const payload = Buffer.from('the message bytes, exactly');
  const encoded: [string, Buffer][] = [
    ['written by the broker', encodeTransfer(3, { handle: 1, deliveryId: 300, tag: Buffer.from('300'), format: 0, settled: false, more: false }, payload)],
    ['written by the broker, pre-settled, more to come', encodeTransfer(3, { handle: 0, deliveryId: 0, tag: Buffer.alloc(300, 1), format: 0, settled: true, more: true }, payload)],
    ['written by rhea', rheaFrame({ handle: 2, delivery_id: 70_000, delivery_tag: Buffer.from('t'), message_format: 0, settled: false, more: false }, payload)],
    ['a continuation, no delivery-id or tag', rheaFrame({ handle: 2, more: true }, payload)],
    ['without a payload', rheaFrame({ handle: 0, delivery_id: 1, delivery_tag: Buffer.from('1'), message_format: 0 })],
  ];
  for (const [what, bytes] of encoded) {
    it(`reads what rhea reads: ${what}`, () => {
      const theirs = frames.read_frame(bytes);
      const ours = readTransfer(bytes);
      expect(ours).not.toBeNull();
      expect(ours!.channel).toBe(theirs.channel);
      expect(ours!.payload?.toString('hex')).toEqual(theirs.payload?.toString('hex'));
      expect(fieldsOf(ours!.performative as unknown as Record<string, unknown>)).toEqual(fieldsOf(theirs.performative));
    });
  }

  it('leaves to rhea what it does not read: later fields, other performatives, frames cut short', () => {
    const settleMode = rheaFrame({ handle: 0, delivery_id: 1, delivery_tag: Buffer.from('1'), message_format: 0, rcv_settle_mode: 1 }, payload);
    expect(readTransfer(settleMode)).toBeNull();
    const aborted = rheaFrame({ handle: 0, delivery_id: 1, delivery_tag: Buffer.from('1'), message_format: 0, more: false, aborted: true });
    expect(readTransfer(aborted)).toBeNull();
    const flow = frames.write_frame(frames.amqp_frame(0, (require_('rhea/lib/frames.js') as { flow(f: object): unknown }).flow({ handle: 0, link_credit: 5 })));
    expect(readTransfer(flow)).toBeNull();
    const whole = encodeTransfer(3, { handle: 1, deliveryId: 9, tag: Buffer.alloc(40, 2), format: 0, settled: false, more: false }, payload);
    const cut = Buffer.from(whole.subarray(0, 20));
    cut.writeUInt32BE(20, 0);
    expect(readTransfer(cut)).toBeNull();
  });
});
