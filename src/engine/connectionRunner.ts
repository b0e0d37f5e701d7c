// One connection node at run time: opens it with rhea over the injected WebSocket, opens each child when its
// parent is open, maps every rhea event to engine events, and closes children first.
import rhea from 'rhea';
import type { Connection, ConnectionOptions, EventContext, Receiver, Sender, Session } from 'rhea';
import type { GraphNode } from '../graph/types.ts';
import { effectiveProps } from '../graph/defaults.ts';
import type { EngineEvent, ErrorDetail } from './events.ts';
import type { RunOptions, WebSocketLike } from './run.ts';
import type { StepGate } from './stepGate.ts';
import type { CreditCoalescer } from './credit.ts';
import { tapSocket, type SocketEnd } from './frameTap.ts';
import { CONDITIONS, checkUrl, diagnoseSocketEnd, explain, explainError } from './doctor.ts';
import { SenderQueue } from './senderQueue.ts';
import { ReceiverControl } from './receiverControl.ts';
import { TransferRunner } from './transferRunner.ts';
import type { ReceiverDirectory } from './receiverDirectory.ts';
import { readMessage } from './message.ts';
import { CbsHandshake } from './cbs.ts';

export type NodeState = 'idle' | 'opening' | 'open' | 'closing' | 'closed' | 'error';

/** What a connection runner needs from the run around it. */
export interface RunContext {
  opts: RunOptions;
  now(): number;
  emit(e: EngineEvent): void;
  tracing(): boolean;
  onUnit(connection: string, dir: 'in' | 'out', bytes: Uint8Array): void;
  /** the WebSocket for a connection node (the injected factory's, with this run's page faults) */
  socketFor(connection: string, url: string, protocols: string[]): WebSocketLike;
  gate: StepGate;
  credit: CreditCoalescer;
  receivers: ReceiverDirectory;
  childrenOf(id: string): GraphNode[];
  setState(id: string, state: NodeState): void;
  stateOf(id: string): NodeState;
}

export interface SessionRt {
  node: GraphNode<'session'>;
  ssn?: Session;
}
interface SenderRt {
  node: GraphNode<'sender'>;
  session: string;
  link?: Sender;
  queue: SenderQueue;
  transfers: TransferRunner[];
}
interface ReceiverRt {
  node: GraphNode<'receiver'>;
  session: string;
  link?: Receiver;
  control: ReceiverControl;
}

const CLOSE_WAIT_MS = 2000;
/** With `reconnect: true`: tries per outage, and the backoff between them (doubling). */
export const RECONNECT_DEFAULTS = { limit: 10, initialDelayMs: 100, maxDelayMs: 2000 } as const;
/** A broker that shuts down says so with this condition; with reconnect on it is a drop, not a failure. */
const RETRIED_CONDITIONS = ['amqp:connection:forced'];
const TERMINAL: ReadonlySet<NodeState> = new Set(['closed', 'error']);

export class ConnectionRunner {
  readonly node: GraphNode<'connection'>;
  readonly url: string;
  private readonly ctx: RunContext;
  private conn?: Connection;
  readonly sessions = new Map<string, SessionRt>();
  readonly senders = new Map<string, SenderRt>();
  readonly receivers = new Map<string, ReceiverRt>();
  /** rhea endpoint → graph node id */
  private readonly ids = new WeakMap<object, string>();
  /** resolvers waiting for an endpoint's close */
  private readonly closing = new Map<string, () => void>();
  private transportFailure?: ErrorDetail;
  /** the `$cbs` put-token of a connection with `cbs` set */
  private cbs?: CbsHandshake;
  /** the outage being retried (reconnect on): reported once, cleared when the connection opens again */
  private outage?: ErrorDetail;
  readonly containerId: string;
  private readonly subprotocols: string[];

  constructor(node: GraphNode<'connection'>, ctx: RunContext) {
    this.node = node;
    this.ctx = ctx;
    const p = effectiveProps(node);
    this.url = ctx.opts.urlOverride || p.url || ctx.opts.defaultUrl || '';
    this.containerId = p.containerId || `amqp-flow-${node.id}`;
    this.subprotocols = p.subprotocols;
    for (const s of ctx.childrenOf(node.id)) {
      if (s.kind !== 'session') continue;
      this.sessions.set(s.id, { node: s });
      for (const l of ctx.childrenOf(s.id)) {
        if (l.kind === 'sender') this.addSender(l, s.id);
        else if (l.kind === 'receiver') this.addReceiver(l, s.id);
      }
    }
  }

  /** Every transfer runner under this connection (for the run's bookkeeping). */
  transferRunners(): TransferRunner[] {
    return [...this.senders.values()].flatMap((s) => s.transfers);
  }

  start(): void {
    const bad = checkUrl(this.url);
    if (bad) return this.fail(bad);
    const p = effectiveProps(this.node);
    this.ctx.setState(this.node.id, 'opening');
    const container = rhea.create_container({ id: this.containerId });
    // Without a listener rhea rethrows unhandled link and connection errors here; the runner reports them itself.
    container.on('error', () => {});
    const sasl = rhea.sasl.client_mechanisms() as unknown as { enable_plain(u: string, pw: string): void; enable_anonymous(u?: string): void };
    if (p.sasl.mechanism === 'PLAIN') sasl.enable_plain(p.sasl.username ?? '', p.sasl.password ?? '');
    else sasl.enable_anonymous(p.sasl.username);
    const options: Record<string, unknown> = {
      connection_details: () => ({
        host: hostOf(this.url),
        port: 0,
        connect: (_port: number, _host: string, _o: unknown, onOpen: () => void) =>
          tapSocket(this.ctx.socketFor(this.node.id, this.url, this.subprotocols), this.url, {
            connection: this.node.id,
            gate: this.ctx.gate,
            now: this.ctx.now,
            tracing: this.ctx.tracing,
            onUnit: (dir, bytes) => this.ctx.onUnit(this.node.id, dir, bytes),
            onEnd: (end) => this.onSocketEnd(end),
          }, onOpen),
      }),
      host: hostOf(this.url),
      container_id: this.containerId,
      id: this.containerId,
      sasl_mechanisms: sasl,
      ...this.reconnectOptions(p.reconnect),
    };
    if (p.hostname) options.hostname = p.hostname;
    if (p.idleTimeoutMs) options.idle_time_out = p.idleTimeoutMs;
    if (p.maxFrameSize) options.max_frame_size = p.maxFrameSize;
    if (p.channelMax !== undefined) options.channel_max = p.channelMax;
    let conn: Connection;
    try {
      conn = container.connect(options as unknown as ConnectionOptions);
    } catch (e) {
      return this.fail({ condition: CONDITIONS.invalidUrl, description: String((e as Error)?.message ?? e), hint: 'The WebSocket could not be created from this URL. Write it as ws://host:port/path.' });
    }
    this.conn = conn;
    this.watchIdle(conn);
    this.listen(conn);
  }

  private reconnectOptions(on: boolean): Record<string, unknown> {
    if (!on) return { reconnect: false, non_fatal_errors: [] };
    const r = { ...RECONNECT_DEFAULTS, ...this.ctx.opts.reconnect };
    return {
      reconnect: true,
      reconnect_limit: Math.max(1, Math.floor(r.limit)),
      initial_reconnect_delay: Math.max(0, r.initialDelayMs),
      max_reconnect_delay: Math.max(0, r.maxDelayMs),
      non_fatal_errors: RETRIED_CONDITIONS,
    };
  }

  /**
   * rhea closes on its own when nothing arrives for twice the idle timeout, then drops the socket a second later;
   * it forgets its close error once the frame is written, so the reason is kept here for the report.
   */
  private watchIdle(conn: Connection): void {
    const c = conn as unknown as { idle?: () => void };
    const idle = c.idle;
    if (typeof idle !== 'function') return;
    c.idle = () => {
      if (!conn.is_closed()) this.transportFailure = explain('amqp:resource-limit-exceeded', 'max idle time exceeded');
      idle.call(conn);
    };
  }

  private reconnecting(): boolean {
    return !!(this.conn as unknown as { options?: { reconnect?: unknown } } | undefined)?.options?.reconnect;
  }

  /** Closes this connection, its sessions and links first. */
  async close(): Promise<void> {
    this.cbs?.stop();
    const state = this.ctx.stateOf(this.node.id);
    if (TERMINAL.has(state) || state === 'idle') return this.settleSubtree();
    this.ctx.setState(this.node.id, 'closing');
    for (const id of this.sessions.keys()) await this.closeSession(id);
    if (TERMINAL.has(this.ctx.stateOf(this.node.id))) return;
    const conn = this.conn;
    if (conn && state === 'open') {
      await this.closeEndpoint(this.node.id, () => conn.close());
    } else {
      conn?.close();
    }
    this.abortSocket();
    this.finish(this.node.id, 'CONNECTION_CLOSED');
  }

  async closeNode(id: string): Promise<boolean> {
    if (id === this.node.id) {
      await this.close();
      return true;
    }
    if (this.sessions.has(id)) {
      await this.closeSession(id);
      return true;
    }
    if (this.senders.has(id) || this.receivers.has(id)) {
      await this.closeLink(id);
      return true;
    }
    for (const s of this.senders.values()) {
      const t = s.transfers.find((x) => x.id === id);
      if (t) {
        t.cancel('the transfer was closed before this attempt was sent');
        s.queue.cancelTransfer(id, 'the transfer was closed before this attempt was sent');
        return true;
      }
    }
    return false;
  }

  receiverControl(id: string): ReceiverControl | undefined {
    return this.receivers.get(id)?.control;
  }

  // ---- opening, children after parents ----

  /** With `cbs` set the token goes to `$cbs` first; the graph's sessions begin once the broker accepts it. */
  private openAfterCbs(): void {
    const cbs = effectiveProps(this.node).cbs;
    const conn = this.conn;
    if (!cbs || !conn) return this.openSessions();
    this.cbs?.stop();
    for (const id of this.sessions.keys()) if (this.ctx.stateOf(id) === 'idle') this.ctx.setState(id, 'opening');
    this.cbs = new CbsHandshake(cbs, this.url, {
      node: this.node.id,
      now: this.ctx.now,
      emit: this.ctx.emit,
      accepted: () => {
        if (this.ctx.stateOf(this.node.id) === 'open') this.openSessions();
      },
      failed: (detail) => this.fail(detail),
    });
    this.cbs.start(conn);
  }

  private openSessions(): void {
    const conn = this.conn;
    if (!conn) return;
    for (const s of this.sessions.values()) {
      if (s.ssn) continue; // reconnect: rhea begins the old sessions again
      const p = effectiveProps(s.node);
      const ssn = conn.create_session(p.incomingWindow ? { incoming: p.incomingWindow, outgoing: 2048 } : undefined);
      if (p.outgoingWindow !== undefined) setOutgoingWindow(ssn, p.outgoingWindow);
      s.ssn = ssn;
      this.ids.set(ssn, s.node.id);
      this.ctx.setState(s.node.id, 'opening');
      ssn.begin();
    }
  }

  private openLinks(sessionId: string): void {
    const ssn = this.sessions.get(sessionId)?.ssn;
    if (!ssn) return;
    for (const s of this.senders.values()) {
      if (s.session !== sessionId || s.link) continue;
      const p = effectiveProps(s.node);
      const link = ssn.open_sender({
        target: p.address ? { address: p.address } : {},
        snd_settle_mode: SND_SETTLE[p.sndSettleMode],
        rcv_settle_mode: p.rcvSettleMode === 'second' ? 1 : 0,
        treat_modified_as_released: false,
      } as never);
      s.link = link;
      this.ids.set(link, s.node.id);
      this.ctx.setState(s.node.id, 'opening');
    }
    for (const r of this.receivers.values()) {
      if (r.session !== sessionId || r.link) continue;
      const p = effectiveProps(r.node);
      const manual = p.creditWindow === 0;
      const link = ssn.open_receiver({
        source: p.dynamic ? { dynamic: true, address: undefined as unknown as string } : { address: p.address ?? '' },
        credit_window: manual ? 0 : p.creditWindow,
        autoaccept: p.autoAccept,
        rcv_settle_mode: p.rcvSettleMode === 'second' ? 1 : 0,
      });
      if (manual && p.initialCredit > 0) link.add_credit(p.initialCredit);
      r.link = link;
      this.ids.set(link, r.node.id);
      this.ctx.setState(r.node.id, 'opening');
    }
  }

  // ---- rhea events → engine events ----

  private listen(conn: Connection): void {
    conn.on('connection_open', () => {
      const recovered = this.outage !== undefined;
      this.transportFailure = undefined;
      this.outage = undefined;
      this.ctx.setState(this.node.id, 'open');
      this.ctx.emit({ at: this.ctx.now(), node: this.node.id, event: 'CONNECTION_OPEN', url: this.url, containerId: this.containerId, ...(recovered ? { recovered } : {}) });
      this.openAfterCbs();
    });
    conn.on('connection_error', (c: EventContext) => {
      const detail = explainError(c.error ?? c.connection.error);
      // a broker shutting down, with reconnect on: `disconnected` follows and retries
      if (this.reconnecting() && RETRIED_CONDITIONS.includes(detail.condition)) this.transportFailure = detail;
      else this.fail(detail);
    });
    conn.on('connection_close', () => {
      if (this.transportFailure && this.reconnecting()) return;
      this.onRemoteClose(this.node.id);
    });
    conn.on('protocol_error', (c: EventContext) => this.fail(explain('amqp:connection:framing-error', String(c.error ?? 'protocol error'))));
    conn.on('disconnected', (c: EventContext) => this.onDisconnected(c));

    conn.on('session_open', (c: EventContext) => {
      const id = this.idOf(c.session);
      if (!id) return;
      this.ctx.setState(id, 'open');
      this.ctx.emit({ at: this.ctx.now(), node: id, event: 'SESSION_OPEN' });
      this.openLinks(id);
    });
    conn.on('session_error', (c: EventContext) => {
      const id = this.idOf(c.session);
      if (id) this.failSession(id, explainError(c.session?.error));
    });
    conn.on('session_close', (c: EventContext) => {
      const id = this.idOf(c.session);
      if (id) this.onRemoteClose(id);
    });

    conn.on('sender_open', (c: EventContext) => {
      const id = this.idOf(c.sender);
      const s = id ? this.senders.get(id) : undefined;
      if (!id || !s || !c.sender) return;
      this.ctx.setState(id, 'open');
      const address = (c.sender.target as { address?: string } | undefined)?.address ?? effectiveProps(s.node).address ?? '';
      s.queue.attach(c.sender);
      this.ctx.emit({ at: this.ctx.now(), node: id, event: 'SENDER_OPEN', address });
      this.ctx.credit.flushLink(id);
      s.queue.pump();
      for (const t of s.transfers) t.start();
    });
    conn.on('receiver_open', (c: EventContext) => {
      const id = this.idOf(c.receiver);
      const r = id ? this.receivers.get(id) : undefined;
      if (!id || !r || !c.receiver) return;
      this.ctx.setState(id, 'open');
      const address = (c.receiver.source as { address?: string } | undefined)?.address ?? effectiveProps(r.node).address ?? '';
      r.control.attach(c.receiver);
      this.ctx.emit({ at: this.ctx.now(), node: id, event: 'RECEIVER_OPEN', address });
      this.ctx.receivers.opened(id, address);
      this.ctx.credit.flushLink(id);
    });
    for (const name of ['sender_error', 'receiver_error'] as const) {
      conn.on(name, (c: EventContext) => {
        const link = c.sender ?? c.receiver;
        const id = this.idOf(link);
        if (id) this.failLink(id, explainError(link?.error));
      });
    }
    for (const name of ['sender_close', 'receiver_close'] as const) {
      conn.on(name, (c: EventContext) => {
        const id = this.idOf(c.sender ?? c.receiver);
        if (id) this.onRemoteClose(id);
      });
    }

    const senderMoved = (c: EventContext) => {
      const id = this.idOf(c.sender);
      const s = id ? this.senders.get(id) : undefined;
      if (!id || !s) return;
      s.queue.pump();
      this.ctx.credit.mark(id);
    };
    conn.on('sendable', senderMoved);
    conn.on('sender_flow', senderMoved);
    conn.on('sender_draining', senderMoved);
    for (const name of ['accepted', 'rejected', 'released', 'modified'] as const) {
      conn.on(name, (c: EventContext) => {
        const id = this.idOf(c.sender);
        const s = id ? this.senders.get(id) : undefined;
        if (s && c.delivery) s.queue.onDelivery(c.delivery);
      });
    }
    conn.on('settled', (c: EventContext) => {
      const id = this.idOf(c.sender);
      const s = id ? this.senders.get(id) : undefined;
      if (s && c.delivery) s.queue.onDelivery(c.delivery);
    });

    const receiverMoved = (c: EventContext) => {
      const id = this.idOf(c.receiver);
      if (id) this.ctx.credit.mark(id);
    };
    conn.on('receiver_flow', receiverMoved);
    conn.on('receiver_drained', receiverMoved);
    conn.on('message', (c: EventContext) => {
      const id = this.idOf(c.receiver);
      const r = id ? this.receivers.get(id) : undefined;
      if (!id || !r || !c.delivery || !c.message) return;
      const m = readMessage(c.message);
      const duplicate = r.control.seenBefore(m.properties.messageId);
      this.ctx.emit({ at: this.ctx.now(), node: id, event: 'MESSAGE_RECEIVED', deliveryId: c.delivery.id, ...m, ...(duplicate ? { duplicate } : {}) });
      r.control.onMessage(c.delivery);
      this.ctx.credit.mark(id);
    });
  }

  private onSocketEnd(end: SocketEnd): Error {
    const state = this.ctx.stateOf(this.node.id);
    // a close frame the broker sent first (a retried `amqp:connection:forced`) says more than the socket end
    if (state !== 'closing' && !TERMINAL.has(state)) this.transportFailure ??= diagnoseSocketEnd(this.url, end, this.subprotocols);
    return new Error(this.transportFailure?.description ?? 'socket closed');
  }

  private onDisconnected(c: EventContext): void {
    const state = this.ctx.stateOf(this.node.id);
    if (state === 'closing') return this.resolveClose(this.node.id);
    if (TERMINAL.has(state)) return;
    // our own close on an idle timeout says more than the socket end that follows it
    const local = (this.conn as unknown as { local?: { close?: { error?: unknown } } } | undefined)?.local?.close?.error;
    const detail = local ? explainError(local) : this.transportFailure ?? explainError(c.error ?? { condition: CONDITIONS.connectionLost, description: 'The connection dropped.' });
    this.transportFailure = undefined;
    if (c.reconnecting) return this.onOutage(detail);
    if (this.outage) {
      // the last try's own failure, and how many tries there were
      const limit = (this.conn as unknown as { options?: { reconnect_limit?: number } }).options?.reconnect_limit;
      return this.fail({ ...detail, hint: `${detail.hint ?? ''} Gave up after ${limit ?? 'several'} reconnect attempts.`.trim() });
    }
    this.fail(detail);
  }

  /**
   * rhea will try again: report the drop once per outage, end what was in flight as `lost`, keep waiting
   * attempts queued; rhea begins the same sessions and attaches the same links again once it reconnects.
   */
  private onOutage(detail: ErrorDetail): void {
    const resend = this.ctx.opts.reconnect?.resendInFlight === true;
    for (const s of this.senders.values()) {
      if (resend) s.queue.requeueInFlight();
      else s.queue.failInFlight('the connection dropped before the broker settled it');
    }
    // unsettled deliveries go back to the broker, which delivers them again
    for (const [id, r] of this.receivers) {
      for (const deliveryId of r.control.returnUnsettled()) {
        this.ctx.emit({ at: this.ctx.now(), node: id, event: 'MESSAGE_SETTLED', deliveryId, outcome: 'released', note: 'returned to the broker: the connection dropped before this receiver settled it' });
      }
    }
    for (const id of [...this.sessions.keys(), ...this.senders.keys(), ...this.receivers.keys()]) {
      if (this.ctx.stateOf(id) === 'open') this.ctx.setState(id, 'opening');
    }
    this.ctx.setState(this.node.id, 'opening');
    if (this.outage) return;
    this.outage = detail;
    this.ctx.emit({ at: this.ctx.now(), node: this.node.id, event: 'CONNECTION_ERROR', url: this.url, reconnecting: true, errorDetail: { ...detail, hint: `${detail.hint ?? ''} Reconnecting…`.trim() } });
  }

  /** A remote close without an error (ours are awaited through `closing`). */
  private onRemoteClose(id: string): void {
    if (this.closing.has(id)) return this.resolveClose(id);
    const state = this.ctx.stateOf(id);
    if (TERMINAL.has(state)) return;
    if (id === this.node.id) {
      // rhea closes on its own when the peer stays silent past the idle timeout: that is a failure
      const local = (this.conn as unknown as { local?: { close?: { error?: unknown } } } | undefined)?.local?.close?.error;
      if (local) return this.fail(explainError(local));
      this.settleSubtree(this.detail('the broker closed the connection'));
      this.abortSocket();
      this.finish(id, 'CONNECTION_CLOSED');
    } else if (this.sessions.has(id)) {
      this.closeSessionChildren(id, this.detail('the broker ended the session'));
      this.finish(id, 'SESSION_CLOSED');
    } else {
      this.endLink(id, 'closed', this.detail('the broker detached the link'));
    }
  }

  // ---- failures: children first, then the node itself ----

  private fail(detail: ErrorDetail): void {
    const state = this.ctx.stateOf(this.node.id);
    if (TERMINAL.has(state)) return;
    this.settleSubtree({ condition: CONDITIONS.parentFailed, description: `Its connection failed: ${detail.description}`, hint: detail.hint });
    this.ctx.setState(this.node.id, 'error');
    this.ctx.emit({ at: this.ctx.now(), node: this.node.id, event: 'CONNECTION_ERROR', url: this.url, errorDetail: detail });
    this.abortSocket();
    for (const r of this.closing.keys()) this.resolveClose(r);
  }

  private failSession(id: string, detail: ErrorDetail): void {
    if (TERMINAL.has(this.ctx.stateOf(id))) return;
    this.closeSessionChildren(id, { condition: CONDITIONS.parentFailed, description: `Its session failed: ${detail.description}`, hint: detail.hint });
    this.ctx.setState(id, 'error');
    this.ctx.emit({ at: this.ctx.now(), node: id, event: 'SESSION_ERROR', errorDetail: detail });
    this.resolveClose(id);
  }

  private failLink(id: string, detail: ErrorDetail): void {
    this.endLink(id, 'error', detail);
    this.resolveClose(id);
  }

  /** Ends every node below the connection (used when the connection itself ends). */
  private settleSubtree(detail?: ErrorDetail): void {
    for (const id of this.sessions.keys()) {
      this.closeSessionChildren(id, detail);
      this.finish(id, 'SESSION_CLOSED', detail);
    }
  }

  private closeSessionChildren(sessionId: string, detail?: ErrorDetail): void {
    for (const [id, s] of this.senders) if (s.session === sessionId) this.endLink(id, 'closed', detail);
    for (const [id, r] of this.receivers) if (r.session === sessionId) this.endLink(id, 'closed', detail);
  }

  /** Settles a link's transfers, then reports the link closed or failed (once). */
  private endLink(id: string, how: 'closed' | 'error', detail?: ErrorDetail): void {
    const state = this.ctx.stateOf(id);
    const s = this.senders.get(id);
    const r = this.receivers.get(id);
    if (s) {
      const why = detail ? `: ${detail.description}` : '';
      for (const t of s.transfers) t.cancel(`the sender closed before this attempt was created${why}`);
      s.queue.close(`the sender closed before credit arrived${why}`, `the sender closed before the broker settled it${why}`);
    }
    r?.control.close();
    if (r) this.ctx.receivers.closed(id);
    if (TERMINAL.has(state)) return;
    if (state === 'idle') {
      this.ctx.setState(id, 'closed');
      return;
    }
    const kind = s ? 'SENDER' : 'RECEIVER';
    const address = s ? effectiveProps(s.node).address ?? '' : r ? effectiveProps(r.node).address ?? '' : '';
    this.ctx.setState(id, how === 'error' ? 'error' : 'closed');
    const event = `${kind}_${how === 'error' ? 'ERROR' : 'CLOSED'}` as 'SENDER_CLOSED';
    this.ctx.emit(detail ? { at: this.ctx.now(), node: id, event, address, errorDetail: detail } : { at: this.ctx.now(), node: id, event, address });
  }

  // ---- closing on request ----

  private async closeSession(id: string): Promise<void> {
    const s = this.sessions.get(id);
    if (!s) return;
    const state = this.ctx.stateOf(id);
    for (const [lid, l] of [...this.senders, ...this.receivers]) if (l.session === id) await this.closeLink(lid);
    if (TERMINAL.has(state) || state === 'idle') {
      if (state === 'idle') this.ctx.setState(id, 'closed');
      return;
    }
    this.ctx.setState(id, 'closing');
    const ssn = s.ssn;
    if (ssn && state === 'open' && this.connOpen()) await this.closeEndpoint(id, () => ssn.close());
    this.finish(id, 'SESSION_CLOSED');
  }

  private async closeLink(id: string): Promise<void> {
    const s = this.senders.get(id);
    const r = this.receivers.get(id);
    const state = this.ctx.stateOf(id);
    if (TERMINAL.has(state) || state === 'idle') return this.endLink(id, 'closed');
    this.ctx.setState(id, 'closing');
    if (s) {
      for (const t of s.transfers) t.cancel('the run stopped before this attempt was created');
      s.queue.close('the run stopped before credit arrived', 'the sender closed before the broker settled it');
    }
    const link = s?.link ?? r?.link;
    if (link && state === 'open' && this.connOpen()) await this.closeEndpoint(id, () => link.close());
    this.ctx.setState(id, 'open'); // let endLink report the close once
    this.endLink(id, 'closed');
  }

  private closeEndpoint(id: string, close: () => void): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.resolveClose(id), CLOSE_WAIT_MS);
      this.closing.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
      try {
        close();
      } catch {
        this.resolveClose(id);
      }
    });
  }

  private resolveClose(id: string): void {
    const r = this.closing.get(id);
    this.closing.delete(id);
    r?.();
  }

  private finish(id: string, event: 'CONNECTION_CLOSED' | 'SESSION_CLOSED', detail?: ErrorDetail): void {
    const state = this.ctx.stateOf(id);
    if (TERMINAL.has(state)) return;
    if (state === 'idle') {
      this.ctx.setState(id, 'closed');
      return;
    }
    this.ctx.setState(id, 'closed');
    const base = { at: this.ctx.now(), node: id, ...(detail ? { errorDetail: detail } : {}) };
    this.ctx.emit(event === 'CONNECTION_CLOSED' ? { ...base, event, url: this.url } : { ...base, event });
  }

  private abortSocket(): void {
    this.cbs?.stop();
    const conn = this.conn as unknown as { socket?: { end(): void }; set_reconnect?(r: boolean): void; scheduled_reconnect?: ReturnType<typeof setTimeout> } | undefined;
    conn?.set_reconnect?.(false);
    if (conn?.scheduled_reconnect !== undefined) {
      clearTimeout(conn.scheduled_reconnect);
      conn.scheduled_reconnect = undefined;
    }
    try {
      conn?.socket?.end();
    } catch {
      /* already gone */
    }
  }

  private connOpen(): boolean {
    return !!this.conn && this.conn.is_open() && this.ctx.stateOf(this.node.id) !== 'error';
  }

  private detail(description: string): ErrorDetail {
    return { condition: CONDITIONS.closedByBroker, description: `Closed because ${description}.` };
  }

  private idOf(endpoint: object | undefined): string | undefined {
    return endpoint ? this.ids.get(endpoint) : undefined;
  }

  private addSender(node: GraphNode<'sender'>, session: string): void {
    const p = effectiveProps(node);
    const queue = new SenderQueue(p.sndSettleMode === 'settled', {
      sent: (a, deliveryId) => this.ctx.emit({ at: this.ctx.now(), node: a.transfer, event: 'TRANSFER_SENT', attempt: a.attempt, deliveryId }),
      settled: (a, outcome, extra) =>
        this.ctx.emit({ at: this.ctx.now(), node: a.transfer, event: 'TRANSFER_SETTLED', attempt: a.attempt, outcome, ...(extra?.note ? { note: extra.note } : {}), ...(extra?.errorDetail ? { errorDetail: extra.errorDetail } : {}) }),
      changed: () => this.ctx.credit.mark(node.id),
    });
    const transfers = this.ctx
      .childrenOf(node.id)
      .filter((t): t is GraphNode<'transfer'> => t.kind === 'transfer')
      .map((t) => new TransferRunner(t, queue, this.ctx));
    this.senders.set(node.id, { node, session, queue, transfers });
  }

  private addReceiver(node: GraphNode<'receiver'>, session: string): void {
    const p = effectiveProps(node);
    const control = new ReceiverControl(p.autoAccept, {
      settled: (deliveryId, outcome) => this.ctx.emit({ at: this.ctx.now(), node: node.id, event: 'MESSAGE_SETTLED', deliveryId, outcome }),
      changed: () => this.ctx.credit.mark(node.id),
    }, p.creditWindow === 0 ? p.initialCredit : undefined);
    this.receivers.set(node.id, { node, session, control });
  }

  /** Credit as shown for a link node, or null when it has no link. */
  creditOf(id: string) {
    return this.senders.get(id)?.queue.creditState() ?? this.receivers.get(id)?.control.creditState() ?? null;
  }
}

const SND_SETTLE = { unsettled: 0, settled: 1, mixed: 2 } as const;

function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'localhost';
  }
}

/** rhea always advertises the largest outgoing window; the session node may ask for another. */
function setOutgoingWindow(ssn: Session, window: number): void {
  const s = ssn as unknown as { outgoing: { window: number }; local: { begin: { outgoing_window: number } } };
  s.outgoing.window = window;
  s.local.begin.outgoing_window = window;
}
