// The one listener on a rhea connection: maps every rhea event to the engine's (opens, credit, outcomes,
// messages) and hands failures and closes to the connection runner, which owns those rules.
import type { Connection, EventContext } from 'rhea';
import type { ErrorDetail } from './events.ts';
import type { EndpointTree } from './endpointTree.ts';
import type { RunContext } from './runContext.ts';
import { explain, explainError } from './doctor.ts';
import { readMessage } from './message.ts';
import { attachedAddress } from './rheaInternals.ts';

/** What the runner decides: failures, closes and drops. */
export interface LifecycleRules {
  connectionOpened(): void;
  connectionError(detail: ErrorDetail): void;
  connectionClosed(): void;
  fail(detail: ErrorDetail): void;
  disconnected(c: EventContext): void;
  /** a session opened: attach its links */
  sessionOpened(id: string): void;
  failSession(id: string, detail: ErrorDetail): void;
  failLink(id: string, detail: ErrorDetail): void;
  /** a session or link closed by the peer (or answering our close) */
  remoteClose(id: string): void;
}

export function listen(conn: Connection, tree: EndpointTree, ctx: RunContext, rules: LifecycleRules): void {
  const emitAt = ctx.now;
  conn.on('connection_open', () => rules.connectionOpened());
  conn.on('connection_error', (c: EventContext) => rules.connectionError(explainError(c.error ?? c.connection.error)));
  conn.on('connection_close', () => rules.connectionClosed());
  conn.on('protocol_error', (c: EventContext) => rules.fail(explain('amqp:connection:framing-error', String(c.error ?? 'protocol error'))));
  conn.on('disconnected', (c: EventContext) => rules.disconnected(c));

  conn.on('session_open', (c: EventContext) => {
    const id = tree.idOf(c.session);
    if (!id) return;
    ctx.move(id, 'opened');
    ctx.emit({ at: emitAt(), node: id, event: 'SESSION_OPEN' });
    rules.sessionOpened(id);
  });
  conn.on('session_error', (c: EventContext) => {
    const id = tree.idOf(c.session);
    if (id) rules.failSession(id, explainError(c.session?.error));
  });
  conn.on('session_close', (c: EventContext) => {
    const id = tree.idOf(c.session);
    if (id) rules.remoteClose(id);
  });

  conn.on('sender_open', (c: EventContext) => {
    const id = tree.idOf(c.sender);
    const s = id ? tree.senders.get(id) : undefined;
    if (!id || !s || !c.sender) return;
    ctx.move(id, 'opened');
    s.queue.attach(c.sender);
    ctx.emit({ at: emitAt(), node: id, event: 'SENDER_OPEN', address: attachedAddress(c.sender, 'target') ?? s.props.address ?? '' });
    ctx.credit.flushLink(id);
    s.queue.pump();
    for (const t of s.transfers) t.start();
  });
  conn.on('receiver_open', (c: EventContext) => {
    const id = tree.idOf(c.receiver);
    const r = id ? tree.receivers.get(id) : undefined;
    if (!id || !r || !c.receiver) return;
    ctx.move(id, 'opened');
    const address = attachedAddress(c.receiver, 'source') ?? r.props.address ?? '';
    r.control.attach(c.receiver);
    ctx.emit({ at: emitAt(), node: id, event: 'RECEIVER_OPEN', address });
    ctx.receivers.opened(id, address);
    ctx.credit.flushLink(id);
  });
  for (const name of ['sender_error', 'receiver_error'] as const) {
    conn.on(name, (c: EventContext) => {
      const link = c.sender ?? c.receiver;
      const id = tree.idOf(link);
      if (id) rules.failLink(id, explainError(link?.error));
    });
  }
  for (const name of ['sender_close', 'receiver_close'] as const) {
    conn.on(name, (c: EventContext) => {
      const id = tree.idOf(c.sender ?? c.receiver);
      if (id) rules.remoteClose(id);
    });
  }

  const senderMoved = (c: EventContext) => {
    const id = tree.idOf(c.sender);
    const s = id ? tree.senders.get(id) : undefined;
    if (!id || !s) return;
    s.queue.pump();
    ctx.credit.mark(id);
  };
  conn.on('sendable', senderMoved);
  conn.on('sender_flow', senderMoved);
  conn.on('sender_draining', senderMoved);
  const outcome = (c: EventContext) => {
    const s = tree.senders.get(tree.idOf(c.sender) ?? '');
    if (s && c.delivery) s.queue.onDelivery(c.delivery);
  };
  for (const name of ['accepted', 'rejected', 'released', 'modified', 'settled'] as const) conn.on(name, outcome);

  const receiverMoved = (c: EventContext) => {
    const id = tree.idOf(c.receiver);
    if (id) ctx.credit.mark(id);
  };
  conn.on('receiver_flow', receiverMoved);
  conn.on('receiver_drained', receiverMoved);
  conn.on('message', (c: EventContext) => {
    const id = tree.idOf(c.receiver);
    const r = id ? tree.receivers.get(id) : undefined;
    if (!id || !r || !c.delivery || !c.message) return;
    const m = readMessage(c.message);
    const duplicate = r.control.seenBefore(m.properties.messageId);
    ctx.emit({ at: emitAt(), node: id, event: 'MESSAGE_RECEIVED', deliveryId: c.delivery.id, ...m, ...(duplicate ? { duplicate } : {}) });
    r.control.onMessage(c.delivery);
    ctx.credit.mark(id);
  });
}
