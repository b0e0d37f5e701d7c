// Raw message bytes as the broker stores them: decoded only to read routing fields, and re-encoded
// only in the header section, so every other section reaches consumers exactly as it was sent.
import rhea from 'rhea';
import type { Message } from 'rhea';

const HEADER = 0x70;
const DELIVERY_ANNOTATIONS = 0x71;
const MESSAGE_ANNOTATIONS = 0x72;

interface TypedValue { descriptor?: { value: unknown }; value: unknown }
interface TypesInternals {
  Reader: new (b: Buffer) => { read(): TypedValue; remaining(): number; position: number };
  Writer: new () => { write(v: unknown): void; toBuffer(): Buffer };
  Map32(items: unknown[]): unknown;
  described_nc(descriptor: unknown, value: unknown): unknown;
  wrap_ulong(n: number): unknown;
  wrap_symbol(s: string): unknown;
  wrap_string(s: string): unknown;
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

/** The same message with header delivery-count set and first-acquirer false: it was acquired before. */
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

/** The same message with these message-annotations added (symbol keys, string values). */
export function withAnnotations(payload: Buffer, annotations: Record<string, string>): Buffer {
  const pairs: unknown[] = [];
  for (const [k, v] of Object.entries(annotations)) pairs.push(types.wrap_symbol(k), types.wrap_string(v));
  return mergeAnnotations(payload, pairs);
}

/**
 * The same message with these message-annotations merged in (encoded key/value pairs as rhea
 * decodes them, so their AMQP types are kept; a key already there takes the new value), every other
 * section kept byte for byte. The payload is returned unchanged when it cannot be read as sections.
 */
export function mergeAnnotations(payload: Buffer, pairs: unknown[]): Buffer {
  try {
    const reader = new types.Reader(payload);
    let insertAt = 0; // after header and delivery-annotations
    while (reader.remaining()) {
      const start = reader.position;
      const section = reader.read();
      const code = Number(section.descriptor?.value);
      if (code === HEADER || code === DELIVERY_ANNOTATIONS) {
        insertAt = reader.position;
        continue;
      }
      if (code === MESSAGE_ANNOTATIONS && Array.isArray(section.value)) {
        return Buffer.concat([payload.subarray(0, start), annotationSection(merged(section.value, pairs)), payload.subarray(reader.position)]);
      }
      break;
    }
    return Buffer.concat([payload.subarray(0, insertAt), annotationSection(pairs), payload.subarray(insertAt)]);
  } catch {
    return payload;
  }
}

const keyOf = (k: unknown) => String((k as { value?: unknown })?.value ?? k);

/** Existing pairs with the new ones replacing those of the same key, new keys appended. */
function merged(existing: unknown[], pairs: unknown[]): unknown[] {
  const replaced = new Set<string>();
  for (let i = 0; i < pairs.length; i += 2) replaced.add(keyOf(pairs[i]));
  const out: unknown[] = [];
  for (let i = 0; i + 1 < existing.length; i += 2) if (!replaced.has(keyOf(existing[i]))) out.push(existing[i], existing[i + 1]);
  return [...out, ...pairs];
}

function annotationSection(items: unknown[]): Buffer {
  const writer = new types.Writer();
  writer.write(types.described_nc(types.wrap_ulong(MESSAGE_ANNOTATIONS), types.Map32(items)));
  return writer.toBuffer();
}

/** Encode a message the broker writes itself (a CBS reply). */
export function encodeMessage(m: Message): Buffer {
  return rhea.message.encode(m);
}
