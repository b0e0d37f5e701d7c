// The embedded AMQP 1.0 broker: rhea in its server role over any byte transport (WebSocket, TCP).
// A queue per address, competing consumers, exact credit, outcomes, dead-lettering, dynamic
// queues, `$cbs`, SASL and limits. Wire-level mistakes end only the connection that made them.
import type { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import rhea from 'rhea';
import type { AmqpError, Connection, EventContext, Receiver, Sender, Session } from 'rhea';
import type { WebSocket } from 'ws';
import { FrameGuard, type Violation } from './frameGuard.ts';
import type { RawSocket } from './rawSocket.ts';
import { listenTcp as listenTcpSocket, type TcpListener } from './transportTcp.ts';
import { wsSocket } from './transportWs.ts';
import { configureSasl } from './sasl.ts';
import { Consumer, type ConsumerOutcome } from './outgoing.ts';
import { Producer, creditOf, watchTransfers } from './incoming.ts';
import { QueueNode, PRODUCER_WINDOW } from './queueNode.ts';
import type { QueuedMessage } from './queue.ts';
import { settle, type Outcome } from './settle.ts';
import { readMessage, encodeMessage, withAnnotations } from './message.ts';
import { CBS_ADDRESS, cbsReply } from './cbs.ts';
import { allowSameNameBothWays } from './linkNames.ts';
import { resolveLimits, type Limits } from './limits.ts';

export interface BrokerOptions {
  /** user → password; when given, SASL PLAIN is required and ANONYMOUS is not offered */
  users?: Record<string, string>;
  maxConnections?: number;
  maxFrameSize?: number;
  maxMessageSize?: number;
  maxQueueDepth?: number;
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
interface LinkInternals { local: { attach: { snd_settle_mode?: number; rcv_settle_mode?: number; max_message_size?: number } } }
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

/** time a new connection has to send its AMQP open (after SASL) */
const HANDSHAKE_TIMEOUT_MS = 10_000;

let brokerCount = 0;

export function createBroker(opts: BrokerOptions = {}): Broker {
  const limits = resolveLimits(opts);
  const container = rhea.create_container({ id: opts.containerId ?? 'amqp-flow-broker' });
  container.on('error', () => { /* every error also closes its connection; nothing to add here */ });
  const saslRequired = configureSasl(container, opts.users);
  const nodes = new Map<string, QueueNode>();
  const conns = new Set<Conn>();
  const consumerNode = new Map<Consumer, QueueNode>();
  const dynamicOwner = new Map<Consumer, QueueNode>();
  const tcpListeners = new Set<TcpListener>();
  const broker = ++brokerCount;
  let connCount = 0;
  let dynamicCount = 0;
  let closing = false;

  const nodeFor = (address: string): QueueNode => {
    let node = nodes.get(address);
    if (!node) nodes.set(address, (node = new QueueNode(address, { maxDepth: limits.maxQueueDepth })));
    return node;
  };

  const host = {
    outcome(c: Consumer, m: QueuedMessage, outcome: ConsumerOutcome) {
      const node = consumerNode.get(c);
      if (!node) return;
      if (outcome.kind === 'accepted') {
        node.queue.settled();
      } else if (outcome.kind === 'released') {
        if (outcome.deliveryFailed) m.deliveryCount++;
        if (outcome.undeliverableHere) (m.avoid ??= new Set()).add(c.id);
        node.queue.putBack(m);
      } else {
        node.queue.settled();
        node.queue.stats.deadLettered++;
        const dlq = nodeFor(`${node.address}.dlq`);
        // say why and where from, the way brokers commonly annotate dead letters
        const why: Record<string, string> = { 'x-opt-deadletter-queue': node.address };
        if (outcome.condition) why['x-opt-deadletter-reason'] = outcome.condition;
        if (outcome.description) why['x-opt-deadletter-description'] = outcome.description;
        dlq.queue.push(withAnnotations(m.payload, why), m.deliveryCount);
        dlq.pump();
      }
      node.pump();
    },
  };

  function accept(raw: RawSocket): void {
    const counted = closing ? false : [...conns].filter((c) => c.counted).length < limits.maxConnections;
    const id = `b${broker}-c${++connCount}`;
    const amqp = container.create_connection({
      id,
      container_id: container.id,
      max_frame_size: limits.maxFrameSize,
      channel_max: 255,
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
    const node = consumerNode.get(c);
    consumerNode.delete(c);
    node?.removeConsumer(c);
    const owned = dynamicOwner.get(c);
    if (owned) {
      dynamicOwner.delete(c);
      nodes.delete(owned.address);
      for (const p of owned.producers) p.fail('amqp:resource-deleted', `the temporary queue ${owned.address} was deleted when its receiver closed`);
    }
  }

  function dropProducer(conn: Conn, p: Producer): void {
    conn.producers.delete(p);
    p.closed = true;
    if (p.address !== null) nodes.get(p.address)?.removeProducer(p);
  }

  function topUp(p: Producer): void {
    if (!p.closed && creditOf(p.link) < PRODUCER_WINDOW / 2) p.link.add_credit(PRODUCER_WINDOW - creditOf(p.link));
  }

  /** Store or answer one complete incoming message; the outcome goes back to its sender. */
  function route(p: Producer, payload: Buffer): Outcome {
    if (p.address === CBS_ADDRESS) return cbs(payload);
    if (p.address !== null) {
      const node = nodeFor(p.address);
      node.queue.push(payload);
      node.pump();
      return { kind: 'accepted' };
    }
    const to = readMessage(payload)?.to;
    if (typeof to !== 'string' || to === '') {
      return { kind: 'rejected', condition: 'amqp:precondition-failed', description: 'this link has no target address, so each message needs a "to" property naming its queue' };
    }
    if (to === CBS_ADDRESS) return cbs(payload);
    const node = nodeFor(to);
    if (node.queue.room <= 0) {
      return { kind: 'rejected', condition: 'amqp:resource-limit-exceeded', description: `queue ${to} is full (max-queue-depth ${limits.maxQueueDepth})` };
    }
    node.queue.push(payload);
    node.pump();
    return { kind: 'accepted' };
  }

  function cbs(payload: Buffer): Outcome {
    const request = readMessage(payload);
    if (!request) return { kind: 'rejected', condition: 'amqp:decode-error', description: 'the message could not be decoded' };
    const reply = cbsReply(request);
    if (reply && typeof reply.to === 'string') {
      const node = nodeFor(reply.to);
      node.queue.push(encodeMessage(reply));
      node.pump();
    }
    return { kind: 'accepted' };
  }

  function openConsumer(conn: Conn, link: Sender): void {
    const source = link.source as { address?: string | null; dynamic?: boolean } | null | undefined;
    const attach = (link as unknown as LinkInternals).local.attach;
    attach.snd_settle_mode = link.snd_settle_mode === 1 ? 1 : 0;
    // the receiver decides its own settlement mode; in `second` we settle after its outcome
    attach.rcv_settle_mode = (link as unknown as { rcv_settle_mode?: number }).rcv_settle_mode === 1 ? 1 : 0;
    link.set_target(link.target as Parameters<Sender['set_target']>[0]);
    let node: QueueNode;
    if (source?.dynamic) {
      const address = `amq.dynamic.${broker}.${++dynamicCount}`;
      node = new QueueNode(address, { maxDepth: limits.maxQueueDepth, dynamic: true });
      nodes.set(address, node);
      link.set_source({ address, dynamic: true } as Parameters<Sender['set_source']>[0]);
    } else if (source?.address) {
      node = nodeFor(source.address);
      link.set_source({ address: source.address });
    } else {
      link.close({ condition: 'amqp:invalid-field', description: 'a receiver needs a source address (or source.dynamic for a temporary queue)' });
      return;
    }
    const c = new Consumer(link, host);
    conn.consumers.add(c);
    consumerNode.set(c, node);
    if (node.queue.dynamic && source?.dynamic) dynamicOwner.set(c, node);
    node.addConsumer(c);
  }

  function openProducer(conn: Conn, link: Receiver): void {
    const target = link.target as { address?: string | null; dynamic?: boolean } | null | undefined;
    const attach = (link as unknown as LinkInternals).local.attach;
    attach.rcv_settle_mode = 0;
    attach.snd_settle_mode = link.snd_settle_mode;
    attach.max_message_size = limits.maxMessageSize;
    link.set_source(link.source);
    let address: string | null = target?.address ?? null;
    if (target?.dynamic) {
      address = `amq.dynamic.${broker}.${++dynamicCount}`;
      nodes.set(address, new QueueNode(address, { maxDepth: limits.maxQueueDepth, dynamic: true }));
      link.set_target({ address, dynamic: true } as Parameters<Receiver['set_target']>[0]);
    } else {
      link.set_target((target ? { address: address ?? undefined } : null) as Parameters<Receiver['set_target']>[0]);
    }
    const p = new Producer(link, address, { maxMessageSize: limits.maxMessageSize });
    conn.producers.add(p);
    if (address !== null && address !== CBS_ADDRESS) nodeFor(address).addProducer(p);
    else link.add_credit(PRODUCER_WINDOW);
  }

  function listen(conn: Conn): void {
    const { amqp } = conn;
    const consumerOf = (link: Sender) => [...conn.consumers].find((c) => c.link === link);
    const pumpFor = (ctx: EventContext) => {
      const c = ctx.sender && consumerOf(ctx.sender);
      if (c) consumerNode.get(c)?.schedulePump();
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
      allowSameNameBothWays(ctx.session as Session);
    });
    amqp.on('sender_open', (ctx: EventContext) => openConsumer(conn, ctx.sender!));
    amqp.on('receiver_open', (ctx: EventContext) => openProducer(conn, ctx.receiver!));
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
      const outcome = route(p, payload);
      // a pre-settled transfer needs no outcome, but rhea frees its slot only once we settle too
      if (ctx.delivery.remote_settled) ctx.delivery.update(true);
      else settle(ctx.delivery, outcome);
      if (p.address === null || p.address === CBS_ADDRESS) topUp(p);
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
    acceptWebSocket: (ws, req) => accept(wsSocket(ws, req)),
    acceptSocket: accept,
    async listenTcp({ host = '127.0.0.1', port }) {
      const listener = await listenTcpSocket({ host, port }, accept);
      tcpListeners.add(listener);
      return { port: listener.port, close: async () => { tcpListeners.delete(listener); await listener.close(); } };
    },
    queues: () =>
      [...nodes.values()].map((n) => ({
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
