// Types for the parts of rhea's lib/ that the frame trace uses (rhea ships typings for its main entry only).
declare module 'rhea/lib/frames.js' {
  import type { Buffer } from 'buffer';
  export interface ProtocolHeader {
    protocol_id: number;
    major: number;
    minor: number;
    revision: number;
  }
  export interface RawFrame {
    size: number;
    type: number;
    channel: number;
    /** a composite instance (fields are getters on its prototype) */
    performative?: object;
    payload?: Buffer;
  }
  interface Frames {
    TYPE_AMQP: 0;
    TYPE_SASL: 1;
    read_header(buffer: Buffer): ProtocolHeader;
    write_header(buffer: Buffer, header: ProtocolHeader): number;
    read_frame(buffer: Buffer): RawFrame | null;
    write_frame(frame: { type: number; channel: number; performative?: object; payload?: Buffer }): Buffer;
    [performative: string]: unknown;
  }
  const frames: Frames;
  export default frames;
}

declare module 'rhea/lib/types.js' {
  interface Types {
    unwrap(o: unknown, leaveDescribed?: boolean): unknown;
    Reader: unknown;
    [name: string]: unknown;
  }
  const types: Types;
  export default types;
}

declare module 'rhea/lib/message.js' {
  import type { Buffer } from 'buffer';
  interface MessageCodec {
    encode(msg: object): Buffer;
    decode(buffer: Buffer): Record<string, unknown> & { body?: unknown };
    data_section(data: Buffer): unknown;
  }
  const message: MessageCodec;
  export default message;
}
