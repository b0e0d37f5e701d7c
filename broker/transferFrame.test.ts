import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { encodeTransfer } from './transferFrame.ts';

interface Decoded { channel: number; payload: Buffer; performative: Record<string, unknown> }
const frames = createRequire(import.meta.url)('rhea/lib/frames.js') as { read_frame(b: Buffer): Decoded };

describe('transfer frames written directly', () => {
  const cases = [
    { handle: 0, deliveryId: 0, tag: Buffer.from('0'), format: 0, settled: false, more: false },
    { handle: 7, deliveryId: 255, tag: Buffer.from('255'), format: 0, settled: true, more: false },
    { handle: 2, deliveryId: 9, tag: Buffer.from('9'), format: 0, settled: true, more: true },
    { handle: 300, deliveryId: 70_000, tag: Buffer.alloc(0), format: 1, settled: false, more: true },
    { handle: 1, deliveryId: 4_294_967_295, tag: Buffer.alloc(300, 7), format: 0, settled: false, more: false }, // list32, vbin32
  ];
  for (const t of cases) {
    it(`decodes as rhea reads it: handle ${t.handle}, delivery-id ${t.deliveryId}, tag of ${t.tag.length} bytes`, () => {
      const payload = Buffer.from('the message bytes, exactly');
      const bytes = encodeTransfer(3, t, payload);
      expect(bytes.readUInt32BE(0)).toBe(bytes.length);
      const f = frames.read_frame(bytes);
      expect(f.channel).toBe(3);
      expect(f.payload.equals(payload)).toBe(true);
      const p = f.performative;
      expect(Number((p.constructor as unknown as { descriptor: { numeric: unknown } }).descriptor.numeric)).toBe(0x14);
      expect({ handle: p.handle, delivery_id: p.delivery_id, tag: Buffer.from(p.delivery_tag as Buffer).toString('hex'), format: p.message_format, settled: p.settled ?? false, more: p.more ?? false })
        .toEqual({ handle: t.handle, delivery_id: t.deliveryId, tag: t.tag.toString('hex'), format: t.format, settled: t.settled, more: t.more });
    });
  }
});
