// The address side of the broker: which queue each link and message belongs to, what a consumer's
// outcome does to its queue, the dead-letter queues, temporary (dynamic) queues and `$cbs`.
import type { Receiver, Sender } from 'rhea';
import { Consumer, type ConsumerOutcome } from './outgoing.ts';
import { Producer, creditOf } from './incoming.ts';
import { QueueNode, PRODUCER_WINDOW } from './queueNode.ts';
import type { QueuedMessage } from './queue.ts';
import type { Outcome } from './settle.ts';
import { readMessage, encodeMessage, withAnnotations, mergeAnnotations } from './message.ts';
import { CBS_ADDRESS, cbsReply } from './cbs.ts';
import type { Limits } from './limits.ts';

interface LinkInternals { rcv_settle_mode?: number; local: { attach: { snd_settle_mode?: number; rcv_settle_mode?: number; max_message_size?: number } } }
/** the outcome of nearly every message, shared rather than made per message */
const ACCEPTED: Outcome = Object.freeze({ kind: 'accepted' });

type Terminus = { address?: string | null; dynamic?: boolean } | null | undefined;

export class Router {
  readonly nodes = new Map<string, QueueNode>();
  private readonly consumerNode = new Map<Consumer, QueueNode>();
  /** temporary queues and the link whose lifetime they share (delete-on-close) */
  private readonly dynamicOwner = new Map<Consumer | Producer, QueueNode>();
  private readonly limits: Limits;
  private readonly prefix: string;
  private dynamicCount = 0;
  /** an injected fault's outcome for a message sent to an address, instead of storing it (broker/faults.ts) */
  intercept?: (address: string) => Outcome | null;

  constructor(limits: Limits, dynamicPrefix: string) {
    this.limits = limits;
    this.prefix = dynamicPrefix;
  }

  nodeFor(address: string): QueueNode {
    let node = this.nodes.get(address);
    if (!node) this.nodes.set(address, (node = new QueueNode(address, this.nodeOptions())));
    return node;
  }

  /** A temporary address that does not exist (any more) is not re-created as an ordinary queue. */
  private missingTemporary(address: string): boolean {
    return address.startsWith(this.prefix) && address[this.prefix.length] === '.' && !this.nodes.has(address);
  }

  private nodeOptions(dynamic = false) {
    return {
      maxDepth: this.limits.maxQueueDepth,
      dynamic,
      maxDeliveryCount: this.limits.maxDeliveryCount,
      deadLetter: (node: QueueNode, m: QueuedMessage, condition: string, description: string) => this.deadLetter(node, m, condition, description),
    };
  }

  /** Move a message to `<address>.dlq`, saying where it came from and why (as brokers commonly do). */
  private deadLetter(node: QueueNode, m: QueuedMessage, condition?: string, description?: string): void {
    node.queue.settled();
    node.queue.stats.deadLettered++;
    const dlq = this.nodeFor(`${node.address}.dlq`);
    const why: Record<string, string> = { 'x-opt-deadletter-queue': node.address };
    if (condition) why['x-opt-deadletter-reason'] = condition;
    if (description) why['x-opt-deadletter-description'] = description;
    // it was acquired before, so first-acquirer is false when the dead letter is delivered
    dlq.queue.push(withAnnotations(m.payload, why), m.deliveryCount).acquired = m.acquired;
    dlq.pump();
  }

  nodeOf(c: Consumer): QueueNode | undefined {
    return this.consumerNode.get(c);
  }

  private temporary(): QueueNode {
    const address = `${this.prefix}.${++this.dynamicCount}`;
    const node = new QueueNode(address, this.nodeOptions(true));
    this.nodes.set(address, node);
    return node;
  }

  /** What a consumer's outcome does to its queue. */
  readonly host = {
    outcome: (c: Consumer, m: QueuedMessage, outcome: ConsumerOutcome) => {
      const node = this.consumerNode.get(c);
      if (!node) return;
      if (outcome.kind === 'accepted') {
        node.queue.settled();
      } else if (outcome.kind === 'released') {
        if (outcome.deliveryFailed) m.deliveryCount++;
        if (outcome.undeliverableHere) (m.avoid ??= new Set()).add(c.id);
        if (outcome.annotations) m.payload = mergeAnnotations(m.payload, outcome.annotations); // §3.4.5
        node.giveBack(m);
      } else {
        this.deadLetter(node, m, outcome.condition, outcome.description);
      }
      // the outcomes of one disposition (a range) and of one socket read share one pump
      node.schedulePump();
    },
  };

  /** A peer receiver attached: answer its attach and make it a consumer, or refuse it (null). */
  openConsumer(link: Sender): Consumer | null {
    const source = link.source as Terminus;
    const internals = link as unknown as LinkInternals;
    internals.local.attach.snd_settle_mode = link.snd_settle_mode === 1 ? 1 : 0;
    // the receiver decides its own settlement mode; in `second` we settle after its outcome
    internals.local.attach.rcv_settle_mode = internals.rcv_settle_mode === 1 ? 1 : 0;
    link.set_target(link.target as Parameters<Sender['set_target']>[0]);
    let node: QueueNode;
    if (source?.dynamic) {
      node = this.temporary();
      link.set_source({ address: node.address, dynamic: true } as Parameters<Sender['set_source']>[0]);
    } else if (source?.address && this.missingTemporary(source.address)) {
      link.set_source(null as unknown as Parameters<Sender['set_source']>[0]);
      link.close({ condition: 'amqp:not-found', description: `the temporary address ${source.address} does not exist (it is deleted with the link that created it)` });
      return null;
    } else if (source?.address) {
      node = this.nodeFor(source.address);
      link.set_source({ address: source.address });
    } else {
      link.close({ condition: 'amqp:invalid-field', description: 'a receiver needs a source address (or source.dynamic for a temporary queue)' });
      return null;
    }
    const c = new Consumer(link, this.host);
    this.consumerNode.set(c, node);
    if (source?.dynamic) this.dynamicOwner.set(c, node);
    node.addConsumer(c);
    return c;
  }

  /** A peer sender attached: answer its attach and make it a producer with credit, or refuse it (null). */
  openProducer(link: Receiver): Producer | null {
    const target = link.target as Terminus;
    const attach = (link as unknown as LinkInternals).local.attach;
    attach.rcv_settle_mode = 0;
    attach.snd_settle_mode = link.snd_settle_mode;
    attach.max_message_size = this.limits.maxMessageSize;
    link.set_source(link.source);
    let address: string | null = target?.address ?? null;
    let owned: QueueNode | null = null;
    if (target?.dynamic) {
      owned = this.temporary();
      address = owned.address;
      link.set_target({ address, dynamic: true } as Parameters<Receiver['set_target']>[0]);
    } else if (address !== null && this.missingTemporary(address)) {
      link.set_target(null as unknown as Parameters<Receiver['set_target']>[0]);
      link.close({ condition: 'amqp:not-found', description: `the temporary address ${address} does not exist (it is deleted with the link that created it)` });
      return null;
    } else {
      link.set_target((target ? { address: address ?? undefined } : null) as Parameters<Receiver['set_target']>[0]);
    }
    const p = new Producer(link, address, { maxMessageSize: this.limits.maxMessageSize });
    if (owned) this.dynamicOwner.set(p, owned);
    if (address !== null && address !== CBS_ADDRESS) this.nodeFor(address).addProducer(p);
    else link.add_credit(PRODUCER_WINDOW);
    return p;
  }

  dropConsumer(c: Consumer): void {
    const node = this.consumerNode.get(c);
    this.consumerNode.delete(c);
    node?.removeConsumer(c);
    this.deleteOwned(c, 'receiver');
  }

  dropProducer(p: Producer): void {
    p.closed = true;
    if (p.address !== null) this.nodes.get(p.address)?.removeProducer(p);
    this.deleteOwned(p, 'sender');
  }

  /** Delete the temporary queue this link created (lifetime policy delete-on-close), closing its other links. */
  private deleteOwned(owner: Consumer | Producer, role: string): void {
    const owned = this.dynamicOwner.get(owner);
    if (!owned) return;
    this.dynamicOwner.delete(owner);
    this.nodes.delete(owned.address);
    const why = `the temporary queue ${owned.address} was deleted when the ${role} that created it closed`;
    for (const p of owned.producers) if (p !== owner) p.fail('amqp:resource-deleted', why);
    for (const c of [...owned.consumers]) {
      if (c === owner) continue;
      owned.removeConsumer(c);
      this.consumerNode.delete(c);
      c.link.close({ condition: 'amqp:resource-deleted', description: why });
    }
  }

  /** Store or answer one complete incoming message; the outcome goes back to its sender. */
  route(p: Producer, payload: Buffer): Outcome {
    if (p.address === null || p.address === CBS_ADDRESS) this.topUp(p);
    if (p.address === CBS_ADDRESS) return this.cbs(payload);
    if (p.address !== null) {
      const node = this.missingTemporary(p.address) ? undefined : this.nodeFor(p.address);
      if (!node) return { kind: 'rejected', condition: 'amqp:not-found', description: `the temporary address ${p.address} was deleted` };
      return this.intercept?.(p.address) ?? this.store(node, payload);
    }
    const to = readMessage(payload)?.to;
    if (typeof to !== 'string' || to === '') {
      return { kind: 'rejected', condition: 'amqp:precondition-failed', description: 'this link has no target address, so each message needs a "to" property naming its queue' };
    }
    if (to === CBS_ADDRESS) return this.cbs(payload);
    if (this.missingTemporary(to)) return { kind: 'rejected', condition: 'amqp:not-found', description: `the temporary address ${to} does not exist (it is deleted with the link that created it)` };
    const faulted = this.intercept?.(to);
    if (faulted) return faulted;
    const node = this.nodeFor(to);
    if (node.queue.room <= 0) {
      return { kind: 'rejected', condition: 'amqp:resource-limit-exceeded', description: `queue ${to} is full (max-queue-depth ${this.limits.maxQueueDepth})` };
    }
    return this.store(node, payload);
  }

  private store(node: QueueNode, payload: Buffer): Outcome {
    node.queue.push(payload);
    // one pump for all the messages one read of the socket carried, not one per message
    node.schedulePump();
    return ACCEPTED;
  }

  /** Links that are not fed by one queue's room keep a steady window of credit. */
  private topUp(p: Producer): void {
    if (!p.closed && creditOf(p.link) < PRODUCER_WINDOW / 2) p.link.add_credit(PRODUCER_WINDOW - creditOf(p.link));
  }

  private cbs(payload: Buffer): Outcome {
    const request = readMessage(payload);
    if (!request) return { kind: 'rejected', condition: 'amqp:decode-error', description: 'the message could not be decoded' };
    const reply = cbsReply(request);
    if (reply && typeof reply.to === 'string' && !this.missingTemporary(reply.to)) this.store(this.nodeFor(reply.to), encodeMessage(reply));
    return ACCEPTED;
  }
}
