// The raw rhea probe: one connection, a receiver and a sender on one address; sends N messages as
// fast as credit allows and times from connect to the last message received and the last settled.
import rhea, { type Connection, type ConnectionOptions, type EventContext } from 'rhea';
import WebSocket from 'ws';

export interface ProbeOptions {
  /** amqp://host:port or ws://host:port/path */
  url: string;
  address: string;
  messages: number;
  bodySize: number;
  creditWindow: number;
  timeoutMs?: number;
  /** WebSocket subprotocols, for ws:// URLs */
  subprotocols?: string[];
}

export interface ProbeResult {
  ms: number;
  messagesPerSecond: number;
  accepted: number;
  received: number;
}

function connectionOptions(url: string, subprotocols: string[]): ConnectionOptions {
  const u = new URL(url);
  const base = { container_id: `probe-${process.pid}-${Math.random().toString(36).slice(2)}`, reconnect: false, hostname: 'localhost' } as const;
  if (u.protocol === 'amqp:') return { ...base, host: u.hostname, port: Number(u.port || 5672), sasl_mechanisms: undefined } as ConnectionOptions;
  const factory = rhea.websocket_connect(WebSocket as never);
  return { ...base, connection_details: factory(url, subprotocols, {}) } as unknown as ConnectionOptions;
}

export function probe(o: ProbeOptions): Promise<ProbeResult> {
  const container = rhea.create_container();
  const body = 'x'.repeat(o.bodySize);
  const started = performance.now();
  return new Promise<ProbeResult>((resolve, reject) => {
    let sent = 0;
    let accepted = 0;
    let received = 0;
    let conn: Connection | null = null;
    const timer = setTimeout(() => fail(new Error(`probe timed out at ${o.url}: ${sent} sent, ${accepted} accepted, ${received} received`)), o.timeoutMs ?? 120_000);
    const fail = (e: Error) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      conn?.close();
      reject(e);
    };
    let done = false;
    const check = () => {
      if (done || accepted < o.messages || received < o.messages) return;
      done = true;
      const ms = performance.now() - started;
      clearTimeout(timer);
      conn!.once('connection_close', () => resolve({ ms, messagesPerSecond: o.messages / (ms / 1000), accepted, received }));
      conn!.close();
    };
    const send = (ctx: EventContext) => {
      const s = ctx.sender!;
      while (sent < o.messages && s.sendable()) {
        s.send({ body });
        sent++;
      }
    };
    container.on('sendable', send);
    container.on('accepted', () => {
      accepted++;
      check();
    });
    for (const bad of ['rejected', 'released', 'modified'] as const) {
      container.on(bad, (ctx: EventContext) => fail(new Error(`a probe message was ${bad}: ${JSON.stringify(ctx.delivery?.remote_state ?? null)}`)));
    }
    container.on('message', () => {
      received++;
      check();
    });
    container.on('error', (ctx: EventContext) => fail(new Error(`probe error at ${o.url}: ${String(ctx.error ?? 'unknown')}`)));
    container.on('disconnected', (ctx: EventContext) => {
      if (accepted < o.messages || received < o.messages) fail(new Error(`probe disconnected from ${o.url}: ${String(ctx.error ?? 'no reason')}`));
    });
    conn = container.connect(connectionOptions(o.url, o.subprotocols ?? ['binary', 'AMQPWSB10', 'amqp']));
    conn.open_receiver({ source: { address: o.address }, credit_window: o.creditWindow, autoaccept: true });
    conn.open_sender({ target: { address: o.address } });
  });
}
