// Routes rhea's server events on one connection to the broker's modules: links opening become
// consumers and producers (router), credit and dispositions reach their consumer, complete
// messages are routed and settled, and endings give unsettled messages back.
import type { Delivery, EventContext, Sender, Session } from 'rhea';
import { Consumer } from './outgoing.ts';
import { Producer, watchTransfers } from './incoming.ts';
import { settle } from './settle.ts';
import type { Router } from './router.ts';
import { guardAttaches, refusalOf } from './attachGuard.ts';
import { answerEcho } from './flowEcho.ts';
import { sendTransfersDirectly } from './transferFrame.ts';
import { notifyOutcomesDirectly } from './outcomeEvents.ts';
import type { Limits } from './limits.ts';
import { closeWithError, conditionFor, type Conn } from './clientConnection.ts';

export interface LinkEventHost {
  router: Router;
  limits: Limits;
  /** the connection went away: every link of it is dropped */
  cleanup(conn: Conn): void;
}

export function routeLinkEvents(conn: Conn, host: LinkEventHost): void {
  const { amqp } = conn;
  const { router, limits } = host;
  const dropConsumer = (c: Consumer) => {
    conn.consumers.delete(c);
    router.dropConsumer(c);
  };
  const dropProducer = (p: Producer) => {
    conn.producers.delete(p);
    router.dropProducer(p);
  };
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
  /** A complete incoming message: store or answer it, and settle its delivery. */
  const receive = (p: Producer, delivery: Delivery) => {
    if (p.closed) return;
    const payload = p.lastPayload;
    p.lastPayload = null;
    if (!payload) return;
    const outcome = router.route(p, payload);
    // a pre-settled transfer needs no outcome, but rhea frees its slot only once we settle too
    if (delivery.remote_settled) delivery.update(true);
    else settle(delivery, outcome);
  };
  amqp.on('session_open', (ctx: EventContext) => {
    watchTransfers(ctx.session as Session, receive);
    guardAttaches(ctx.session as Session);
    answerEcho(ctx.session as Session);
    // installed in this order so that rhea's order stays: transfers are sent, then outcomes told
    notifyOutcomesDirectly(ctx.session as Session, consumerOf);
    sendTransfersDirectly(ctx.session as Session);
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
  // outcomes on a consumer's own session arrive through notifyOutcomesDirectly; these are the rest
  for (const outcome of ['accepted', 'released', 'modified', 'rejected', 'settled']) {
    amqp.on(outcome, (ctx: EventContext) => {
      const c = ctx.sender && consumerOf(ctx.sender);
      if (c && ctx.delivery) c.onDisposition(ctx.delivery);
    });
  }
  // messages in several frames (the others arrive through receive, above)
  amqp.on('message', (ctx: EventContext) => {
    const p = ctx.receiver && Producer.of(ctx.receiver);
    if (p && ctx.delivery) receive(p, ctx.delivery);
  });
  // Endings are handled after rhea has dispatched the dispositions that arrived with them, so an
  // accept sent just before a detach or close still counts and is not put back in the queue.
  const later = (f: () => void) => process.nextTick(f);
  amqp.on('sender_close', (ctx: EventContext) => later(() => {
    const c = ctx.sender && consumerOf(ctx.sender);
    if (c) dropConsumer(c);
  }));
  amqp.on('receiver_close', (ctx: EventContext) => later(() => {
    const p = ctx.receiver && Producer.of(ctx.receiver);
    if (p) dropProducer(p);
  }));
  amqp.on('session_close', (ctx: EventContext) => later(() => {
    for (const c of conn.consumers) if (c.link.session === ctx.session) dropConsumer(c);
    for (const p of conn.producers) if (p.link.session === ctx.session) dropProducer(p);
  }));
  amqp.on('connection_close', () => later(() => host.cleanup(conn)));
  amqp.on('disconnected', () => later(() => host.cleanup(conn)));
  for (const e of ['connection_error', 'session_error', 'sender_error', 'receiver_error']) amqp.on(e, () => { /* the *_close that follows cleans up */ });
  amqp.on('protocol_error', (e: unknown) => closeWithError(conn, conditionFor(e, 'amqp:connection:framing-error')));
  amqp.on('error', (e: unknown) => closeWithError(conn, conditionFor(e, 'amqp:decode-error')));
}
