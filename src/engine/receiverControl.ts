// A receiver node at run time: credit by hand (manual mode), drain, and settling deliveries one per tick,
// because rhea 3.0.5 merges dispositions settled in the same tick without comparing their outcomes.
import type { Delivery, Receiver } from 'rhea';
import type { SettleOptions } from './run.ts';
import { rejectError, type RejectOptions } from './rejectError.ts';
import type { ReceiverOutcome } from './events.ts';
import type { CreditState } from './credit.ts';
import { linkCounters } from './rheaInternals.ts';
import { DuplicateWatch } from './duplicateWatch.ts';

export interface ReceiverControlEvents {
  settled(deliveryId: number, outcome: ReceiverOutcome): void;
  changed(): void;
}

interface PendingSettle {
  delivery: Delivery;
  outcome: ReceiverOutcome;
  modified?: SettleOptions;
}

export class ReceiverControl {
  private link: Receiver | null = null;
  private readonly unsettled = new Map<number, Delivery>();
  private readonly settleQueue: PendingSettle[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly events: ReceiverControlEvents;
  readonly autoAccept: boolean;
  /** manual credit mode: the credit granted at attach; undefined with a credit window */
  private readonly initialCredit: number | undefined;
  /** the connection dropped: the next attach is a new link to the broker */
  private returned = false;
  private readonly duplicates = new DuplicateWatch();
  /** the receiver's own reject condition and description (its props), under any picked per Reject */
  private readonly reject: RejectOptions;

  constructor(autoAccept: boolean, events: ReceiverControlEvents, initialCredit?: number, reject: RejectOptions = {}) {
    this.autoAccept = autoAccept;
    this.events = events;
    this.initialCredit = initialCredit;
    this.reject = reject;
  }

  attach(link: Receiver): void {
    this.link = link;
    if (!this.returned) return;
    this.returned = false;
    // attached again after an outage: the broker knows no credit for this link, so a manual-credit receiver
    // grants its initial credit again (a credit window is topped up by rhea itself)
    if (this.initialCredit === undefined) return;
    (link as unknown as { credit: number }).credit = 0;
    if (this.initialCredit > 0) link.add_credit(this.initialCredit);
  }

  /** True when this receiver already had a message with this message-id (at-least-once delivery). */
  seenBefore(messageId: unknown): boolean {
    return this.duplicates.check('', messageId);
  }

  get received(): number {
    return this.unsettled.size;
  }

  /** A message arrived; with autoAccept rhea has already accepted it. */
  onMessage(delivery: Delivery): void {
    if (this.autoAccept) this.events.settled(delivery.id, 'accepted');
    else this.unsettled.set(delivery.id, delivery);
    this.events.changed();
  }

  addCredit(n: number): void {
    if (!this.link || !this.link.is_open()) throw new Error(`receiver is not open; credit can be given once it is`);
    if (!Number.isInteger(n) || n <= 0) throw new Error(`credit must be a positive whole number, not ${String(n)}`);
    this.link.add_credit(n);
    this.events.changed();
  }

  drain(): void {
    if (!this.link || !this.link.is_open()) throw new Error('receiver is not open; it can drain once it is');
    this.link.drain_credit();
    this.events.changed();
  }

  settle(deliveryId: number, outcome: ReceiverOutcome, modified?: SettleOptions): void {
    const delivery = this.unsettled.get(deliveryId);
    if (!delivery) throw new Error(`this receiver has no unsettled delivery ${deliveryId} (already settled, auto-accepted, or never received)`);
    this.unsettled.delete(deliveryId);
    this.settleQueue.push({ delivery, outcome, modified });
    this.timer ??= setTimeout(() => this.flushOne(), 0);
  }

  creditState(): CreditState | null {
    if (!this.link) return null;
    const c = linkCounters(this.link);
    return { credit: c.credit, deliveryCount: c.deliveryCount, queued: 0 };
  }

  /**
   * The connection dropped: deliveries not yet settled (and settlements not yet written) go back to the
   * broker, which delivers them again. Returns their ids, oldest first; the control is closed.
   */
  returnUnsettled(): number[] {
    const ids = [...this.settleQueue.map((p) => p.delivery.id), ...this.unsettled.keys()];
    this.close();
    this.returned = true;
    return ids;
  }

  close(): void {
    this.link = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.settleQueue.length = 0;
    this.unsettled.clear();
  }

  private flushOne(): void {
    this.timer = undefined;
    const next = this.settleQueue.shift();
    if (!next) return;
    const { delivery, outcome, modified } = next;
    switch (outcome) {
      case 'accepted':
        delivery.accept();
        break;
      case 'rejected':
        delivery.reject(rejectError(modified, this.reject));
        break;
      case 'released':
        delivery.release();
        break;
      case 'modified':
        delivery.modified({ delivery_failed: modified?.deliveryFailed ?? true, undeliverable_here: modified?.undeliverableHere ?? false });
        break;
    }
    this.events.settled(delivery.id, outcome);
    if (this.settleQueue.length) this.timer = setTimeout(() => this.flushOne(), 0);
  }
}
