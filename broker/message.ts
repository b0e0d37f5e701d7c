// Raw message bytes as the broker stores them: decoded only to read routing fields, and re-encoded
// only in the header section, so every other section reaches consumers exactly as it was sent.
import rhea from 'rhea';
import type { Message } from 'rhea';

const HEADER = 0x70;

interface TypesInternals {
  Reader: new (b: Buffer) => { read(): { descriptor?: { value: unknown } }; position: number };
  Writer: new () => { write(v: unknown): void; toBuffer(): Buffer };
}
interface MessageInternals {
  header(fields: Record<string, unknown>): { described(): unknown };
}
const types = rhea.types as unknown as TypesInternals;
const sections = rhea.message as unknown as MessageInternals;

/** Decode for reading properties; null when the bytes are not a valid AMQP message. */
export function readMessage(payload: Buffer): Message | null {
  try {
    return rhea.message.decode(payload) as unknown as Message;
  } catch {
    return null;
  }
}

/** Length of a leading header section, 0 when the message has none. */
function headerLength(payload: Buffer): number {
  try {
    const reader = new types.Reader(payload);
    const first = reader.read();
    return Number(first.descriptor?.value) === HEADER ? reader.position : 0;
  } catch {
    return 0;
  }
}

/** The same message with header delivery-count set (and first-acquirer false once it was tried). */
export function withDeliveryCount(payload: Buffer, deliveryCount: number): Buffer {
  const length = headerLength(payload);
  const old = ((length ? readMessage(payload.subarray(0, length)) : null) ?? {}) as Record<string, unknown>;
  const fields: Record<string, unknown> = {};
  for (const k of ['durable', 'priority', 'ttl'] as const) if (old[k] !== undefined) fields[k] = old[k];
  fields.first_acquirer = false;
  fields.delivery_count = deliveryCount;
  const writer = new types.Writer();
  writer.write(sections.header(fields).described());
  return Buffer.concat([writer.toBuffer(), payload.subarray(length)]);
}

/** Encode a message the broker writes itself (a CBS reply). */
export function encodeMessage(m: Message): Buffer {
  return rhea.message.encode(m);
}
