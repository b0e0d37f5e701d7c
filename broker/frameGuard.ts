// Checks the byte stream of one connection before rhea decodes it: protocol headers, frame sizes,
// data offsets and frame types. A stream that breaks the rules is stopped here, with the AMQP
// condition that names the problem, before it can make the decoder buffer or misread anything.

export type Layer = 'start' | 'sasl' | 'amqp';

export interface Violation {
  /** the layer the bad bytes arrived in: before any header, in SASL, or in AMQP proper */
  layer: Layer;
  condition: string;
  description: string;
}

export interface GuardOptions {
  maxFrameSize: number;
  /** a client must start with the SASL header (PLAIN required) */
  saslRequired: boolean;
}

const AMQP = Buffer.from('AMQP');
const MIN_FRAME = 8;
const EMPTY = Buffer.alloc(0);

function framingError(layer: Layer, description: string): Violation {
  return { layer, condition: 'amqp:connection:framing-error', description };
}

export class FrameGuard {
  layer: Layer = 'start';
  private readonly opts: GuardOptions;
  private pending = EMPTY; // start of a header or frame header split across chunks
  private skip = 0; // bytes of the current frame body still to pass
  private stopped: Violation | null = null;

  constructor(opts: GuardOptions) {
    this.opts = opts;
  }

  /** The header this broker answers a bad protocol header with before closing. */
  get supportedHeader(): Buffer {
    return Buffer.from([0x41, 0x4d, 0x51, 0x50, this.opts.saslRequired ? 3 : 0, 1, 0, 0]);
  }

  /** Check the next chunk; a violation stops the stream for good. */
  check(chunk: Buffer): Violation | null {
    if (this.stopped) return this.stopped;
    let i = 0;
    while (i < chunk.length) {
      if (this.skip > 0) {
        const n = Math.min(this.skip, chunk.length - i);
        this.skip -= n;
        i += n;
        continue;
      }
      let head: Buffer;
      if (this.pending.length === 0 && chunk.length - i >= MIN_FRAME) {
        // the usual case: the whole frame header is in this chunk, read it in place
        head = chunk.subarray(i, i + MIN_FRAME);
        i += MIN_FRAME;
      } else {
        const take = Math.min(MIN_FRAME - this.pending.length, chunk.length - i);
        this.pending = Buffer.concat([this.pending, chunk.subarray(i, i + take)]);
        i += take;
        if (this.pending.length < MIN_FRAME) break;
        head = this.pending;
        this.pending = EMPTY;
      }
      const v = this.inspect(head);
      if (v) return (this.stopped = v);
    }
    return null;
  }

  private inspect(h: Buffer): Violation | null {
    const isHeader = h[0] === 0x41 && h.subarray(0, 4).equals(AMQP);
    if (this.layer === 'start' || (this.layer === 'sasl' && isHeader)) return this.header(h, isHeader);
    const size = h.readUInt32BE(0);
    const doff = h[4]!;
    const type = h[5]!;
    if (size < MIN_FRAME) return framingError(this.layer, `frame size ${size} is smaller than the 8-byte frame header`);
    if (size > this.opts.maxFrameSize) {
      return framingError(this.layer, `frame of ${size} bytes exceeds the broker's max-frame-size ${this.opts.maxFrameSize}`);
    }
    if (doff < 2 || doff * 4 > size) return framingError(this.layer, `data offset ${doff} is invalid for a frame of ${size} bytes (minimum 2)`);
    const expected = this.layer === 'sasl' ? 1 : 0;
    if (type !== expected) {
      return framingError(this.layer, `frame type ${type} where a ${expected ? 'SASL (1)' : 'AMQP (0)'} frame was expected`);
    }
    this.skip = size - MIN_FRAME;
    return null;
  }

  private header(h: Buffer, isHeader: boolean): Violation | null {
    const bad = (description: string): Violation => ({ layer: this.layer, condition: 'amqp:connection:framing-error', description });
    if (!isHeader) return bad(`expected the protocol header "AMQP" ${this.layer === 'start' ? '3' : '0'} 1 0 0, got bytes ${h.toString('hex')}`);
    const [id, major, minor, revision] = [h[4]!, h[5]!, h[6]!, h[7]!];
    if (major !== 1 || minor !== 0 || revision !== 0) return bad(`unsupported AMQP version ${major}.${minor}.${revision}; this broker speaks 1.0.0`);
    if (this.layer === 'start') {
      if (id === 3) this.layer = 'sasl';
      else if (id === 0 && !this.opts.saslRequired) this.layer = 'amqp';
      else if (id === 0) return bad('this broker requires SASL (PLAIN): start with the SASL header "AMQP" 3 1 0 0');
      else return bad(`protocol id ${id} is not supported (0 = AMQP, 3 = SASL; TLS is not offered)`);
      return null;
    }
    if (id !== 0) return bad(`after SASL the AMQP header "AMQP" 0 1 0 0 must follow, got protocol id ${id}`);
    this.layer = 'amqp';
    return null;
  }
}
