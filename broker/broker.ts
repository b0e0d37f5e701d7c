// The embedded AMQP 1.0 broker: rhea in its server role over any byte transport (WebSocket, TCP).
// A queue per address, competing consumers, exact credit, outcomes, dead-lettering, dynamic
// queues, `$cbs`, SASL and limits. Wire-level mistakes end only the connection that made them.
// This file accepts connections and holds the broker together; rhea's events on each connection
// are routed in linkEvents.ts, one connection's record and error ending is clientConnection.ts.
import rhea from 'rhea';
import type { AmqpError, Connection } from 'rhea';
import { FrameGuard, type Violation } from './frameGuard.ts';
import type { RawSocket } from './rawSocket.ts';
import { listenTcp as listenTcpSocket, type TcpListener } from './transportTcp.ts';
import { wsSocket } from './transportWs.ts';
import { configureSasl } from './sasl.ts';
import { Router } from './router.ts';
import { guardConnection } from './connectionGuard.ts';
import { resolveLimits } from './limits.ts';
import { createFaults } from './faults.ts';
import { closeWithError, openSessions, type Conn, type ConnectionInternals } from './clientConnection.ts';
import { routeLinkEvents } from './linkEvents.ts';
import { readTransfersDirectly } from './transferRead.ts';
import type { Broker, BrokerOptions } from './brokerTypes.ts';

export type { Broker, BrokerOptions, ConnectionInfo, QueueInfo } from './brokerTypes.ts';

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
    routeLinkEvents(conn, { router, limits, cleanup });
    amqp.accept({
      on: (event: string, handler: (arg?: unknown) => void) => { handlers[event] = handler; },
      write: (b: Buffer) => raw.write(b),
      end: () => raw.end(),
      destroy: () => raw.destroy(),
      get_id_string: () => raw.remote,
    } as unknown as Parameters<Connection['accept']>[0]);
    readTransfersDirectly(amqp);
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

  function cleanup(conn: Conn): void {
    if (conn.gone) return;
    conn.gone = true;
    conns.delete(conn);
    for (const c of conn.consumers) router.dropConsumer(c);
    for (const p of conn.producers) router.dropProducer(p);
    conn.consumers.clear();
    conn.producers.clear();
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
      [...conns].map((c) => ({
        id: c.id,
        containerId: (c.amqp as unknown as { container_id?: string }).container_id ?? null,
        remote: c.raw.remote,
        transport: c.raw.transport,
        ...openSessions(c),
        openedAt: c.openedAt,
      })),
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
