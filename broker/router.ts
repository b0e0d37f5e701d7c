// The address side of the broker: which queue each link and message belongs to, what a consumer's
// outcome does to its queue, the dead-letter queues, temporary (dynamic) queues and `$cbs`.
import type { Receiver, Sender } from 'rhea';
import { Consumer, type ConsumerOutcome } from './outgoing.ts';
import { Producer, creditOf } from './incoming.ts';
import { QueueNode, PRODUCER_WINDOW } from './queueNode.ts';
import type { QueuedMessage } from './queue.ts';
import type { Outcome } from './settle.ts';
import { readMessage, encodeMessage, withAnnotations } from './message.ts';
import { CBS_ADDRESS, cbsReply } from './cbs.ts';
import type { Limits } from './limits.ts';

interface LinkInternals { rcv_settle_mode?: number; local: { attach: { snd_settle_mode?: number; rcv_settle_mode?: number; max_message_size?: number } } }
type Terminus = { address?: string | null; dynamic?: boolean } | null | undefined;

export class Router {
  readonly nodes = new Map<string, QueueNode>();
  private readonly consumerNode = new Map<Consumer, QueueNode>();
  private readonly dynamicOwner = new Map<Consumer, QueueNode>();
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
    if (!node) this.nodes.set(address, (node = new QueueNode(address, { maxDepth: this.limits.maxQueueDepth })));
    return node;
  }

  nodeOf(c: Consumer): QueueNode | undefined {
    return this.consumerNode.get(c);
  }

  private temporary(): QueueNode {
    const address = `${this.prefix}.${++this.dynamicCount}`;
    const node = new QueueNode(address, { maxDepth: this.limits.maxQueueDepth, dynamic: true });
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
        node.queue.putBack(m);
      } else {
        node.queue.settled();
        node.queue.stats.deadLettered++;
        const dlq = this.nodeFor(`${node.address}.dlq`);
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

  /** A peer sender attached: answer its attach and make it a producer with credit. */
  openProducer(link: Receiver): Producer {
    const target = link.target as Terminus;
    const attach = (link as unknown as LinkInternals).local.attach;
    attach.rcv_settle_mode = 0;
    attach.snd_settle_mode = link.snd_settle_mode;
    attach.max_message_size = this.limits.maxMessageSize;
    link.set_source(link.source);
    let address: string | null = target?.address ?? null;
    if (target?.dynamic) {
      address = this.temporary().address;
      link.set_target({ address, dynamic: true } as Parameters<Receiver['set_target']>[0]);
    } else {
      link.set_target((target ? { address: address ?? undefined } : null) as Parameters<Receiver['set_target']>[0]);
    }
    const p = new Producer(link, address, { maxMessageSize: this.limits.maxMessageSize });
    if (address !== null && address !== CBS_ADDRESS) this.nodeFor(address).addProducer(p);
    else link.add_credit(PRODUCER_WINDOW);
    return p;
  }

  dropConsumer(c: Consumer): void {
    const node = this.consumerNode.get(c);
    this.consumerNode.delete(c);
    node?.removeConsumer(c);
    const owned = this.dynamicOwner.get(c);
    if (owned) {
      this.dynamicOwner.delete(c);
      this.nodes.delete(owned.address);
      for (const p of owned.producers) p.fail('amqp:resource-deleted', `the temporary queue ${owned.address} was deleted when its receiver closed`);
    }
  }

  dropProducer(p: Producer): void {
    p.closed = true;
    if (p.address !== null) this.nodes.get(p.address)?.removeProducer(p);
  }

  /** Store or answer one complete incoming message; the outcome goes back to its sender. */
  route(p: Producer, payload: Buffer): Outcome {
    if (p.address === null || p.address === CBS_ADDRESS) this.topUp(p);
    if (p.address === CBS_ADDRESS) return this.cbs(payload);
    if (p.address !== null) return this.intercept?.(p.address) ?? this.store(this.nodeFor(p.address), payload);
    const to = readMessage(payload)?.to;
    if (typeof to !== 'string' || to === '') {
      return { kind: 'rejected', condition: 'amqp:precondition-failed', description: 'this link has no target address, so each message needs a "to" property naming its queue' };
    }
    if (to === CBS_ADDRESS) return this.cbs(payload);
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
    node.pump();
    return { kind: 'accepted' };
  }

  /** Links that are not fed by one queue's room keep a steady window of credit. */
  private topUp(p: Producer): void {
    if (!p.closed && creditOf(p.link) < PRODUCER_WINDOW / 2) p.link.add_credit(PRODUCER_WINDOW - creditOf(p.link));
  }

  private cbs(payload: Buffer): Outcome {
    const request = readMessage(payload);
    if (!request) return { kind: 'rejected', condition: 'amqp:decode-error', description: 'the message could not be decoded' };
    const reply = cbsReply(request);
    if (reply && typeof reply.to === 'string') this.store(this.nodeFor(reply.to), encodeMessage(reply));
    return { kind: 'accepted' };
  }
}
