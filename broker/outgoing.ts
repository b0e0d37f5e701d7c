// A consumer: the broker's sending end of a link whose peer is a receiver. Hands out queued
// messages strictly within the receiver's credit, answers drain, and turns outcomes into queue
// operations (accepted removes, released puts back, modified counts the failure, rejected dead-letters).
import { createRequire } from 'node:module';
import type { Delivery, Sender } from 'rhea';
import type { QueuedMessage } from './queue.ts';
import { withDeliveryCount } from './message.ts';
import { creditOf } from './incoming.ts';

interface SessionInternals {
  outgoing: { next_pending_delivery: number; next_transfer_id: number; window: number };
  incoming: { next_transfer_id: number; window: number };
  output(frame: unknown): void;
}
interface SenderInternals { _draining?: boolean; delivery_count: number; local: { handle: number } }
const frames = createRequire(import.meta.url)('rhea/lib/frames.js') as { flow(fields: object): unknown };
interface OutcomeState {
  constructor: { composite_type?: string };
  delivery_failed?: boolean;
  undeliverable_here?: boolean;
  error?: { condition?: string; description?: string };
  /** the encoded fields; for modified, [2] is message-annotations as an encoded map */
  value?: ({ value?: unknown } | undefined)[];
}

export type ConsumerOutcome =
  | { kind: 'accepted' }
  | { kind: 'released'; deliveryFailed: boolean; undeliverableHere: boolean; annotations?: unknown[] }
  | { kind: 'rejected'; condition?: string; description?: string };

export interface ConsumerHost {
  /** a delivery of this consumer reached its outcome */
  outcome(c: Consumer, m: QueuedMessage, outcome: ConsumerOutcome): void;
}

let nextConsumerId = 1;

const consumers = new WeakMap<Sender, Consumer>();

export class Consumer {
  readonly id = nextConsumerId++;
  readonly link: Sender;
  readonly presettled: boolean;
  closed = false;
  private readonly host: ConsumerHost;
  private readonly unsettled = new Map<Delivery, QueuedMessage>();
  /** ids of deliveries handed to rhea whose transfer frame is not written yet (rhea takes credit
   * only then), ascending from `unwrittenHead`: read on every hand-out, so no shift() */
  private unwritten: number[] = [];
  private unwrittenHead = 0;
  /** the current drain request has been answered */
  private drainAnswered = false;

  constructor(link: Sender, host: ConsumerHost) {
    this.link = link;
    this.host = host;
    this.presettled = link.snd_settle_mode === 1;
    consumers.set(link, this);
  }

  static of(link: Sender): Consumer | undefined {
    return consumers.get(link);
  }

  /** Credit not yet spoken for: never hand out more than this. */
  get credit(): number {
    if (this.closed || !this.link.is_open()) return 0;
    const next = (this.link.session as unknown as SessionInternals).outgoing.next_pending_delivery;
    const ids = this.unwritten;
    let head = this.unwrittenHead;
    while (head < ids.length && ids[head]! < next) head++;
    if (head === ids.length) {
      ids.length = 0;
      head = 0;
    } else if (head > 1024) {
      ids.splice(0, head);
      head = 0;
    }
    this.unwrittenHead = head;
    return Math.max(0, creditOf(this.link) - (ids.length - head));
  }

  /** Can take one more message now (credit, and room in the session's outgoing buffer). */
  get ready(): boolean {
    return this.credit > 0 && this.link.sendable();
  }

  get draining(): boolean {
    return Boolean((this.link as unknown as SenderInternals)._draining);
  }

  /** the receiver's max-message-size (§2.7.3), 0 when it set none */
  get maxMessageSize(): number {
    const size = (this.link as unknown as { max_message_size?: unknown }).max_message_size;
    return typeof size === 'number' && size > 0 ? size : 0;
  }

  /** The bytes this consumer would get: the header is rewritten once a message was tried before. */
  payloadFor(m: QueuedMessage): Buffer {
    return m.deliveryCount > 0 || m.acquired ? withDeliveryCount(m.payload, m.deliveryCount) : m.payload;
  }

  deliver(m: QueuedMessage, payload = this.payloadFor(m)): void {
    m.acquired = true;
    const d = this.link.send(payload, undefined, 0);
    this.unwritten.push(d.id);
    if (this.presettled) this.host.outcome(this, m, { kind: 'accepted' });
    else this.unsettled.set(d, m);
  }

  /** A flow arrived from the receiver: a drain in it is a new request. */
  onFlow(): void {
    this.drainAnswered = false;
  }

  /**
   * Answer a drain once nothing more can go. With credit left, rhea gives it back; with none left
   * (all used, or none granted) rhea would stay silent, so the answering flow is written here.
   */
  finishDrain(): void {
    if (!this.draining || this.closed || this.drainAnswered) return;
    const credit = this.credit; // also forgets deliveries already written
    if (this.unwritten.length > this.unwrittenHead) {
      setImmediate(() => this.finishDrain());
      return;
    }
    this.drainAnswered = true;
    if (credit > 0) {
      this.link.set_drained(true);
      // rhea writes that flow only when it next processes; outside its own events nothing asks it to
      (this.link.connection as unknown as { _register(): void })._register();
      return;
    }
    const session = this.link.session as unknown as SessionInternals;
    const link = this.link as unknown as SenderInternals;
    session.output(frames.flow({
      next_incoming_id: session.incoming.next_transfer_id >>> 0, incoming_window: session.incoming.window,
      next_outgoing_id: session.outgoing.next_transfer_id >>> 0, outgoing_window: session.outgoing.window,
      handle: link.local.handle, delivery_count: link.delivery_count, link_credit: 0, drain: true,
    }));
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
      case 'modified': {
        const annotations = state?.value?.[2]?.value;
        return this.host.outcome(this, m, {
          kind: 'released',
          deliveryFailed: Boolean(state?.delivery_failed),
          undeliverableHere: Boolean(state?.undeliverable_here),
          ...(Array.isArray(annotations) && annotations.length ? { annotations } : {}),
        });
      }
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
    this.unwrittenHead = 0;
    return back;
  }
}
