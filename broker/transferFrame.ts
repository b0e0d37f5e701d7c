// Outgoing transfer frames written directly. rhea builds every frame as a performative object (a
// typed wrapper per field) and encodes it through its generic writer; for the one frame the broker
// writes per message, that was the largest cost left in its own process. The bytes are what the AMQP 1.0
// type system prescribes for the transfer performative (§2.7.5) with the smallest encodings, and
// every other frame still goes through rhea. Patches rhea 3.0.5's internals (see README.md).
import { createRequire } from 'node:module';
import type { Session } from 'rhea';

interface Frame { channel: number; type: number; performative?: unknown; payload?: Buffer; encoded?: Buffer }
interface FramesInternals { write_frame(frame: Frame): Buffer }
interface Delivery {
  id: number;
  tag: Buffer;
  link: { credit: number; delivery_count: number; local: { handle: number } };
  data: Buffer[];
  format: number;
  next_to_send: number;
  settled: boolean;
  remote_settled: boolean;
}
interface OutgoingInternals {
  deliveries: { by_id(id: number): Delivery | undefined };
  next_pending_delivery: number;
  next_delivery_id: number;
  next_transfer_id: number;
  window: number;
  transfer_window(): number;
  process(): void;
}
interface SessionInternals {
  outgoing: OutgoingInternals;
  local: { channel: number };
  connection: { amqp_transport: { encode(frame: Frame): void }; output(): void };
}

const TRANSFER = 0x14; // the transfer performative's descriptor
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
  // trailing fields at their defaults are left out (§1.4: settled and more default to false), so
  // the usual frame has four fields and the receiving peer decodes two values fewer per message
  const count = t.more ? 6 : t.settled ? 5 : 4;
  const fields = uintSize(t.handle) + uintSize(t.deliveryId) + tagSize + uintSize(t.format) + (count - 4);
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
    at = b.writeUInt8(count, at);
  } else {
    at = b.writeUInt8(0xd0, at);
    at = b.writeUInt32BE(fields + 4, at);
    at = b.writeUInt32BE(count, at);
  }
  at = writeUint(b, at, t.handle);
  at = writeUint(b, at, t.deliveryId);
  if (t.tag.length < 256) at = b.writeUInt8(t.tag.length, b.writeUInt8(0xa0, at));
  else at = b.writeUInt32BE(t.tag.length, b.writeUInt8(0xb0, at));
  at += t.tag.copy(b, at);
  at = writeUint(b, at, t.format);
  if (count > 4) at = b.writeUInt8(t.settled ? 0x41 : 0x42, at);
  if (count > 5) at = b.writeUInt8(t.more ? 0x41 : 0x42, at);
  payload.copy(b, at);
  return b;
}

/**
 * Send this session's pending deliveries as rhea's Outgoing.process does (credit, the peer's
 * incoming window, one frame per fragment), writing each transfer frame directly; rhea's own
 * process runs after it for what is left (settlement events, dispositions) and finds no transfer
 * left to send.
 */
export function sendTransfersDirectly(session: Session): void {
  const s = session as unknown as SessionInternals;
  const outgoing = s.outgoing;
  const rheaProcess = outgoing.process.bind(outgoing);
  outgoing.process = () => {
    let wrote = false;
    while (outgoing.next_pending_delivery < outgoing.next_delivery_id) {
      const d = outgoing.deliveries.by_id(outgoing.next_pending_delivery);
      if (!d || d.link.credit <= 0) break; // rhea's own process reports a missing delivery
      const count = Math.min(outgoing.transfer_window(), d.data.length - d.next_to_send);
      if (count <= 0) break;
      outgoing.window -= count;
      const end = d.next_to_send + count;
      for (let i = d.next_to_send; i < end; i++) {
        outgoing.next_transfer_id++;
        const encoded = encodeTransfer(s.local.channel, {
          handle: d.link.local.handle, deliveryId: d.id, tag: d.tag, format: d.format, settled: d.settled, more: i + 1 < d.data.length,
        }, d.data[i]!);
        s.connection.amqp_transport.encode({ channel: s.local.channel, type: 0, encoded });
        wrote = true;
      }
      if (end < d.data.length) {
        d.next_to_send = end;
        break;
      }
      if (d.settled) d.remote_settled = true; // sent pre-settled: it can be cleaned up now
      d.link.credit--;
      d.link.delivery_count++;
      outgoing.next_pending_delivery++;
    }
    if (wrote) s.connection.output();
    rheaProcess();
  };
}
