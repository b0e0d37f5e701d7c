// Which AMQP type each application property of a received message arrived as. rhea decodes them to
// plain JavaScript values and drops the type codes, so the bytes of each message that has
// application properties are kept beside it (a reference, not a copy) and read again for the type
// codes of that one section when asked. Installed once, on rhea's own message codec.
import type { Buffer } from 'buffer';
import message from 'rhea/lib/message.js';
import types from 'rhea/lib/types.js';

const ENCODED = Symbol('encoded message');
const APPLICATION_PROPERTIES = 0x74;

interface Typed {
  type: { typecode: number };
  value: unknown;
}
type ReaderClass = new (buffer: Buffer) => { read(): unknown; remaining(): number };

/** AMQP 1.0 §1.6 type codes by the type they encode (the compact encodings included). */
const TYPE_NAMES: Record<number, string> = {
  0x40: 'null', 0x41: 'boolean', 0x42: 'boolean', 0x56: 'boolean',
  0x50: 'ubyte', 0x51: 'byte', 0x60: 'ushort', 0x61: 'short',
  0x43: 'uint', 0x52: 'uint', 0x70: 'uint', 0x44: 'ulong', 0x53: 'ulong', 0x80: 'ulong',
  0x54: 'int', 0x71: 'int', 0x55: 'long', 0x81: 'long',
  0x72: 'float', 0x82: 'double', 0x73: 'char', 0x83: 'timestamp', 0x98: 'uuid',
  0xa0: 'binary', 0xb0: 'binary', 0xa1: 'string', 0xb1: 'string', 0xa3: 'symbol', 0xb3: 'symbol',
};

let installed = false;

/** Keeps the bytes of each decoded message that has application properties (idempotent). */
export function keepEncodedApplicationProperties(): void {
  if (installed) return;
  installed = true;
  const decode = message.decode.bind(message);
  message.decode = (buffer: Buffer) => {
    const decoded = decode(buffer);
    if (decoded.application_properties) Object.defineProperty(decoded, ENCODED, { value: buffer });
    return decoded;
  };
}

/** The AMQP type of each application property of a message rhea decoded, or undefined when not known. */
export function applicationPropertyTypesOf(decoded: object): Record<string, string> | undefined {
  const buffer = (decoded as { [ENCODED]?: Buffer })[ENCODED];
  if (!buffer) return undefined;
  try {
    const reader = new (types.Reader as ReaderClass)(buffer);
    while (reader.remaining() > 0) {
      const section = reader.read() as { descriptor?: { value: unknown }; value: Typed[] };
      if (Number(section.descriptor?.value) !== APPLICATION_PROPERTIES) continue;
      const out: Record<string, string> = {};
      for (let i = 0; i + 1 < section.value.length; i += 2) {
        const code = section.value[i + 1]!.type.typecode;
        // defined, not assigned: a property named "__proto__" stays a property
        Object.defineProperty(out, String(section.value[i]!.value), { value: TYPE_NAMES[code] ?? `0x${code.toString(16)}`, enumerable: true, writable: true, configurable: true });
      }
      return out;
    }
  } catch {
    // bytes rhea could decode but this reading could not: the types stay unknown
  }
  return undefined;
}
