// Incoming transfer frames read directly. rhea 3.0.5 decodes every frame through its generic reader
// into typed wrappers, then a performative whose every field access unwraps again; the broker gets
// one transfer per message, so that was a large share of its reading. This reads the transfer
// performative's usual fields (§2.7.5) straight from the bytes into a plain object; any frame it
// does not fully understand (other performatives, more fields, other encodings) goes to rhea's
// reader as before. Patches one connection's rhea 3.0.5 transport, not rhea's shared reader.
import { createRequire } from 'node:module';
import type { Connection } from 'rhea';

interface Frame { size: number; type: number; channel: number; performative?: { dispatch(target: unknown, frame: Frame): void }; payload?: Buffer }
interface FramesInternals { read_frame(b: Buffer): Frame; read_header(b: Buffer): { protocol_id: number } }
interface TransportInternals {
  header_received?: { protocol_id: number };
  protocol_id: number;
  frame_type: number;
  read_complete: boolean;
  handler: { on_transfer(frame: Frame): void };
  read(buffer: Buffer): number;
}
const frames = createRequire(import.meta.url)('rhea/lib/frames.js') as FramesInternals;
const errors = createRequire(import.meta.url)('rhea/lib/errors.js') as { ProtocolError: new (m: string) => Error };

/** The fields rhea's transfer performative offers, as its getters would return them. */
class TransferPerformative {
  handle = 0;
  delivery_id: number | null | undefined = undefined;
  delivery_tag: Buffer | null | undefined = undefined;
  message_format: number | null | undefined = undefined;
  settled: boolean | null | undefined = undefined;
  more: boolean | null | undefined = undefined;

  dispatch(target: { on_transfer(frame: Frame): void }, frame: Frame): void {
    target.on_transfer(frame);
  }
}

/** A uint at `at` (uint0, smalluint, uint) or null: [value, next offset]; undefined when not one of those. */
function readUint(b: Buffer, at: number): [number | null, number] | undefined {
  switch (b[at]) {
    case 0x43: return [0, at + 1];
    case 0x52: return [b[at + 1]!, at + 2];
    case 0x70: return [b.readUInt32BE(at + 1), at + 5];
    case 0x40: return [null, at + 1];
    default: return undefined;
  }
}

function readBool(b: Buffer, at: number): [boolean | null, number] | undefined {
  switch (b[at]) {
    case 0x41: return [true, at + 1];
    case 0x42: return [false, at + 1];
    case 0x56: return b[at + 1] === 0 || b[at + 1] === 1 ? [b[at + 1] === 1, at + 2] : undefined;
    case 0x40: return [null, at + 1];
    default: return undefined;
  }
}

/** The frame as rhea would read it, when it is a transfer with at most its first six fields; else null. */
export function readTransfer(b: Buffer): Frame | null {
  try {
    return read(b);
  } catch {
    return null; // cut short: rhea's reader says what is wrong
  }
}

function read(b: Buffer): Frame | null {
  const size = b.readUInt32BE(0);
  const doff = b[4]!;
  if (b[5] !== 0 || doff < 2 || size !== b.length) return null;
  let at = doff * 4;
  if (b[at] !== 0x00 || b[at + 1] !== 0x53 || b[at + 2] !== 0x14) return null;
  at += 3;
  let count: number;
  let end: number;
  if (b[at] === 0xc0) {
    end = at + 2 + b[at + 1]!;
    count = b[at + 2]!;
    at += 3;
  } else if (b[at] === 0xd0) {
    end = at + 5 + b.readUInt32BE(at + 1);
    count = b.readUInt32BE(at + 5);
    at += 9;
  } else {
    return null;
  }
  if (count < 1 || count > 6 || end > size) return null;
  const p = new TransferPerformative();
  const handle = readUint(b, at);
  if (!handle || handle[0] === null) return null;
  p.handle = handle[0];
  at = handle[1];
  for (let field = 1; field < count; field++) {
    if (field === 2) {
      const code = b[at];
      if (code === 0xa0) {
        const n = b[at + 1]!;
        p.delivery_tag = b.subarray(at + 2, at + 2 + n);
        at += 2 + n;
      } else if (code === 0xb0) {
        const n = b.readUInt32BE(at + 1);
        p.delivery_tag = b.subarray(at + 5, at + 5 + n);
        at += 5 + n;
      } else if (code === 0x40) {
        p.delivery_tag = null;
        at += 1;
      } else {
        return null;
      }
      continue;
    }
    const read = field === 1 || field === 3 ? readUint(b, at) : readBool(b, at);
    if (!read) return null;
    if (field === 1) p.delivery_id = read[0] as number | null;
    else if (field === 3) p.message_format = read[0] as number | null;
    else if (field === 4) p.settled = read[0] as boolean | null;
    else p.more = read[0] as boolean | null;
    at = read[1];
  }
  if (at !== end) return null;
  const frame: Frame = { size, type: 0, channel: b.readUInt16BE(6), performative: p };
  if (at < size) frame.payload = b.subarray(at, size);
  return frame;
}

/**
 * rhea's Transport.read for this connection's AMQP transport, reading transfers with readTransfer
 * (the same header checks, frame loop and dispatch; every other frame is rhea's read_frame).
 */
export function readTransfersDirectly(connection: Connection): void {
  const t = (connection as unknown as { amqp_transport: TransportInternals }).amqp_transport;
  t.read = (buffer: Buffer): number => {
    let offset = 0;
    if (!t.header_received) {
      if (buffer.length < 8) return offset;
      t.header_received = frames.read_header(buffer);
      const id = t.header_received.protocol_id;
      if (id !== t.protocol_id) {
        throw new errors.ProtocolError(t.protocol_id === 0 && id === 3 ? 'SASL layer not enabled' : `Invalid AMQP protocol id ${id} expecting: ${t.protocol_id}`);
      }
      offset = 8;
    }
    while (offset < buffer.length - 4 && !t.read_complete) {
      const size = buffer.readUInt32BE(offset);
      if (buffer.length < offset + size) break; // the rest of the frame comes with the next chunk
      const slice = buffer.subarray(offset, offset + size);
      const frame = readTransfer(slice) ?? frames.read_frame(slice);
      if (frame.type !== t.frame_type) throw new errors.ProtocolError(`Invalid frame type: ${frame.type}`);
      offset += size;
      frame.performative?.dispatch(t.handler, frame);
    }
    return offset;
  };
}
