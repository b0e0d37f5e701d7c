// Garbage and mutated frames against the embedded broker over raw TCP: every bad stream ends only
// its own connection, the broker stays up, and a client connected all along notices nothing.
// The PRNG is seeded, so a failing case can be replayed: its seed and index are in the message.
import { createRequire } from 'node:module';
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rhea from 'rhea';
import type { Connection, EventContext } from 'rhea';
import { closeClient, connectClient, openReceiver, openSender, sendAll, until, type TestBroker, startTestBroker } from './brokerSupport.ts';
import { seededRandom as prng } from '../support/seededRandom.ts';

interface Frames {
  write_frame(f: unknown): Buffer;
  amqp_frame(channel: number, p: unknown, payload?: Buffer): unknown;
  sasl_frame(p: unknown): unknown;
  [performative: string]: unknown;
}
const req = createRequire(import.meta.url);
const frames = req('rhea/lib/frames.js') as Frames;
const terminus = req('rhea/lib/terminus.js') as Record<string, (f: object) => { described(): unknown }>;
const make = (name: string, fields: object) => (frames[name] as (f: object) => unknown)(fields);
const amqp = (name: string, fields: object, payload?: Buffer) => frames.write_frame(frames.amqp_frame(0, make(name, fields), payload));


/** The frames of a well-behaved client: open, begin, attach a sender, send two messages, detach, end, close. */
function validFrames(sasl: boolean): Buffer[] {
  const out: Buffer[] = [];
  if (sasl) {
    out.push(Buffer.from('AMQP\x03\x01\x00\x00', 'latin1'));
    out.push(frames.write_frame(frames.sasl_frame(make('sasl_init', { mechanism: 'ANONYMOUS', initial_response: Buffer.from('fuzz') }))));
  }
  out.push(Buffer.from('AMQP\x00\x01\x00\x00', 'latin1'));
  out.push(amqp('open', { container_id: 'fuzz', max_frame_size: 65536 }));
  out.push(amqp('begin', { next_outgoing_id: 0, incoming_window: 2048, outgoing_window: 2048 }));
  out.push(amqp('attach', { name: 'fuzz-link', handle: 0, role: false, source: terminus.source!({ address: 'fuzz' }).described(), target: terminus.target!({ address: 'fuzz' }).described(), initial_delivery_count: 0 }));
  for (let i = 0; i < 2; i++) {
    out.push(amqp('transfer', { handle: 0, delivery_id: i, delivery_tag: Buffer.from(String(i)), message_format: 0, settled: false }, rhea.message.encode({ body: `fuzz ${i}`, application_properties: { n: i } })));
  }
  out.push(amqp('attach', { name: 'fuzz-in', handle: 1, role: true, source: terminus.source!({ address: 'fuzz' }).described(), target: terminus.target!({}).described() }));
  out.push(amqp('flow', { next_incoming_id: 0, incoming_window: 2048, next_outgoing_id: 2, outgoing_window: 2048, handle: 1, delivery_count: 0, link_credit: 5, drain: true }));
  out.push(amqp('disposition', { role: true, first: 0, last: 1, settled: true, state: (rhea.message as unknown as { accepted(): { described(): unknown } }).accepted().described() }));
  out.push(amqp('detach', { handle: 0, closed: true }));
  out.push(amqp('end', {}));
  out.push(amqp('close', {}));
  return out;
}

/** One bad stream, chosen and mutated by the PRNG. */
function badStream(rand: () => number): Buffer {
  const int = (n: number) => Math.floor(rand() * n);
  const kind = int(6);
  if (kind === 0) return Buffer.from(Array.from({ length: 1 + int(300) }, () => int(256))); // pure garbage
  if (kind === 1) { // a protocol header that is not ours
    const h = Buffer.from('AMQP\x00\x01\x00\x00', 'latin1');
    h[int(8)] = int(256);
    return h;
  }
  const parts = validFrames(rand() < 0.3);
  if (kind === 2) { // frames out of order
    const body = parts.splice(1);
    for (let i = body.length - 1; i > 0; i--) { const j = int(i + 1); [body[i], body[j]] = [body[j]!, body[i]!]; }
    return Buffer.concat([parts[0]!, ...body]);
  }
  if (kind === 3) { // a frame repeated, or a frame cut short
    const i = 1 + int(parts.length - 1);
    if (rand() < 0.5) parts.splice(i, 0, parts[i]!);
    else parts[i] = parts[i]!.subarray(0, int(parts[i]!.length));
    return Buffer.concat(parts);
  }
  const stream = Buffer.concat(parts);
  if (kind === 4) { // a few random bytes changed after the header
    for (let k = 1 + int(4); k > 0; k--) stream[8 + int(stream.length - 8)] = int(256);
    return stream;
  }
  // random bytes spliced in at a frame boundary
  const at = parts.slice(0, 1 + int(parts.length - 1)).reduce((n, p) => n + p.length, 0);
  return Buffer.concat([stream.subarray(0, at), Buffer.from(Array.from({ length: 1 + int(64) }, () => int(256))), stream.subarray(at)]);
}

/** Write the bytes, then wait for the broker to close or for a short pause; never throws. */
function throwAt(port: number, bytes: Buffer): Promise<void> {
  return new Promise((ok) => {
    const socket = connect(port, '127.0.0.1');
    const done = () => { clearTimeout(timer); socket.destroy(); ok(); };
    const timer = setTimeout(done, 150);
    socket.on('error', done);
    socket.on('close', done);
    socket.on('data', () => {});
    socket.on('connect', () => socket.write(bytes));
  });
}

let b: TestBroker;
let bystander: Connection;
beforeAll(async () => {
  b = await startTestBroker({ maxConnections: 1000 });
  bystander = await connectClient(b);
});
afterAll(async () => { await closeClient(bystander); await b.close(); });

describe('embedded broker against bad input', () => {
  it('survives 1,500 garbage and mutated streams with other clients unaffected', async () => {
    const seed = Number(process.env.FUZZ_SEED ?? 20261123);
    const rand = prng(seed);
    const got: unknown[] = [];
    const r = await openReceiver(bystander, 'bystander', { credit_window: 100 });
    r.on('message', (ctx: EventContext) => { got.push(ctx.message!.body); });
    const s = await openSender(bystander, 'bystander');
    const cases = Array.from({ length: 1500 }, () => badStream(rand));
    for (let i = 0; i < cases.length; i += 100) {
      await Promise.all(cases.slice(i, i + 100).map((bytes) => throwAt(b.tcpPort, bytes)));
      expect(await sendAll(s, [{ body: i }]), `after case ${i} (seed ${seed})`).toEqual(['accepted']);
    }
    await until(() => got.length === 15, 'bystander messages', 5000);
    expect(bystander.is_open()).toBe(true);
    const fresh = await connectClient(b, { over: 'ws' });
    expect(await sendAll(await openSender(fresh, 'after-fuzz'), [{ body: 'ok' }])).toEqual(['accepted']);
    await closeClient(fresh);
    await until(() => b.broker.connections().length === 1, 'every fuzz connection closed', 5000);
  }, 60_000);

  it('answers a wrong protocol header with its own header and closes', async () => {
    const reply = await new Promise<Buffer>((ok) => {
      const chunks: Buffer[] = [];
      const socket = connect(b.tcpPort, '127.0.0.1', () => socket.write('GET / HTTP/1.1\r\n\r\n'));
      socket.on('data', (d) => chunks.push(d));
      socket.on('close', () => ok(Buffer.concat(chunks)));
    });
    expect(reply.toString('latin1')).toBe('AMQP\x00\x01\x00\x00');
  });

  it('closes a connection that sends a frame with an impossible size with a framing error', async () => {
    const reply = await new Promise<Buffer>((ok) => {
      const chunks: Buffer[] = [];
      const socket = connect(b.tcpPort, '127.0.0.1', () => {
        socket.write(Buffer.concat([Buffer.from('AMQP\x00\x01\x00\x00', 'latin1'), amqp('open', { container_id: 'x' })]));
        setTimeout(() => socket.write(Buffer.from([0, 0, 0, 4, 2, 0, 0, 0])), 50);
      });
      socket.on('data', (d) => chunks.push(d));
      socket.on('close', () => ok(Buffer.concat(chunks)));
    });
    const text = reply.toString('latin1');
    expect(text).toContain('amqp:connection:framing-error');
    expect(text).toContain('frame size 4');
  });
});

describe('embedded broker against frames out of order', () => {
  it('ends the session (not the connection) of a peer that attaches the same link twice on one handle, with handle-in-use', async () => {
    const parts = validFrames(false);
    const reply = await new Promise<string>((ok) => {
      const chunks: Buffer[] = [];
      const socket = connect(b.tcpPort, '127.0.0.1', () => socket.write(Buffer.concat([...parts.slice(0, 4), parts[3]!])));
      socket.on('data', (d) => {
        chunks.push(d);
        const text = Buffer.concat(chunks).toString('latin1');
        if (text.includes('handle-in-use')) {
          socket.destroy();
          ok(text);
        }
      });
      socket.on('close', () => ok(Buffer.concat(chunks).toString('latin1')));
    });
    expect(reply).toContain('amqp:session:handle-in-use');
    expect(reply).toContain('handle 0 is already in use');
    expect(reply).not.toContain('amqp:illegal-state');
  });
});
