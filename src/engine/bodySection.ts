// What a received message's body really is: which body section carried it (amqp-value, data,
// amqp-sequence) and its decoded value, with bytes kept as bytes (and read as text only when they
// are valid UTF-8). rhea hands data and amqp-sequence bodies over as its own Section objects.
import { toJsonSafe } from './frameDecoder.ts';

export type BodySectionKind = 'amqp-value' | 'data' | 'amqp-sequence' | 'none';

/** Bytes as bytes: base64 for exactness, hex for reading, and the text when they are UTF-8. */
export interface BodyBytes {
  length: number;
  base64: string;
  hex: string;
  /** the bytes decoded as UTF-8, only when they are valid UTF-8 */
  utf8?: string;
}

export interface BodySection {
  kind: BodySectionKind;
  /** how many sections of that kind (several data or amqp-sequence sections are one body) */
  sections: number;
  /** the AMQP type of an amqp-value (string, binary, map, list, int, …) as far as rhea tells it */
  valueType?: string;
  /** amqp-value and amqp-sequence: the decoded value, JSON-safe (binary values as BodyBytes) */
  value?: unknown;
  /** data sections: their bytes, joined */
  bytes?: BodyBytes;
}

interface RheaSection { typecode: number; content: unknown; multiple?: boolean }

const DATA = 0x75;
const SEQUENCE = 0x76;
const MAX_BYTES_SHOWN = 64 * 1024; // longer bodies are cut in the text and hex views (base64 stays whole)

// rhea's Section has exactly these own fields (its class name does not survive minification)
const isSection = (v: unknown): v is RheaSection =>
  typeof v === 'object' && v !== null && typeof (v as RheaSection).typecode === 'number' && 'content' in v && 'multiple' in v;

const isBytes = (v: unknown): v is Uint8Array => v instanceof Uint8Array;

function toBase64(b: Uint8Array): string {
  let s = '';
  for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
  return btoa(s);
}

export function bytesOf(b: Uint8Array): BodyBytes {
  const shown = b.subarray(0, MAX_BYTES_SHOWN);
  const out: BodyBytes = { length: b.length, base64: toBase64(b), hex: Array.from(shown, (x) => x.toString(16).padStart(2, '0')).join('') };
  try {
    out.utf8 = new TextDecoder('utf-8', { fatal: true }).decode(shown);
  } catch {
    // not text: the hex view is the only one
  }
  return out;
}

/** JSON-safe value with every binary (at any depth) as BodyBytes instead of a hex string. */
function valueOf(v: unknown, depth = 0): unknown {
  if (isBytes(v)) return bytesOf(v);
  if (depth > 20) return toJsonSafe(v);
  if (Array.isArray(v)) return v.map((x) => valueOf(x, depth + 1));
  if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype) {
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, valueOf(x, depth + 1)]));
  }
  return toJsonSafe(v);
}

function typeOf(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (isBytes(v)) return 'binary';
  if (Array.isArray(v)) return 'list';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'double';
  if (typeof v === 'object') return Object.getPrototypeOf(v) === Object.prototype ? 'map' : 'described';
  return typeof v; // string, boolean, bigint
}

/** The body section of a message rhea decoded (`message.body`). */
export function bodySection(body: unknown): BodySection {
  if (isSection(body) && body.typecode === DATA) {
    const parts = (body.multiple ? body.content : [body.content]) as unknown[];
    const chunks = parts.filter(isBytes);
    const joined = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
    let at = 0;
    for (const c of chunks) {
      joined.set(c, at);
      at += c.length;
    }
    return { kind: 'data', sections: parts.length, bytes: bytesOf(joined) };
  }
  if (isSection(body) && body.typecode === SEQUENCE) {
    const lists = (body.multiple ? body.content : [body.content]) as unknown[];
    return { kind: 'amqp-sequence', sections: lists.length, value: valueOf(body.multiple ? lists : lists[0]) };
  }
  if (body === undefined) return { kind: 'none', sections: 0 };
  return { kind: 'amqp-value', sections: 1, valueType: typeOf(body), value: valueOf(body) };
}
