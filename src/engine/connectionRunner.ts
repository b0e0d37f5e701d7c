// One connection node at run time: opens it with rhea over the injected WebSocket, opens each child when its
// parent is open, and applies the failure and close rules (children first, each node reported once).
import rhea from 'rhea';
import type { Connection, EventContext } from 'rhea';
import type { GraphNode } from '../graph/types.ts';
import type { ErrorDetail } from './events.ts';
import type { RunContext } from './runContext.ts';
import { isTerminal } from './nodeState.ts';
import { tapSocket, type SocketEnd } from './frameTap.ts';
import { CONDITIONS, checkUrl, diagnoseSocketEnd, explain, explainError } from './doctor.ts';
import { SenderQueue } from './senderQueue.ts';
import { ReceiverControl } from './receiverControl.ts';
import { TransferRunner } from './transferRunner.ts';
import { CbsHandshake } from './cbs.ts';
import { EndpointTree } from './endpointTree.ts';
import { connectionOptions, receiverOptions, RETRIED_CONDITIONS, senderOptions, sessionOptions } from './endpointOptions.ts';
import { abandonConnection, connect, localCloseError, onIdleTimeout, reconnectEnabled, reconnectLimit, setOutgoingWindow } from './rheaInternals.ts';
import { listen, type LifecycleRules } from './rheaListener.ts';
import { EndpointCloser } from './endpointCloser.ts';

export type { RunContext } from './runContext.ts';
export { RECONNECT_DEFAULTS } from './endpointOptions.ts';

export class ConnectionRunner implements LifecycleRules {
  readonly node: GraphNode<'connection'>;
  readonly url: string;
  readonly tree: EndpointTree;
  private readonly ctx: RunContext;
  private readonly closer: EndpointCloser;
  private conn?: Connection;
  private transportFailure?: ErrorDetail;
  /** the `$cbs` put-token of a connection with `cbs` set */
  private cbs?: CbsHandshake;
  /** the outage being retried (reconnect on): reported once, cleared when the connection opens again */
  private outage?: ErrorDetail;
  readonly containerId: string;

  constructor(node: GraphNode<'connection'>, ctx: RunContext) {
    this.node = node;
    this.ctx = ctx;
    this.tree = new EndpointTree(node, ctx.childrenOf, {
      senderQueue: (n, p) =>
        new SenderQueue(p.sndSettleMode === 'settled', {
          sent: (a, deliveryId) => ctx.emit({ at: ctx.now(), node: a.transfer, event: 'TRANSFER_SENT', attempt: a.attempt, deliveryId }),
          settled: (a, outcome, extra) =>
            ctx.emit({ at: ctx.now(), node: a.transfer, event: 'TRANSFER_SETTLED', attempt: a.attempt, outcome, ...(extra?.note ? { note: extra.note } : {}), ...(extra?.errorDetail ? { errorDetail: extra.errorDetail } : {}) }),
          changed: () => ctx.credit.mark(n.id),
        }),
      transferRunner: (t, p, queue) => new TransferRunner(t, p, queue, ctx),
      receiverControl: (n, p) =>
        new ReceiverControl(p.autoAccept, {
          settled: (deliveryId, outcome) => ctx.emit({ at: ctx.now(), node: n.id, event: 'MESSAGE_SETTLED', deliveryId, outcome }),
          changed: () => ctx.credit.mark(n.id),
        }, p.creditWindow === 0 ? p.initialCredit : undefined, { condition: p.rejectCondition, description: p.rejectDescription }),
    });
    const p = this.tree.props;
    this.url = ctx.opts.urlOverride || p.url || ctx.opts.defaultUrl || '';
    this.containerId = p.containerId || `amqp-flow-${node.id}`;
    this.closer = new EndpointCloser(this.tree, ctx, this.url, {
      connectionOpen: () => !!this.conn && this.conn.is_open() && ctx.stateOf(node.id) !== 'error',
      closeConnection: () => this.conn?.close(),
      abortSocket: () => this.abortSocket(),
    });
  }

  /** Every transfer runner under this connection (for the run's bookkeeping). */
  transferRunners(): TransferRunner[] {
    return this.tree.transferRunners();
  }

  start(): void {
    const bad = checkUrl(this.url);
    if (bad) return this.fail(bad);
    this.ctx.move(this.node.id, 'begin');
    const container = rhea.create_container({ id: this.containerId });
    // Without a listener rhea rethrows unhandled link and connection errors here; the runner reports them itself.
    container.on('error', () => {});
    const subprotocols = this.tree.props.subprotocols;
    const options = connectionOptions(this.tree.props, this.url, this.containerId, (onOpen) =>
      tapSocket(this.ctx.socketFor(this.node.id, this.url, subprotocols), this.url, {
        connection: this.node.id,
        gate: this.ctx.gate,
        now: this.ctx.now,
        tracing: this.ctx.tracing,
        onUnit: (dir, bytes) => this.ctx.onUnit(this.node.id, dir, bytes),
        onEnd: (end) => this.onSocketEnd(end),
      }, onOpen), this.ctx.opts.reconnect);
    let conn: Connection;
    try {
      conn = connect(container, options);
    } catch (e) {
      return this.fail({ condition: CONDITIONS.invalidUrl, description: String((e as Error)?.message ?? e), hint: 'The WebSocket could not be created from this URL. Write it as ws://host:port/path.' });
    }
    this.conn = conn;
    // rhea closes on its own when nothing arrives for twice the idle timeout and forgets why once the frame is out
    onIdleTimeout(conn, () => {
      if (!conn.is_closed()) this.transportFailure = explain('amqp:resource-limit-exceeded', 'max idle time exceeded');
    });
    listen(conn, this.tree, this.ctx, this);
  }

  /** Closes this connection, its sessions and links first. */
  async close(): Promise<void> {
    this.cbs?.stop();
    await this.closer.closeConnection();
  }

  async closeNode(id: string): Promise<boolean> {
    if (id === this.node.id) {
      await this.close();
      return true;
    }
    return this.closer.closeNode(id);
  }

  receiverControl(id: string): ReceiverControl | undefined {
    return this.tree.receivers.get(id)?.control;
  }

  creditOf(id: string) {
    return this.tree.creditOf(id);
  }

  // ---- opening, children after parents ----

  connectionOpened(): void {
    const recovered = this.outage !== undefined;
    this.transportFailure = undefined;
    this.outage = undefined;
    this.ctx.move(this.node.id, 'opened');
    this.ctx.emit({ at: this.ctx.now(), node: this.node.id, event: 'CONNECTION_OPEN', url: this.url, containerId: this.containerId, ...(recovered ? { recovered } : {}) });
    this.openAfterCbs();
  }

  /** With `cbs` set the token goes to `$cbs` first; the graph's sessions begin once the broker accepts it. */
  private openAfterCbs(): void {
    const cbs = this.tree.props.cbs;
    const conn = this.conn;
    if (!cbs || !conn) return this.openSessions();
    this.cbs?.stop();
    for (const id of this.tree.sessions.keys()) this.ctx.move(id, 'begin');
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
    for (const s of this.tree.sessions.values()) {
      if (s.ssn) continue; // reconnect: rhea begins the old sessions again
      const ssn = conn.create_session(sessionOptions(s.props));
      if (s.props.outgoingWindow !== undefined) setOutgoingWindow(ssn, s.props.outgoingWindow);
      s.ssn = ssn;
      this.tree.bind(ssn, s.node.id);
      this.ctx.move(s.node.id, 'begin');
      ssn.begin();
    }
  }

  sessionOpened(sessionId: string): void {
    const ssn = this.tree.sessions.get(sessionId)?.ssn;
    if (!ssn) return;
    for (const s of this.tree.senders.values()) {
      if (s.session !== sessionId || s.link) continue;
      s.link = ssn.open_sender(senderOptions(s.props) as never);
      this.tree.bind(s.link, s.node.id);
      this.ctx.move(s.node.id, 'begin');
    }
    for (const r of this.tree.receivers.values()) {
      if (r.session !== sessionId || r.link) continue;
      const { options, initialCredit } = receiverOptions(r.props);
      const link = ssn.open_receiver(options as never);
      if (initialCredit > 0) link.add_credit(initialCredit);
      r.link = link;
      this.tree.bind(link, r.node.id);
      this.ctx.move(r.node.id, 'begin');
    }
  }

  // ---- the connection's own events ----

  connectionError(detail: ErrorDetail): void {
    // a broker shutting down, with reconnect on: `disconnected` follows and retries
    if (reconnectEnabled(this.conn) && RETRIED_CONDITIONS.includes(detail.condition)) this.transportFailure = detail;
    else this.fail(detail);
  }

  connectionClosed(): void {
    if (this.transportFailure && reconnectEnabled(this.conn)) return;
    this.remoteClose(this.node.id);
  }

  private onSocketEnd(end: SocketEnd): Error {
    const state = this.ctx.stateOf(this.node.id);
    // a close frame the broker sent first (a retried `amqp:connection:forced`) says more than the socket end
    if (state !== 'closing' && !isTerminal(state)) this.transportFailure ??= diagnoseSocketEnd(this.url, end, this.tree.props.subprotocols);
    return new Error(this.transportFailure?.description ?? 'socket closed');
  }

  disconnected(c: EventContext): void {
    const state = this.ctx.stateOf(this.node.id);
    if (state === 'closing') return this.closer.resolve(this.node.id);
    if (isTerminal(state)) return;
    // our own close on an idle timeout says more than the socket end that follows it
    const local = localCloseError(this.conn);
    const detail = local ? explainError(local) : this.transportFailure ?? explainError(c.error ?? { condition: CONDITIONS.connectionLost, description: 'The connection dropped.' });
    this.transportFailure = undefined;
    if (c.reconnecting) return this.onOutage(detail);
    if (this.outage) {
      // the last try's own failure, and how many tries there were
      const limit = reconnectLimit(this.conn);
      return this.fail({ ...detail, hint: `${detail.hint ?? ''} Gave up after ${limit ?? 'several'} reconnect attempts.`.trim() });
    }
    this.fail(detail);
  }

  /**
   * rhea will try again: report the drop once per outage, end what was in flight as `lost` (or queue it again
   * with `resendInFlight`), return receivers' unsettled deliveries, keep waiting attempts queued; rhea begins
   * the same sessions and attaches the same links again once it reconnects.
   */
  private onOutage(detail: ErrorDetail): void {
    const resend = this.ctx.opts.reconnect?.resendInFlight === true;
    for (const s of this.tree.senders.values()) {
      if (resend) s.queue.requeueInFlight();
      else s.queue.failInFlight('the connection dropped before the broker settled it');
    }
    // unsettled deliveries go back to the broker, which delivers them again
    for (const [id, r] of this.tree.receivers) {
      for (const deliveryId of r.control.returnUnsettled()) {
        this.ctx.emit({ at: this.ctx.now(), node: id, event: 'MESSAGE_SETTLED', deliveryId, outcome: 'released', note: 'returned to the broker: the connection dropped before this receiver settled it' });
      }
    }
    for (const id of this.tree.childIds()) if (this.ctx.stateOf(id) === 'open') this.ctx.move(id, 'reconnect');
    this.ctx.move(this.node.id, 'reconnect');
    if (this.outage) return;
    this.outage = detail;
    this.ctx.emit({ at: this.ctx.now(), node: this.node.id, event: 'CONNECTION_ERROR', url: this.url, reconnecting: true, errorDetail: { ...detail, hint: `${detail.hint ?? ''} Reconnecting…`.trim() } });
  }

  /** A remote close without an error (ours are awaited through the closer). */
  remoteClose(id: string): void {
    if (this.closer.awaiting(id)) return this.closer.resolve(id);
    if (isTerminal(this.ctx.stateOf(id))) return;
    if (id === this.node.id) {
      // rhea closes on its own when the peer stays silent past the idle timeout: that is a failure
      const local = localCloseError(this.conn);
      if (local) return this.fail(explainError(local));
      this.closer.remoteConnectionClose();
    } else {
      this.closer.remoteChildClose(id);
    }
  }

  // ---- failures: children first, then the node itself ----

  fail(detail: ErrorDetail): void {
    if (isTerminal(this.ctx.stateOf(this.node.id))) return;
    this.closer.failConnection(detail);
  }

  failSession(id: string, detail: ErrorDetail): void {
    this.closer.failSession(id, detail);
  }

  failLink(id: string, detail: ErrorDetail): void {
    this.closer.failLink(id, detail);
  }

  private abortSocket(): void {
    this.cbs?.stop();
    abandonConnection(this.conn);
  }
}
