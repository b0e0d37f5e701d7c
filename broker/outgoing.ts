// A consumer: the broker's sending end of a link whose peer is a receiver. Hands out queued
// messages strictly within the receiver's credit, answers drain, and turns outcomes into queue
// operations (accepted removes, released puts back, modified counts the failure, rejected dead-letters).
import type { Delivery, Sender } from 'rhea';
import type { QueuedMessage } from './queue.ts';
import { withDeliveryCount } from './message.ts';
import { creditOf } from './incoming.ts';

interface SessionInternals { outgoing: { next_pending_delivery: number } }
interface SenderInternals { _draining?: boolean }
interface OutcomeState { constructor: { composite_type?: string }; delivery_failed?: boolean; undeliverable_here?: boolean; error?: { condition?: string; description?: string } }

export type ConsumerOutcome =
  | { kind: 'accepted' }
  | { kind: 'released'; deliveryFailed: boolean; undeliverableHere: boolean }
  | { kind: 'rejected'; condition?: string; description?: string };

export interface ConsumerHost {
  /** a delivery of this consumer reached its outcome */
  outcome(c: Consumer, m: QueuedMessage, outcome: ConsumerOutcome): void;
}

let nextConsumerId = 1;

export class Consumer {
  readonly id = nextConsumerId++;
  readonly link: Sender;
  readonly presettled: boolean;
  closed = false;
  private readonly host: ConsumerHost;
  private readonly unsettled = new Map<Delivery, QueuedMessage>();
  /** deliveries handed to rhea whose transfer frame is not written yet (rhea takes credit only then) */
  private unwritten: number[] = [];

  constructor(link: Sender, host: ConsumerHost) {
    this.link = link;
    this.host = host;
    this.presettled = link.snd_settle_mode === 1;
  }

  /** Credit not yet spoken for: never hand out more than this. */
  get credit(): number {
    if (this.closed || !this.link.is_open()) return 0;
    const next = (this.link.session as unknown as SessionInternals).outgoing.next_pending_delivery;
    while (this.unwritten.length && this.unwritten[0]! < next) this.unwritten.shift();
    return Math.max(0, creditOf(this.link) - this.unwritten.length);
  }

  /** Can take one more message now (credit, and room in the session's outgoing buffer). */
  get ready(): boolean {
    return this.credit > 0 && this.link.sendable();
  }

  get draining(): boolean {
    return Boolean((this.link as unknown as SenderInternals)._draining);
  }

  deliver(m: QueuedMessage): void {
    const payload = m.deliveryCount > 0 ? withDeliveryCount(m.payload, m.deliveryCount) : m.payload;
    const d = this.link.send(payload, undefined, 0);
    this.unwritten.push(d.id);
    if (this.presettled) this.host.outcome(this, m, { kind: 'accepted' });
    else this.unsettled.set(d, m);
  }

  /** Answer a drain once nothing more can go: rhea then gives back the unused credit. */
  finishDrain(): void {
    if (!this.draining || this.closed) return;
    if (this.credit > 0 && this.unwritten.length === 0) this.link.set_drained(true);
    else if (this.unwritten.length) setImmediate(() => this.finishDrain());
  }

  /** The receiver said something about a delivery: act once, when there is an outcome or settlement. */
  onDisposition(d: Delivery): void {
    const m = this.unsettled.get(d);
    if (!m) return;
    const state = d.remote_state as unknown as OutcomeState | undefined;
    const type = state?.constructor?.composite_type;
    if (!type && !d.remote_settled) return;
    this.unsettled.delete(d);
    if (!d.remote_settled) d.update(true); // second-mode receivers wait for our settlement
    switch (type) {
      case 'accepted':
        return this.host.outcome(this, m, { kind: 'accepted' });
      case 'rejected':
        return this.host.outcome(this, m, { kind: 'rejected', condition: state?.error?.condition, description: state?.error?.description });
      case 'modified':
        return this.host.outcome(this, m, { kind: 'released', deliveryFailed: Boolean(state?.delivery_failed), undeliverableHere: Boolean(state?.undeliverable_here) });
      default: // released, or settled with no outcome: nothing is lost
        return this.host.outcome(this, m, { kind: 'released', deliveryFailed: false, undeliverableHere: false });
    }
  }

  /** The link or its connection went away: every unsettled message goes back, counted as a failed attempt if it was sent. */
  close(): QueuedMessage[] {
    this.closed = true;
    const back: QueuedMessage[] = [];
    const next = (this.link.session as unknown as SessionInternals).outgoing.next_pending_delivery;
    for (const [d, m] of this.unsettled) {
      if (d.id < next) m.deliveryCount++;
      back.push(m);
    }
    this.unsettled.clear();
    this.unwritten = [];
    return back;
  }
}
