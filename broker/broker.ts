// The embedded AMQP 1.0 broker: rhea in its server role over any byte transport (WebSocket, TCP).
// A queue per address, competing consumers, exact credit, outcomes, dead-lettering, dynamic
// queues, `$cbs`, SASL and limits. Wire-level mistakes end only the connection that made them.
// Over 300 lines: the one place rhea's server events are routed; each handler calls a small module
// (router, queue, settle, outgoing, incoming) beside it.
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import rhea from 'rhea';
import type { AmqpError, Connection, EventContext, Sender, Session } from 'rhea';
import type { WebSocket } from 'ws';
import { FrameGuard, type Violation } from './frameGuard.ts';
import type { RawSocket } from './rawSocket.ts';
import { listenTcp as listenTcpSocket, type TcpListener } from './transportTcp.ts';
import { wsSocket } from './transportWs.ts';
import { configureSasl } from './sasl.ts';
import { Consumer } from './outgoing.ts';
import { Producer, watchTransfers } from './incoming.ts';
import { settle } from './settle.ts';
import { Router } from './router.ts';
import { guardAttaches, refusalOf } from './attachGuard.ts';
import { answerEcho } from './flowEcho.ts';
import { guardConnection } from './connectionGuard.ts';
import { resolveLimits, type Limits } from './limits.ts';
import { createFaults, type BrokerFaults } from './faults.ts';

export interface BrokerOptions {
  /** user → password; when given, SASL PLAIN is required and ANONYMOUS is not offered */
  users?: Record<string, string>;
  maxConnections?: number;
  maxFrameSize?: number;
  maxMessageSize?: number;
  maxQueueDepth?: number;
  /** failed deliveries before a message goes to `<address>.dlq` (default 10) */
  maxDeliveryCount?: number;
  /** idle-time-out the broker announces, ms (default 120000; 0 = none) */
  idleTimeoutMs?: number;
  /** container-id the broker announces in its open frame */
  containerId?: string;
}

export interface QueueInfo {
  address: string;
  depth: number;
  consumers: number;
  enqueued: number;
  dequeued: number;
  deadLettered: number;
  dynamic: boolean;
}

export interface ConnectionInfo {
  id: string;
  containerId: string | null;
  remote: string;
  transport: 'ws' | 'tcp';
  sessions: number;
  links: number;
  openedAt: string;
}

export interface Broker {
  readonly limits: Limits;
  acceptWebSocket(ws: WebSocket, req?: IncomingMessage): void;
  /** accept any byte transport (used by the WebSocket and TCP listeners) */
  acceptSocket(raw: RawSocket): void;
  listenTcp(opts: { host?: string; port: number }): Promise<{ port: number; close(): Promise<void> }>;
  queues(): QueueInfo[];
  connections(): ConnectionInfo[];
  /** faults injected on purpose (restart, drop a connection, pause/slow a queue, reject the next N) */
  readonly faults: BrokerFaults;
  close(): Promise<void>;
}

interface Conn {
  id: string;
  raw: RawSocket;
  amqp: Connection;
  openedAt: string;
  /** within max-connections; a connection beyond it is opened only to be closed with the reason */
  counted: boolean;
  consumers: Set<Consumer>;
  producers: Set<Producer>;
  gone: boolean;
}

interface ConnectionInternals {
  _process(): void;
  state: { local_open: boolean; remote_open: boolean };
  local_channel_map: Record<string, SessionInternals | undefined>;
}
interface SessionInternals { is_open(): boolean; links: Record<string, { is_open(): boolean } | undefined> }
interface FramesInternals {
  write_frame(frame: unknown): Buffer;
  amqp_frame(channel: number, performative: unknown): unknown;
  close(fields: { error: AmqpError }): unknown;
}

const framesModule = createRequire(import.meta.url)('rhea/lib/frames.js') as FramesInternals;

/** The AMQP condition for an error rhea raised while reading a peer's frames. */
export function conditionFor(e: unknown, fallback: string): AmqpError {
  const description = String((e as Error)?.message ?? e);
  if (/already received|after detach|frame sequence|on sending link/i.test(description)) return { condition: 'amqp:illegal-state', description: `frame out of order: ${description}` };
  if (/invalid handle/i.test(description)) return { condition: 'amqp:session:unattached-handle', description };
  if (/remote channel/i.test(description)) return { condition: 'amqp:connection:framing-error', description };
  return { condition: fallback, description };
}

/** highest channel number a peer may begin a session on */
const CHANNEL_MAX = 255;

/** time a new connection has to send its AMQP open (after SASL) */
const HANDSHAKE_TIMEOUT_MS = 10_000;

let brokerCount = 0;

export function createBroker(opts: BrokerOptions = {}): Broker {
  const limits = resolveLimits(opts);
  const container = rhea.create_container({ id: opts.containerId ?? 'amqp-flow-broker' });
  container.on('error', () => { /* every error also closes its connection; nothing to add here */ });
  const saslRequired = configureSasl(container, opts.users);
  const conns = new Set<Conn>();
  const tcpListeners = new Set<TcpListener>();
  const broker = ++brokerCount;
  const router = new Router(limits, `amq.dynamic.${broker}`);
  let connCount = 0;
  let closing = false;
  /** restarting (a fault): new connections are cut at once */
  let down = false;
  const faults = createFaults({
    connections: () => [...conns].map((c) => ({
      containerId: (c.amqp as unknown as { container_id?: string }).container_id ?? null,
      close: (error: AmqpError) => closeWithError(c, error),
      destroy: () => c.raw.destroy(),
    })),
    nodeFor: (address) => router.nodeFor(address),
    clearQueues: () => {
      let lost = 0;
      for (const n of router.nodes.values()) lost += n.queue.depth;
      router.nodes.clear();
      return lost;
    },
    setDown: (d) => { down = d; },
  });
  router.intercept = (address) => faults.interceptIncoming(address);

  function accept(raw: RawSocket): void {
    if (down) return raw.destroy();
    const counted = closing ? false : [...conns].filter((c) => c.counted).length < limits.maxConnections;
    const id = `b${broker}-c${++connCount}`;
    const amqp = container.create_connection({
      id,
      container_id: container.id,
      max_frame_size: limits.maxFrameSize,
      channel_max: CHANNEL_MAX,
      ...(limits.idleTimeoutMs > 0 ? { idle_time_out: limits.idleTimeoutMs } : {}),
      reconnect: false,
      properties: { product: 'AMQP Flow embedded broker' },
      offered_capabilities: ['ANONYMOUS-RELAY'],
      sender_options: { autosettle: true, treat_modified_as_released: false },
      receiver_options: { autoaccept: false, credit_window: 0 },
    } as unknown as Parameters<typeof container.create_connection>[0]);
    const conn: Conn = { id, raw, amqp, openedAt: new Date().toISOString(), counted, consumers: new Set(), producers: new Set(), gone: false };
    conns.add(conn);
    const guard = new FrameGuard({ maxFrameSize: limits.maxFrameSize, saslRequired });
    const handlers: Record<string, ((arg?: unknown) => void) | undefined> = {};
    let stopped = false;
    raw.onData((bytes) => {
      if (stopped) return;
      const violation = guard.check(bytes);
      if (violation) {
        stopped = true;
        return refuse(conn, guard, violation);
      }
      handlers.data?.(bytes);
    });
    raw.onClose((error) => {
      stopped = true;
      handlers.end?.(error);
      process.nextTick(() => cleanup(conn));
    });
    const internals = amqp as unknown as ConnectionInternals;
    const rheaProcess = internals._process.bind(amqp);
    internals._process = () => {
      try {
        rheaProcess();
      } catch {
        // a state rhea cannot continue from: end this connection only
        stopped = true;
        raw.destroy();
      }
    };
    guardConnection(amqp, {
      channelMax: CHANNEL_MAX,
      refuse: (error) => { stopped = true; closeWithError(conn, error); },
      gone: () => cleanup(conn),
      destroy: () => raw.destroy(),
    });
    // a socket that never completes the open exchange must not hold a connection slot forever
    const handshake = setTimeout(() => { if (!internals.state.remote_open) raw.destroy(); }, HANDSHAKE_TIMEOUT_MS);
    handshake.unref();
    raw.onClose(() => clearTimeout(handshake));
    listen(conn);
    amqp.accept({
      on: (event: string, handler: (arg?: unknown) => void) => { handlers[event] = handler; },
      write: (b: Buffer) => raw.write(b),
      end: () => raw.end(),
      destroy: () => raw.destroy(),
      get_id_string: () => raw.remote,
    } as unknown as Parameters<Connection['accept']>[0]);
  }

  /** Bad bytes: answer with what AMQP allows at that point, then end the connection. */
  function refuse(conn: Conn, guard: FrameGuard, v: Violation): void {
    if (v.layer === 'start') {
      conn.raw.write(guard.supportedHeader);
      conn.raw.end();
    } else if (v.layer === 'amqp') {
      closeWithError(conn, { condition: v.condition, description: v.description });
    } else {
      conn.raw.end();
    }
    setTimeout(() => conn.raw.destroy(), 1000).unref();
  }

  /** Write a close frame carrying the error now (when the open exchange happened), then end. */
  function closeWithError(conn: Conn, error: AmqpError): void {
    const state = (conn.amqp as unknown as ConnectionInternals).state;
    if (state.local_open && state.remote_open) {
      try {
        conn.raw.write(framesModule.write_frame(framesModule.amqp_frame(0, framesModule.close({ error }))));
      } catch {
        // nothing more can be said on this connection
      }
    }
    conn.raw.end();
  }

  function cleanup(conn: Conn): void {
    if (conn.gone) return;
    conn.gone = true;
    conns.delete(conn);
    for (const c of conn.consumers) dropConsumer(conn, c);
    for (const p of conn.producers) dropProducer(conn, p);
  }

  function dropConsumer(conn: Conn, c: Consumer): void {
    conn.consumers.delete(c);
    router.dropConsumer(c);
  }

  function dropProducer(conn: Conn, p: Producer): void {
    conn.producers.delete(p);
    router.dropProducer(p);
  }

  function listen(conn: Conn): void {
    const { amqp } = conn;
    const consumerOf = (link: Sender) => {
      const c = Consumer.of(link);
      return c && conn.consumers.has(c) ? c : undefined;
    };
    const pumpFor = (ctx: EventContext) => {
      const c = ctx.sender && consumerOf(ctx.sender);
      if (c) router.nodeOf(c)?.schedulePump();
    };
    amqp.on('connection_open', () => {
      if (!conn.counted) {
        amqp.close({ condition: 'amqp:resource-limit-exceeded', description: `the broker allows at most ${limits.maxConnections} connections (max-connections); close one and retry` });
        return;
      }
      const theirs = (amqp as unknown as { max_frame_size?: number }).max_frame_size;
      if (typeof theirs === 'number' && theirs < 512) {
        amqp.close({ condition: 'amqp:frame-size-too-small', description: `max-frame-size ${theirs} is below the AMQP minimum of 512 bytes` });
      }
    });
    amqp.on('session_open', (ctx: EventContext) => {
      watchTransfers(ctx.session as Session);
      guardAttaches(ctx.session as Session);
      answerEcho(ctx.session as Session);
    });
    amqp.on('sender_open', (ctx: EventContext) => {
      const refusal = refusalOf(ctx.sender!);
      if (refusal) return ctx.sender!.close(refusal);
      const c = router.openConsumer(ctx.sender!);
      if (c) conn.consumers.add(c);
    });
    amqp.on('receiver_open', (ctx: EventContext) => {
      const refusal = refusalOf(ctx.receiver!);
      if (refusal) return ctx.receiver!.close(refusal);
      const p = router.openProducer(ctx.receiver!);
      if (p) conn.producers.add(p);
    });
    amqp.on('sender_flow', (ctx: EventContext) => {
      if (ctx.sender) consumerOf(ctx.sender)?.onFlow();
      pumpFor(ctx);
    });
    amqp.on('sendable', pumpFor);
    amqp.on('sender_draining', pumpFor);
    for (const outcome of ['accepted', 'released', 'modified', 'rejected', 'settled']) {
      amqp.on(outcome, (ctx: EventContext) => {
        const c = ctx.sender && consumerOf(ctx.sender);
        if (c && ctx.delivery) c.onDisposition(ctx.delivery);
      });
    }
    amqp.on('message', (ctx: EventContext) => {
      const p = ctx.receiver && Producer.of(ctx.receiver);
      if (!p || p.closed || !ctx.delivery) return;
      const payload = p.lastPayload;
      p.lastPayload = null;
      if (!payload) return;
      const outcome = router.route(p, payload);
      // a pre-settled transfer needs no outcome, but rhea frees its slot only once we settle too
      if (ctx.delivery.remote_settled) ctx.delivery.update(true);
      else settle(ctx.delivery, outcome);
    });
    // Endings are handled after rhea has dispatched the dispositions that arrived with them, so an
    // accept sent just before a detach or close still counts and is not put back in the queue.
    const later = (f: () => void) => process.nextTick(f);
    amqp.on('sender_close', (ctx: EventContext) => later(() => {
      const c = ctx.sender && consumerOf(ctx.sender);
      if (c) dropConsumer(conn, c);
    }));
    amqp.on('receiver_close', (ctx: EventContext) => later(() => {
      const p = ctx.receiver && Producer.of(ctx.receiver);
      if (p) dropProducer(conn, p);
    }));
    amqp.on('session_close', (ctx: EventContext) => later(() => {
      for (const c of conn.consumers) if (c.link.session === ctx.session) dropConsumer(conn, c);
      for (const p of conn.producers) if (p.link.session === ctx.session) dropProducer(conn, p);
    }));
    amqp.on('connection_close', () => later(() => cleanup(conn)));
    amqp.on('disconnected', () => later(() => cleanup(conn)));
    for (const e of ['connection_error', 'session_error', 'sender_error', 'receiver_error']) amqp.on(e, () => { /* the *_close that follows cleans up */ });
    amqp.on('protocol_error', (e: unknown) => closeWithError(conn, conditionFor(e, 'amqp:connection:framing-error')));
    amqp.on('error', (e: unknown) => closeWithError(conn, conditionFor(e, 'amqp:decode-error')));
  }

  return {
    limits,
    faults,
    acceptWebSocket: (ws, req) => accept(wsSocket(ws, req)),
    acceptSocket: accept,
    async listenTcp({ host = '127.0.0.1', port }) {
      const listener = await listenTcpSocket({ host, port }, accept);
      tcpListeners.add(listener);
      return { port: listener.port, close: async () => { tcpListeners.delete(listener); await listener.close(); } };
    },
    queues: () =>
      [...router.nodes.values()].map((n) => ({
        address: n.address,
        depth: n.queue.depth,
        consumers: n.consumers.length,
        enqueued: n.queue.stats.enqueued,
        dequeued: n.queue.stats.dequeued,
        deadLettered: n.queue.stats.deadLettered,
        dynamic: n.queue.dynamic,
      })),
    connections: () =>
      [...conns].map((c) => {
        const sessions = Object.values((c.amqp as unknown as ConnectionInternals).local_channel_map).filter((s) => s?.is_open());
        return {
          id: c.id,
          containerId: (c.amqp as unknown as { container_id?: string }).container_id ?? null,
          remote: c.raw.remote,
          transport: c.raw.transport,
          sessions: sessions.length,
          links: sessions.reduce((n, s) => n + Object.values(s!.links).filter((l) => l?.is_open()).length, 0),
          openedAt: c.openedAt,
        };
      }),
    async close() {
      closing = true;
      await Promise.all([...tcpListeners].map((l) => l.close()));
      tcpListeners.clear();
      const open = [...conns];
      for (const c of open) closeWithError(c, { condition: 'amqp:connection:forced', description: 'the broker is shutting down' });
      await new Promise((ok) => setTimeout(ok, open.length ? 100 : 0));
      for (const c of open) c.raw.destroy();
    },
  };
}
