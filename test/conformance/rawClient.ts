// A bare AMQP 1.0 client over TCP that writes whatever performatives a test asks for, on any
// channel and handle, and collects the broker's decoded frames. For the rules no real client lets
// you break (a handle used twice, a channel above channel-max, a flow asking for an echo).
import { createRequire } from 'node:module';
import { connect, type Socket } from 'node:net';

interface Frames {
  write_frame(f: unknown): Buffer;
  read_frame(b: Buffer): { size: number; channel: number; performative?: Performative } | null;
  amqp_frame(channel: number, p: unknown, payload?: Buffer): unknown;
  [performative: string]: unknown;
}
export interface Performative { constructor: { toString(): string }; [field: string]: unknown }
export interface Frame { channel: number; name: string; fields: Performative }

const req = createRequire(import.meta.url);
const frames = req('rhea/lib/frames.js') as Frames;
export const terminus = req('rhea/lib/terminus.js') as Record<string, (f: object) => { described(): unknown }>;

/** The performative's name, e.g. "attach" (rhea names composites "attach#12"). */
const nameOf = (p: Performative) => p.constructor.toString().split('#')[0]!;

export class RawClient {
  readonly frames: Frame[] = [];
  closed = false;
  private buffer = Buffer.alloc(0);
  private headerSeen = false;
  private waiters: (() => void)[] = [];

  private constructor(private readonly socket: Socket) {
    socket.on('data', (chunk) => this.onData(chunk));
    socket.on('close', () => { this.closed = true; this.wake(); });
    socket.on('error', () => undefined);
  }

  /** Connect (no SASL), send the protocol header and an open. */
  static async open(port: number): Promise<RawClient> {
    const socket = connect(port, '127.0.0.1');
    await new Promise<void>((ok, fail) => socket.once('connect', ok).once('error', fail));
    const client = new RawClient(socket);
    socket.write(Buffer.from('AMQP\x00\x01\x00\x00', 'latin1'));
    client.send(0, 'open', { container_id: 'raw-client', max_frame_size: 65536 });
    await client.next((f) => f.name === 'open');
    return client;
  }

  send(channel: number, performative: string, fields: object, payload?: Buffer): void {
    const make = frames[performative] as (f: object) => unknown;
    this.socket.write(frames.write_frame(frames.amqp_frame(channel, make(fields), payload)));
  }

  /** Begin a session on this channel and wait for the broker's begin. */
  async begin(channel: number): Promise<Frame> {
    this.send(channel, 'begin', { next_outgoing_id: 0, incoming_window: 2048, outgoing_window: 2048 });
    return this.next((f) => f.name === 'begin' && f.fields.remote_channel === channel);
  }

  /** Attach a link; role "receiver" means this client receives (the broker sends). */
  attach(channel: number, handle: number, name: string, role: 'sender' | 'receiver', address: string): void {
    this.send(channel, 'attach', {
      name, handle, role: role === 'receiver',
      source: terminus.source!({ address }).described(), target: terminus.target!({ address }).described(),
      ...(role === 'sender' ? { initial_delivery_count: 0 } : {}),
    });
  }

  /** The first frame (seen or still to come) matching `match`; rejects when the socket closes or after 10 s. */
  async next(match: (f: Frame) => boolean, from = 0): Promise<Frame> {
    const deadline = Date.now() + 10_000;
    for (;;) {
      const found = this.frames.slice(from).find(match);
      if (found) return found;
      if (this.closed) throw new Error(`connection closed; frames: ${this.describe()}`);
      if (Date.now() > deadline) throw new Error(`no matching frame; frames: ${this.describe()}`);
      await new Promise<void>((ok) => { this.waiters.push(ok); setTimeout(ok, 100); });
    }
  }

  describe(): string {
    return this.frames.map((f) => `${f.channel}:${f.name}`).join(' ');
  }

  close(): void {
    this.socket.destroy();
  }

  private onData(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    if (!this.headerSeen) {
      if (this.buffer.length < 8) return;
      this.buffer = this.buffer.subarray(8);
      this.headerSeen = true;
    }
    while (this.buffer.length >= 8 && this.buffer.readUInt32BE(0) <= this.buffer.length) {
      const size = this.buffer.readUInt32BE(0);
      const frame = frames.read_frame(this.buffer.subarray(0, size));
      this.buffer = this.buffer.subarray(size);
      if (frame?.performative) this.frames.push({ channel: frame.channel, name: nameOf(frame.performative), fields: frame.performative });
    }
    this.wake();
  }

  private wake(): void {
    const waiting = this.waiters;
    this.waiters = [];
    for (const w of waiting) w();
  }
}
