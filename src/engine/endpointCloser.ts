// The close and failure rules for one connection's tree: children close (or fail) before their parent, every
// node is reported closed or failed once, and a sender's attempts end `unsent`/`lost` before its link does.
import type { ErrorDetail } from './events.ts';
import type { EndpointTree } from './endpointTree.ts';
import type { RunContext } from './runContext.ts';
import { isTerminal } from './nodeState.ts';
import { CONDITIONS } from './doctor.ts';

/** How long we wait for the peer to answer our close before treating it as closed. */
const CLOSE_WAIT_MS = 2000;

/** The parts of the connection the closer needs, owned by the runner. */
export interface ConnectionHandle {
  /** the AMQP connection is open and has not failed */
  connectionOpen(): boolean;
  /** send `close` (when there is a connection) */
  closeConnection(): void;
  /** stop reconnecting and end the socket */
  abortSocket(): void;
}

export class EndpointCloser {
  private readonly tree: EndpointTree;
  private readonly ctx: RunContext;
  private readonly url: string;
  private readonly conn: ConnectionHandle;
  /** resolvers waiting for an endpoint's close */
  private readonly closing = new Map<string, () => void>();

  constructor(tree: EndpointTree, ctx: RunContext, url: string, conn: ConnectionHandle) {
    this.tree = tree;
    this.ctx = ctx;
    this.url = url;
    this.conn = conn;
  }

  private get connectionId(): string {
    return this.tree.connection.id;
  }

  awaiting(id: string): boolean {
    return this.closing.has(id);
  }

  resolve(id: string): void {
    const r = this.closing.get(id);
    this.closing.delete(id);
    r?.();
  }

  // ---- closing on request ----

  async closeConnection(): Promise<void> {
    const id = this.connectionId;
    const state = this.ctx.stateOf(id);
    if (isTerminal(state) || state === 'idle') return this.settleSubtree();
    this.ctx.move(id, 'close');
    for (const sid of this.tree.sessions.keys()) await this.closeSession(sid);
    if (isTerminal(this.ctx.stateOf(id))) return;
    if (state === 'open') await this.closeEndpoint(id, () => this.conn.closeConnection());
    else this.conn.closeConnection();
    this.conn.abortSocket();
    this.finish(id, 'CONNECTION_CLOSED');
  }

  /** Closes a session, link or transfer of this tree; false when the node is not here. */
  async closeNode(id: string): Promise<boolean> {
    if (this.tree.sessions.has(id)) {
      await this.closeSession(id);
      return true;
    }
    if (this.tree.senders.has(id) || this.tree.receivers.has(id)) {
      await this.closeLink(id);
      return true;
    }
    const found = this.tree.findTransfer(id);
    if (!found) return false;
    found.transfer.cancel('the transfer was closed before this attempt was sent');
    found.sender.queue.cancelTransfer(id, 'the transfer was closed before this attempt was sent');
    return true;
  }

  private async closeSession(id: string): Promise<void> {
    const s = this.tree.sessions.get(id);
    if (!s) return;
    const state = this.ctx.stateOf(id);
    for (const lid of this.tree.linksOf(id)) await this.closeLink(lid);
    if (isTerminal(state) || state === 'idle') {
      this.ctx.move(id, 'close'); // idle: closed without a word
      return;
    }
    this.ctx.move(id, 'close');
    const ssn = s.ssn;
    if (ssn && state === 'open' && this.conn.connectionOpen()) await this.closeEndpoint(id, () => ssn.close());
    this.finish(id, 'SESSION_CLOSED');
  }

  private async closeLink(id: string): Promise<void> {
    const s = this.tree.senders.get(id);
    const r = this.tree.receivers.get(id);
    const state = this.ctx.stateOf(id);
    if (isTerminal(state) || state === 'idle') return this.endLink(id, 'closed');
    this.ctx.move(id, 'close');
    if (s) {
      for (const t of s.transfers) t.cancel('the run stopped before this attempt was created');
      s.queue.close('the run stopped before credit arrived', 'the sender closed before the broker settled it');
    }
    const link = s?.link ?? r?.link;
    if (link && state === 'open' && this.conn.connectionOpen()) await this.closeEndpoint(id, () => link.close());
    this.endLink(id, 'closed');
  }

  private closeEndpoint(id: string, close: () => void): Promise<void> {
    return new Promise<void>((resolve) => {
      const timer = setTimeout(() => this.resolve(id), CLOSE_WAIT_MS);
      this.closing.set(id, () => {
        clearTimeout(timer);
        resolve();
      });
      try {
        close();
      } catch {
        this.resolve(id);
      }
    });
  }

  // ---- closed by the peer ----

  remoteConnectionClose(): void {
    this.settleSubtree(closedBecause('the broker closed the connection'));
    this.conn.abortSocket();
    this.finish(this.connectionId, 'CONNECTION_CLOSED');
  }

  remoteChildClose(id: string): void {
    if (this.tree.sessions.has(id)) {
      this.closeSessionChildren(id, closedBecause('the broker ended the session'));
      this.finish(id, 'SESSION_CLOSED');
    } else {
      this.endLink(id, 'closed', closedBecause('the broker detached the link'));
    }
  }

  // ---- failures: children first, then the node itself ----

  failConnection(detail: ErrorDetail): void {
    const id = this.connectionId;
    this.settleSubtree({ condition: CONDITIONS.parentFailed, description: `Its connection failed: ${detail.description}`, hint: detail.hint });
    this.ctx.move(id, 'failed');
    this.ctx.emit({ at: this.ctx.now(), node: id, event: 'CONNECTION_ERROR', url: this.url, errorDetail: detail });
    this.conn.abortSocket();
    for (const r of [...this.closing.keys()]) this.resolve(r);
  }

  failSession(id: string, detail: ErrorDetail): void {
    if (isTerminal(this.ctx.stateOf(id))) return;
    this.closeSessionChildren(id, { condition: CONDITIONS.parentFailed, description: `Its session failed: ${detail.description}`, hint: detail.hint });
    this.ctx.move(id, 'failed');
    this.ctx.emit({ at: this.ctx.now(), node: id, event: 'SESSION_ERROR', errorDetail: detail });
    this.resolve(id);
  }

  failLink(id: string, detail: ErrorDetail): void {
    this.endLink(id, 'error', detail);
    this.resolve(id);
  }

  /** Ends every node below the connection (used when the connection itself ends). */
  private settleSubtree(detail?: ErrorDetail): void {
    for (const id of this.tree.sessions.keys()) {
      this.closeSessionChildren(id, detail);
      this.finish(id, 'SESSION_CLOSED', detail);
    }
  }

  private closeSessionChildren(sessionId: string, detail?: ErrorDetail): void {
    for (const id of this.tree.linksOf(sessionId)) this.endLink(id, 'closed', detail);
  }

  /** Settles a link's transfers, then reports the link closed or failed (once). */
  private endLink(id: string, how: 'closed' | 'error', detail?: ErrorDetail): void {
    const state = this.ctx.stateOf(id);
    const s = this.tree.senders.get(id);
    const r = this.tree.receivers.get(id);
    if (s) {
      const why = detail ? `: ${detail.description}` : '';
      for (const t of s.transfers) t.cancel(`the sender closed before this attempt was created${why}`);
      s.queue.close(`the sender closed before credit arrived${why}`, `the sender closed before the broker settled it${why}`);
    }
    if (r) {
      r.control.close();
      this.ctx.receivers.closed(id);
    }
    if (isTerminal(state)) return;
    if (state === 'idle') {
      this.ctx.move(id, 'closed');
      return;
    }
    const address = (s ?? r)?.props.address ?? '';
    this.ctx.move(id, how === 'error' || detail ? 'failed' : 'closed');
    const event = `${s ? 'SENDER' : 'RECEIVER'}_${how === 'error' ? 'ERROR' : 'CLOSED'}` as const;
    this.ctx.emit(detail ? { at: this.ctx.now(), node: id, event, address, errorDetail: detail } : { at: this.ctx.now(), node: id, event, address });
  }

  private finish(id: string, event: 'CONNECTION_CLOSED' | 'SESSION_CLOSED', detail?: ErrorDetail): void {
    const state = this.ctx.stateOf(id);
    if (isTerminal(state)) return;
    if (state === 'idle') {
      this.ctx.move(id, 'closed');
      return;
    }
    this.ctx.move(id, detail ? 'failed' : 'closed');
    const base = { at: this.ctx.now(), node: id, ...(detail ? { errorDetail: detail } : {}) };
    this.ctx.emit(event === 'CONNECTION_CLOSED' ? { ...base, event, url: this.url } : { ...base, event });
  }
}

function closedBecause(description: string): ErrorDetail {
  return { condition: CONDITIONS.closedByBroker, description: `Closed because ${description}.` };
}
