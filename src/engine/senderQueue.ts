// The engine's own per-sender queue: attempts wait here for link credit, so rhea's session-wide send
// buffer is never used as a queue (send() is called only while the link is sendable).
import type { Delivery, Message, Sender } from 'rhea';
import type { ErrorDetail, Outcome } from './events.ts';
import { linkCounters, type CreditState } from './credit.ts';
import { explainError } from './doctor.ts';

export interface Attempt {
  transfer: string;
  attempt: number;
  build(): Message;
}

export interface SettleExtra {
  errorDetail?: ErrorDetail;
  note?: string;
}

export interface SenderQueueEvents {
  sent(a: Attempt, deliveryId: number): void;
  settled(a: Attempt, outcome: Outcome, extra?: SettleExtra): void;
  /** credit, delivery count or queue length may have changed */
  changed(): void;
}

export const PRESETTLED_NOTE = "pre-settled: the broker's outcome is not known";

interface OutgoingView {
  next_pending_delivery: number;
}

export class SenderQueue {
  private readonly waiting: Attempt[] = [];
  /** handed to rhea but not yet written out (rhea takes the credit only when it writes) */
  private handed: Delivery[] = [];
  private readonly unsettled = new Map<Delivery, Attempt>();
  private link: Sender | null = null;
  private readonly presettled: boolean;
  private readonly events: SenderQueueEvents;

  constructor(presettled: boolean, events: SenderQueueEvents) {
    this.presettled = presettled;
    this.events = events;
  }

  get queued(): number {
    return this.waiting.length;
  }

  get inFlight(): number {
    return this.unsettled.size;
  }

  /** The link is open; call pump() to send what waits. */
  attach(link: Sender): void {
    this.link = link;
  }

  owns(delivery: Delivery): boolean {
    return this.unsettled.has(delivery);
  }

  enqueue(a: Attempt): void {
    this.waiting.push(a);
    this.events.changed();
    this.pump();
  }

  /** Sends as many waiting attempts as the link's credit allows. */
  pump(): void {
    const link = this.link;
    if (!link) return;
    let sent = false;
    while (this.waiting.length && link.is_open() && link.sendable() && this.availableCredit() > 0) {
      const a = this.waiting.shift()!;
      const delivery = link.send(a.build());
      sent = true;
      this.handed.push(delivery);
      this.events.sent(a, delivery.id);
      if (this.presettled) this.events.settled(a, 'accepted', { note: PRESETTLED_NOTE });
      else this.unsettled.set(delivery, a);
    }
    if (sent) this.events.changed();
  }

  /** An outcome or settlement arrived for one of this link's deliveries. */
  onDelivery(delivery: Delivery): void {
    const a = this.unsettled.get(delivery);
    if (!a) return;
    const state = delivery.remote_state as { constructor?: { composite_type?: string }; error?: unknown; delivery_failed?: boolean; undeliverable_here?: boolean } | undefined;
    const kind = state?.constructor?.composite_type;
    if (kind === 'received') return; // not an outcome yet
    this.unsettled.delete(delivery);
    if (!delivery.settled) delivery.update(true); // rcv-settle-mode second: settle our side once the outcome is known
    switch (kind) {
      case 'accepted':
        this.events.settled(a, 'accepted');
        break;
      case 'rejected':
        this.events.settled(a, 'rejected', { errorDetail: explainError(state?.error ?? { condition: 'amqp:internal-error', description: 'rejected without an error' }) });
        break;
      case 'released':
        this.events.settled(a, 'released');
        break;
      case 'modified': {
        const flags = [state?.delivery_failed ? 'delivery-failed' : '', state?.undeliverable_here ? 'undeliverable-here' : ''].filter(Boolean);
        this.events.settled(a, 'modified', flags.length ? { note: flags.join(', ') } : undefined);
        break;
      }
      default:
        this.events.settled(a, 'released', { note: 'settled by the broker without an outcome' });
    }
  }

  /** The link is gone: waiting attempts end as `unsent`, sent ones as `lost`. */
  close(unsentNote: string, lostNote: string): void {
    this.link = null;
    const waiting = this.waiting.splice(0);
    const unsettled = [...this.unsettled.values()];
    this.unsettled.clear();
    this.handed = [];
    for (const a of unsettled) this.events.settled(a, 'lost', { note: lostNote });
    for (const a of waiting) this.events.settled(a, 'unsent', { note: unsentNote });
    if (waiting.length || unsettled.length) this.events.changed();
  }

  /** One transfer node went away: its waiting attempts end as `unsent`. */
  cancelTransfer(transferId: string, note: string): void {
    const mine = this.waiting.filter((a) => a.transfer === transferId);
    if (!mine.length) return;
    for (const a of mine) this.waiting.splice(this.waiting.indexOf(a), 1);
    for (const a of mine) this.events.settled(a, 'unsent', { note });
    this.events.changed();
  }

  /** The connection dropped (and will be retried): sent attempts end as `lost`, waiting ones stay queued. */
  failInFlight(note: string): void {
    const unsettled = [...this.unsettled.values()];
    this.unsettled.clear();
    this.handed = [];
    this.link = null;
    for (const a of unsettled) this.events.settled(a, 'lost', { note });
    this.events.changed();
  }

  /** Credit as the sender can use it now: rhea's credit minus deliveries it has not yet written. */
  creditState(): CreditState | null {
    const link = this.link;
    if (!link) return null;
    const pending = this.unwritten();
    const c = linkCounters(link);
    return { credit: Math.max(0, c.credit - pending), deliveryCount: c.deliveryCount + pending, queued: this.waiting.length };
  }

  private availableCredit(): number {
    return this.link ? linkCounters(this.link).credit - this.unwritten() : 0;
  }

  private unwritten(): number {
    const link = this.link;
    if (!link || !this.handed.length) return 0;
    const outgoing = (link.session as unknown as { outgoing?: OutgoingView }).outgoing;
    const next = outgoing?.next_pending_delivery ?? Infinity;
    this.handed = this.handed.filter((d) => d.id >= next);
    return this.handed.length;
  }
}
