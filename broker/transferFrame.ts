// Outgoing transfer frames written directly. rhea encodes every frame through its generic writer
// (a typed wrapper per field, a growing buffer per frame); for the one frame the broker writes per
// message, that was the largest cost left in its own process. The bytes are what the AMQP 1.0
// type system prescribes for the transfer performative (§2.7.5) with the smallest encodings, and
// every other frame still goes through rhea. Patches rhea 3.0.5's internals (see README.md).
import { createRequire } from 'node:module';
import type { Connection } from 'rhea';

interface Frame { channel: number; type: number; performative?: unknown; payload?: Buffer; encoded?: Buffer }
interface FramesInternals { write_frame(frame: Frame): Buffer }
/** the fields rhea's Outgoing.process sets on a transfer, in list order, and nothing after them */
interface TransferPerformative {
  constructor: { descriptor?: { numeric?: unknown } };
  value: unknown[];
  handle: number;
  delivery_id: number;
  delivery_tag: Buffer;
  message_format: number;
  settled: boolean;
  more: boolean;
}
interface ConnectionInternals {
  _write_frame(channel: number, frame: unknown, payload?: Buffer): void;
  amqp_transport: { encode(frame: Frame): void };
  output(): void;
}

const TRANSFER = 0x14;
const frames = createRequire(import.meta.url)('rhea/lib/frames.js') as FramesInternals;

// A frame that arrives already encoded is written as it is (only this file makes such frames).
const writeFrame = frames.write_frame;
frames.write_frame = (frame) => frame.encoded ?? writeFrame(frame);

const uintSize = (n: number) => (n === 0 ? 1 : n < 256 ? 2 : 5);
function writeUint(b: Buffer, at: number, n: number): number {
  if (n === 0) return b.writeUInt8(0x43, at); // uint0
  if (n < 256) return b.writeUInt8(n, b.writeUInt8(0x52, at)); // smalluint
  return b.writeUInt32BE(n, b.writeUInt8(0x70, at));
}

/** One AMQP frame carrying a transfer performative and its payload. */
export function encodeTransfer(channel: number, t: { handle: number; deliveryId: number; tag: Buffer; format: number; settled: boolean; more: boolean }, payload: Buffer): Buffer {
  const tagSize = (t.tag.length < 256 ? 2 : 5) + t.tag.length;
  const fields = uintSize(t.handle) + uintSize(t.deliveryId) + tagSize + uintSize(t.format) + 1 + 1;
  const small = fields + 1 < 256; // list8: size and count one byte each
  const list = (small ? 3 : 9) + fields;
  const size = 8 + 3 + list + payload.length;
  const b = Buffer.allocUnsafe(size);
  let at = b.writeUInt32BE(size, 0);
  at = b.writeUInt8(2, at); // doff: 2 words of frame header
  at = b.writeUInt8(0, at); // type AMQP
  at = b.writeUInt16BE(channel, at);
  at = b.writeUInt8(0x00, at); // described type
  at = b.writeUInt8(0x53, at); // smallulong descriptor
  at = b.writeUInt8(TRANSFER, at);
  if (small) {
    at = b.writeUInt8(0xc0, at);
    at = b.writeUInt8(fields + 1, at);
    at = b.writeUInt8(6, at);
  } else {
    at = b.writeUInt8(0xd0, at);
    at = b.writeUInt32BE(fields + 4, at);
    at = b.writeUInt32BE(6, at);
  }
  at = writeUint(b, at, t.handle);
  at = writeUint(b, at, t.deliveryId);
  if (t.tag.length < 256) at = b.writeUInt8(t.tag.length, b.writeUInt8(0xa0, at));
  else at = b.writeUInt32BE(t.tag.length, b.writeUInt8(0xb0, at));
  at += t.tag.copy(b, at);
  at = writeUint(b, at, t.format);
  at = b.writeUInt8(t.settled ? 0x41 : 0x42, at);
  at = b.writeUInt8(t.more ? 0x41 : 0x42, at);
  payload.copy(b, at);
  return b;
}

/** Write this connection's transfer frames directly; every other frame as rhea does. */
export function writeTransfersDirectly(connection: Connection): void {
  const c = connection as unknown as ConnectionInternals;
  const original = c._write_frame.bind(c);
  c._write_frame = (channel, frame, payload) => {
    const t = frame as TransferPerformative | undefined;
    if (!payload || Number(t?.constructor?.descriptor?.numeric) !== TRANSFER || t!.value.length > 6) return original(channel, frame, payload);
    const encoded = encodeTransfer(channel, {
      handle: t!.handle, deliveryId: t!.delivery_id, tag: t!.delivery_tag, format: t!.message_format ?? 0, settled: Boolean(t!.settled), more: Boolean(t!.more),
    }, payload);
    c.amqp_transport.encode({ channel, type: 0, encoded });
    c.output();
  };
}
