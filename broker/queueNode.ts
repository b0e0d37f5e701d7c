// One address of the broker: its queue, the consumers competing for it (round-robin among those
// with credit) and the producers feeding it (credit only while the queue has room).
import { Queue, type QueuedMessage } from './queue.ts';
import type { Consumer } from './outgoing.ts';
import { creditOf, type Producer } from './incoming.ts';

/** credit a producer link is topped up to while its queue has room */
export const PRODUCER_WINDOW = 500;

export interface QueueNodeOptions {
  maxDepth: number;
  dynamic?: boolean;
  /** failed deliveries after which a message is dead-lettered */
  maxDeliveryCount: number;
  /** a message leaves this queue for its dead-letter queue, with the reason */
  deadLetter(node: QueueNode, m: QueuedMessage, condition: string, description: string): void;
}

const isOpen = (p: Producer) => !p.closed && p.link.is_open();

export class QueueNode {
  readonly queue: Queue;
  readonly consumers: Consumer[] = [];
  readonly producers: Producer[] = [];
  private next = 0; // round-robin position among consumers
  private pumping = false;
  private again = false;
  private scheduled = false;
  private readonly opts: QueueNodeOptions;
  /** set by an injected fault (broker/faults.ts): pauses or rate-limits handing out */
  throttle?: { allow(): boolean; taken(): void };

  constructor(address: string, opts: QueueNodeOptions) {
    this.queue = new Queue(address, opts);
    this.opts = opts;
  }

  /**
   * A handed-out message comes back (released, modified, or its link went away). One that failed
   * max-delivery-count times goes to the dead-letter queue instead: no message is redelivered forever.
   */
  giveBack(m: QueuedMessage): void {
    const max = this.opts.maxDeliveryCount;
    if (m.deliveryCount >= max) {
      this.opts.deadLetter(this, m, 'amqp-flow:max-delivery-count', `failed ${m.deliveryCount} deliveries (the broker's max-delivery-count is ${max})`);
    } else {
      this.queue.putBack(m);
    }
  }

  get address(): string {
    return this.queue.address;
  }

  /**
   * Pump after rhea has dispatched what the same input carried: it reports outcomes one step
   * later than flows, and a released message must be back in the queue before new credit is used.
   */
  schedulePump(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    process.nextTick(() => {
      this.scheduled = false;
      this.pump();
    });
  }

  /** Hand out as many messages as consumers' credit allows, then answer drains and refill producers. */
  pump(): void {
    if (this.pumping) {
      this.again = true; // an outcome arrived while handing out: go round once more
      return;
    }
    this.pumping = true;
    try {
      do {
        this.again = false;
        this.handOut();
      } while (this.again);
      for (const c of this.consumers) if (c.draining) c.finishDrain();
      this.grantCredit();
    } finally {
      this.pumping = false;
    }
  }

  private handOut(): void {
    const n = this.consumers.length;
    let idle = 0; // consumers tried in a row without handing anything out
    while (this.queue.depth > 0 && n > 0 && idle < n && (this.throttle?.allow() ?? true)) {
      const c = this.consumers[this.next % n]!;
      this.next = (this.next + 1) % n;
      const m = c.ready ? this.queue.take((m) => !m.avoid?.has(c.id)) : undefined;
      if (m) {
        this.handTo(c, m);
        this.throttle?.taken();
        idle = 0;
      } else {
        idle++;
      }
    }
  }

  /** Deliver, unless the message is bigger than the consumer's max-message-size (§2.7.3). */
  private handTo(c: Consumer, m: QueuedMessage): void {
    const payload = c.payloadFor(m);
    const limit = c.maxMessageSize;
    if (!limit || payload.length <= limit) return c.deliver(m, payload);
    (m.avoid ??= new Set()).add(c.id); // never offered to this link again
    if (this.consumers.some((o) => !m.avoid!.has(o.id) && (!o.maxMessageSize || o.maxMessageSize >= payload.length))) {
      this.queue.putBack(m);
    } else {
      this.opts.deadLetter(this, m, 'amqp:link:message-size-exceeded', `message of ${payload.length} bytes is larger than the max-message-size ${limit} of every receiver on ${this.address}`);
    }
  }

  /** Give producers credit for the room left, never promising more than the queue can hold. */
  grantCredit(): void {
    // runs after every pump, so it allocates nothing: two passes over the producers
    let room = this.queue.room;
    for (const p of this.producers) if (isOpen(p)) room -= Math.max(0, creditOf(p.link));
    for (const p of this.producers) {
      if (room <= 0) break;
      if (!isOpen(p)) continue;
      const credit = creditOf(p.link);
      const want = PRODUCER_WINDOW - credit;
      if (want <= 0 || (credit > PRODUCER_WINDOW / 2 && want < room)) continue;
      const give = Math.min(want, room);
      p.link.add_credit(give);
      room -= give;
    }
  }

  addConsumer(c: Consumer): void {
    this.consumers.push(c);
    this.pump();
  }

  removeConsumer(c: Consumer): void {
    const i = this.consumers.indexOf(c);
    if (i >= 0) this.consumers.splice(i, 1);
    for (const m of c.close()) this.giveBack(m);
    this.pump();
  }

  addProducer(p: Producer): void {
    this.producers.push(p);
    this.grantCredit();
  }

  removeProducer(p: Producer): void {
    const i = this.producers.indexOf(p);
    if (i >= 0) this.producers.splice(i, 1);
    this.grantCredit();
  }
}
