// Decodes raw AMQP bytes (protocol headers and frames) into JSON-safe records with rhea's own codecs.
import { Buffer } from 'buffer';
import frames from 'rhea/lib/frames.js';
import types from 'rhea/lib/types.js';
import message from 'rhea/lib/message.js';

export const SUMMARY_CHARS = 80;

/** One decoded unit of the byte stream; `FrameRecord` minus who/when. */
export interface DecodedFrame {
  channel: number;
  /** 0 = AMQP, 1 = SASL; absent for protocol headers */
  type?: number;
  performative: string;
  fields: Record<string, unknown>;
  message?: { summary: string; size: number };
}

const SKIPPED_KEYS = new Set(['constructor', 'dispatch', 'toJSON', 'described', 'value']);
const MAX_DEPTH = 8;
/** Well-known descriptor codes (AMQP 1.0 messaging) named as the spec does. */
const DESCRIPTOR_NAMES: Record<number, string> = {
  0x1d: 'error', 0x23: 'received', 0x24: 'accepted', 0x25: 'rejected', 0x26: 'released', 0x27: 'modified',
  0x28: 'source', 0x29: 'target', 0x2b: 'delete-on-close',
};
/** Field names of described lists that rhea leaves as plain lists when reading (spec order). */
const LIST_FIELDS: Record<string, string[]> = {
  source: ['address', 'durable', 'expiry_policy', 'timeout', 'dynamic', 'dynamic_node_properties', 'distribution_mode', 'filter', 'default_outcome', 'outcomes', 'capabilities'],
  target: ['address', 'durable', 'expiry_policy', 'timeout', 'dynamic', 'dynamic_node_properties', 'capabilities'],
  received: ['section_number', 'section_offset'],
  rejected: ['error'],
  modified: ['delivery_failed', 'undeliverable_here', 'message_annotations'],
};

/** How many bytes the next unit (header or frame) at the start of `buf` takes, or 0 if not all there yet. */
export function nextUnitSize(buf: Uint8Array): number {
  if (buf.length < 8) return 0;
  if (buf[0] === 0x41 && buf[1] === 0x4d && buf[2] === 0x51 && buf[3] === 0x50) return 8; // 'AMQP'
  const size = ((buf[0]! << 24) >>> 0) + (buf[1]! << 16) + (buf[2]! << 8) + buf[3]!;
  if (size < 8) return -1; // not a frame: the stream is corrupt
  return buf.length >= size ? size : 0;
}

/** Decodes one whole unit: an 8-byte protocol header or one frame. Never throws. */
export function decodeUnit(bytes: Uint8Array): DecodedFrame {
  const buf = Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  try {
    if (buf.length === 8 && buf.toString('ascii', 0, 4) === 'AMQP') {
      const h = frames.read_header(buf);
      const layer = h.protocol_id === 3 ? 'sasl' : h.protocol_id === 2 ? 'tls' : 'amqp';
      return { channel: 0, performative: 'header', fields: { ...h, layer } };
    }
    const f = frames.read_frame(buf);
    if (!f) return { channel: 0, performative: 'incomplete', fields: { size: buf.length } };
    if (!f.performative) return { channel: f.channel, type: f.type, performative: 'heartbeat', fields: {} };
    const p = f.performative;
    const out: DecodedFrame = {
      channel: f.channel,
      type: f.type,
      performative: performativeName(p),
      fields: compositeFields(p, 0),
    };
    if (f.payload && f.payload.length) out.message = summariseMessage(f.payload, out.fields.more === true);
    return out;
  } catch (e) {
    return { channel: 0, performative: 'undecodable', fields: { error: String(e), bytes: buf.subarray(0, 64).toString('hex') } };
  }
}

/** A short description of a transfer's payload, never the payload itself. */
export function summariseMessage(payload: Uint8Array, more: boolean): { summary: string; size: number } {
  const size = payload.length;
  if (more) return { summary: `(first part of a message split over frames, ${size} bytes)`, size };
  const text = stringBody(payload);
  if (text !== null) return { summary: text, size };
  try {
    const buf = Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
    const msg = message.decode(buf);
    return { summary: summariseBody(msg.body), size };
  } catch {
    return { summary: `(part of a message split over frames, ${size} bytes)`, size };
  }
}

const utf8 = new TextDecoder();
const MAX_CHAR_BYTES = 4;

/**
 * The summary of a message whose body is one amqp-value string (the common case), read straight from
 * the bytes: the sections before the body are skipped by their sizes, not decoded. null for anything
 * else, which then goes through the full decoder.
 */
function stringBody(b: Uint8Array): string | null {
  let i = 0;
  while (i + 3 < b.length) {
    if (b[i] !== 0x00 || b[i + 1] !== 0x53) return null; // described by a small ulong code
    const code = b[i + 2]!;
    i += 3;
    if (code === 0x77) {
      // amqp-value: str8 or str32
      const t = b[i];
      const len = t === 0xa1 ? b[i + 1] : t === 0xb1 ? u32(b, i + 1) : undefined;
      if (len === undefined) return null;
      const start = i + (t === 0xa1 ? 2 : 5);
      if (start + len > b.length) return null;
      // SUMMARY_CHARS characters never take more than this many bytes
      const cut = Math.min(len, SUMMARY_CHARS * MAX_CHAR_BYTES);
      const text = utf8.decode(b.subarray(start, start + cut));
      return len > cut || text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 1)}…` : text;
    }
    if (code < 0x70 || code > 0x74) return null; // data, sequence, footer or unknown: the full decoder
    // header, annotations, properties, application properties: a list or map, skipped by its size
    const t = b[i];
    if (t === 0x45 || t === 0x40) i += 1;
    else if (t === 0xc0 || t === 0xc1) i += 2 + (b[i + 1] ?? 0);
    else if (t === 0xd0 || t === 0xd1) i += 5 + (u32(b, i + 1) ?? 0);
    else return null;
  }
  return null;
}

function u32(b: Uint8Array, at: number): number | undefined {
  if (at + 4 > b.length) return undefined;
  return ((b[at]! << 24) >>> 0) + (b[at + 1]! << 16) + (b[at + 2]! << 8) + b[at + 3]!;
}

export function summariseBody(body: unknown): string {
  let text: string;
  if (typeof body === 'string') text = body;
  else if (body === undefined) text = '(no body)';
  else if (isBytes(body)) text = `(binary, ${body.length} bytes)`;
  else if (isTyped(body) && isBytes(body.value)) text = `(binary, ${body.value.length} bytes)`;
  else text = JSON.stringify(toJsonSafe(body));
  return text.length > SUMMARY_CHARS ? `${text.slice(0, SUMMARY_CHARS - 1)}…` : text;
}

/** Any decoded AMQP value → plain JSON (binary → hex, described → `{descriptor, value}`). */
export function toJsonSafe(v: unknown, depth = 0): unknown {
  if (v === null || v === undefined) return null;
  if (depth > MAX_DEPTH) return '…';
  switch (typeof v) {
    case 'string':
    case 'boolean':
      return v;
    case 'number':
      return Number.isFinite(v) ? v : String(v);
    case 'bigint':
      return v.toString();
    case 'symbol':
    case 'function':
      return String(v);
  }
  if (isBytes(v)) return Buffer.from(v).toString('hex');
  if (v instanceof Date) return v.toISOString();
  if (Array.isArray(v)) return v.map((x) => toJsonSafe(x, depth + 1));
  if (isComposite(v)) return { descriptor: compositeName(v), value: compositeFields(v, depth + 1) };
  if (isTyped(v)) {
    if (v.descriptor !== undefined) {
      const d = toJsonSafe(types.unwrap(v.descriptor), depth + 1);
      const described = typeof d === 'number' ? (DESCRIPTOR_NAMES[d] ?? `0x${d.toString(16)}`) : d;
      const value = toJsonSafe(types.unwrap(v.value, true), depth + 1);
      const names = typeof described === 'string' ? LIST_FIELDS[described] : undefined;
      return { descriptor: described, value: names && Array.isArray(value) ? nameFields(names, value) : value };
    }
    return toJsonSafe(types.unwrap(v, true), depth + 1);
  }
  const out: Record<string, unknown> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) out[k] = toJsonSafe(x, depth + 1);
  return out;
}

function nameFields(names: string[], values: unknown[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  values.forEach((v, i) => {
    if (v !== null && v !== undefined) out[names[i] ?? `field_${i}`] = v;
  });
  return out;
}

interface TypedLike {
  type: unknown;
  value: unknown;
  descriptor?: unknown;
}

function isTyped(v: unknown): v is TypedLike {
  return typeof v === 'object' && v !== null && 'type' in v && 'value' in v && typeof (v as { toRheaTyped?: unknown }).toRheaTyped === 'function';
}

function isBytes(v: unknown): v is Uint8Array {
  return v instanceof Uint8Array || Buffer.isBuffer(v);
}

/** rhea composites (performatives, termini, outcomes, errors): a constructor with a descriptor and field getters. */
function isComposite(v: object): boolean {
  const c: unknown = (v as { constructor?: unknown }).constructor;
  if (typeof c !== 'function') return false;
  const d = (c as { descriptor?: { numeric?: unknown } }).descriptor;
  return !!d && d.numeric !== undefined;
}

const names = new WeakMap<object, string>();
const performatives = new WeakMap<object, string>();

function performativeName(p: object): string {
  const c = p.constructor as object;
  let name = performatives.get(c);
  if (name === undefined) performatives.set(c, (name = compositeName(p).replace(/_/g, '-')));
  return name;
}
const fieldKeys = new WeakMap<object, string[]>();

function compositeName(p: object): string {
  const c = p.constructor as object;
  let name = names.get(c);
  if (name === undefined) names.set(c, (name = String(c).split('#')[0] ?? 'unknown'));
  return name;
}

// Reads every field through its getter; JSON.stringify(p) would drop falsy ones (handle 0, role false).
function compositeFields(p: object, depth: number): Record<string, unknown> {
  const fields: Record<string, unknown> = {};
  const proto = Object.getPrototypeOf(p) as object;
  let keys = fieldKeys.get(proto);
  if (!keys) fieldKeys.set(proto, (keys = Object.getOwnPropertyNames(proto).filter((k) => !SKIPPED_KEYS.has(k))));
  for (const key of keys) {
    let value: unknown;
    try {
      value = (p as Record<string, unknown>)[key];
    } catch {
      continue;
    }
    if (value === undefined || value === null || typeof value === 'function') continue;
    fields[key] = toJsonSafe(value, depth);
  }
  return fields;
}
