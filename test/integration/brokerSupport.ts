// Shared by the embedded-broker tests: a broker on free 127.0.0.1 ports (one per test file with
// brokerPerFile) and rhea clients for it.
import rhea from 'rhea';
import { afterAll, beforeAll } from 'vitest';
import type { Connection, ConnectionOptions, EventContext, Message, Receiver, Sender } from 'rhea';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../broker/server.ts';
import type { BrokerOptions } from '../../broker/broker.ts';

export interface TestBroker extends RunningServer {
  tcpPort: number;
}

export async function startTestBroker(broker: BrokerOptions = {}): Promise<TestBroker> {
  const server = await startServer({ host: '127.0.0.1', port: 0, tcpPort: 0, broker });
  return { ...server, tcpPort: Number(new URL(server.tcpUrl!).port) };
}

export type ClientOptions = Partial<ConnectionOptions> & { protocols?: string[] };

export interface BrokerFixture {
  /** the file's broker (set once its beforeAll has run) */
  readonly b: TestBroker;
  /** a connected rhea client, closed after the file's tests */
  client(opts?: ClientOptions & { over?: 'tcp' | 'ws' }): Promise<Connection>;
}

/** One broker for the calling test file: started before its tests, closed after them with every client it gave out. */
export function brokerPerFile(broker: BrokerOptions = {}): BrokerFixture {
  let server: TestBroker | undefined;
  const clients: Connection[] = [];
  beforeAll(async () => {
    server = await startTestBroker(broker);
  });
  afterAll(async () => {
    await Promise.all(clients.splice(0).map(closeClient));
    await server?.close();
  });
  return {
    get b() {
      if (!server) throw new Error('the broker starts in beforeAll: use it inside a test');
      return server;
    },
    async client(opts = {}) {
      const c = await connectClient(this.b, opts);
      clients.push(c);
      return c;
    },
  };
}

/** Start a rhea client connection over TCP (default) or WebSocket. */
export function openConnection(b: TestBroker, opts: ClientOptions & { over?: 'tcp' | 'ws' } = {}): Connection {
  const container = rhea.create_container({ id: `client-${Math.random().toString(36).slice(2, 8)}` });
  container.on('error', () => {});
  const { over = 'tcp', protocols = ['amqp'], ...rest } = opts;
  const base = { reconnect: false, ...rest } as ConnectionOptions;
  const conn = over === 'ws'
    ? container.connect({ ...base, connection_details: container.websocket_connect(WebSocket as never)(b.wsUrl, protocols, {}) } as unknown as ConnectionOptions)
    : container.connect({ ...base, host: '127.0.0.1', port: b.tcpPort } as ConnectionOptions);
  return conn;
}

const errorOf = (ctx: EventContext) =>
  (ctx.connection.error ?? (ctx.connection as unknown as { get_error(): unknown }).get_error()) as { condition?: string; description?: string } | undefined;

/** Open a rhea client connection over TCP (default) or WebSocket; resolves on connection_open. */
export function connectClient(b: TestBroker, opts: ClientOptions & { over?: 'tcp' | 'ws' } = {}): Promise<Connection> {
  const conn = openConnection(b, opts);
  return new Promise((ok, fail) => {
    conn.once('connection_open', () => ok(conn));
    conn.once('connection_error', (ctx: EventContext) => {
      const error = errorOf(ctx);
      fail(Object.assign(new Error(error?.description ?? 'connection error'), { condition: error?.condition }));
    });
    conn.once('disconnected', (ctx: EventContext) => fail(ctx.error ?? new Error('disconnected')));
  });
}

/** How a connection attempt ends: 'connected' when it stays open for a moment, else the error condition. */
export function connectOutcome(b: TestBroker, opts: ClientOptions & { over?: 'tcp' | 'ws' } = {}, keep?: Connection[]): Promise<string> {
  const conn = openConnection(b, opts);
  return new Promise((ok) => {
    let done = false;
    const finish = (result: string) => { if (!done) { done = true; ok(result); } };
    conn.on('connection_error', (ctx: EventContext) => finish(errorOf(ctx)?.condition ?? 'error'));
    conn.on('disconnected', (ctx: EventContext) => finish(String(ctx.error ?? 'disconnected')));
    // a "nothing more arrives" window: open, and no close right after it
    conn.once('connection_open', () => setTimeout(() => { if (!done) keep?.push(conn); finish('connected'); }, 300));
  });
}

export function closeClient(conn: Connection): Promise<void> {
  if (!conn.is_open()) return Promise.resolve();
  return new Promise((ok) => {
    const t = setTimeout(ok, 1000);
    conn.once('connection_close', () => { clearTimeout(t); ok(); });
    conn.once('disconnected', () => { clearTimeout(t); ok(); });
    conn.close();
  });
}

/** Resolves with the event context the next time `event` fires on `emitter`. */
export function next<T = EventContext>(emitter: { once(e: string, h: (x: T) => void): unknown }, event: string, ms = 5000): Promise<T> {
  return new Promise((ok, fail) => {
    const t = setTimeout(() => fail(new Error(`timed out waiting for ${event}`)), ms);
    emitter.once(event, (x: T) => { clearTimeout(t); ok(x); });
  });
}

export async function openSender(conn: Connection, address: string | null, opts: Record<string, unknown> = {}): Promise<Sender> {
  const s = conn.open_sender({ target: { address }, ...opts } as never);
  await next(s, 'sender_open');
  return s;
}

export async function openReceiver(conn: Connection, address: string, opts: Record<string, unknown> = {}): Promise<Receiver> {
  const r = conn.open_receiver({ source: { address }, ...opts } as never);
  await next(r, 'receiver_open');
  return r;
}

/** Send messages as credit allows; resolves with each one's outcome name, in order. */
export function sendAll(sender: Sender, messages: Message[]): Promise<string[]> {
  return new Promise((ok) => {
    const outcomes: string[] = new Array(messages.length);
    const ids = new Map<object, number>();
    let sent = 0;
    let settled = 0;
    const pump = () => {
      while (sent < messages.length && sender.sendable()) {
        ids.set(sender.send(messages[sent]!), sent);
        sent++;
      }
    };
    const onSettled = (ctx: EventContext) => {
      const i = ids.get(ctx.delivery!);
      if (i === undefined) return;
      outcomes[i] = (ctx.delivery!.remote_state as { constructor: { composite_type?: string } } | undefined)?.constructor.composite_type ?? 'none';
      if (++settled < messages.length) return;
      sender.off('sendable', pump);
      sender.off('settled', onSettled);
      ok(outcomes);
    };
    sender.on('sendable', pump);
    sender.on('settled', onSettled);
    pump();
  });
}

/** Management view of the queue at `address`, or undefined. */
export async function queueInfo(b: TestBroker, address: string) {
  const list = (await (await fetch(new URL('/api/queues', b.url))).json()) as { address: string; depth: number; consumers: number; enqueued: number; dequeued: number; deadLettered: number; dynamic: boolean }[];
  return list.find((q) => q.address === address);
}

export { sleep, until } from './support/wait.ts';
