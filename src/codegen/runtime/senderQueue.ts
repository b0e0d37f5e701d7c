// ---- the sender's own queue: attempts wait here for link credit (rhea's send() never checks credit) ----
import type { Delivery, Message, Sender } from './header.ts';
import { print, errorDetail } from './commandLine.ts';
import { creditLinks, creditChanged, counters } from './creditReports.ts';
import { settle } from './transfers.ts';
export interface Attempt { transfer: string; attempt: number; build: () => Message }
export class SenderQueue {
  private waiting: Attempt[] = [];
  private handed: Delivery[] = [];
  private unsettled = new Map<Delivery, Attempt>();
  private link: Sender | null = null;
  readonly node: string;
  readonly presettled: boolean;
  constructor(node: string, presettled: boolean) {
    this.node = node;
    this.presettled = presettled;
    creditLinks.set(node, () => this.creditState());
  }
  attach(link: Sender): void {
    this.link = link;
    this.pump();
  }
  enqueue(a: Attempt): void {
    this.waiting.push(a);
    creditChanged();
    this.pump();
  }
  /** Sends what waits, as far as the link's credit goes. */
  pump(): void {
    const link = this.link;
    while (link && this.waiting.length && link.is_open() && link.sendable() && this.available() > 0) {
      const a = this.waiting.shift()!;
      const delivery = link.send(a.build());
      this.handed.push(delivery);
      print(a.transfer, 'TRANSFER_SENT', { attempt: a.attempt, deliveryId: delivery.id });
      if (this.presettled) settle(a, 'presettled', { note: 'sent pre-settled: the broker gives no outcome, so whether it was stored is not known' });
      else this.unsettled.set(delivery, a);
    }
    creditChanged();
  }
  /** The broker's outcome for one delivery. */
  outcome(delivery: Delivery): void {
    const a = this.unsettled.get(delivery);
    const state = delivery.remote_state as { constructor?: { composite_type?: string }; error?: unknown; delivery_failed?: boolean; undeliverable_here?: boolean } | undefined;
    const kind = state?.constructor?.composite_type;
    if (!a || kind === 'received') return;
    this.unsettled.delete(delivery);
    if (!delivery.settled) delivery.update(true);
    if (kind === 'accepted' || kind === 'released') settle(a, kind);
    else if (kind === 'rejected') settle(a, 'rejected', { errorDetail: errorDetail(state?.error, 'rejected') });
    else if (kind === 'modified') {
      const flags = [state?.delivery_failed ? 'delivery-failed' : '', state?.undeliverable_here ? 'undeliverable-here' : ''].filter(Boolean);
      settle(a, 'modified', flags.length ? { note: flags.join(', ') } : {});
    } else settle(a, 'released', { note: 'settled by the broker without an outcome' });
  }
  /** The link is gone: waiting attempts end as unsent, sent ones as lost. */
  close(): void {
    this.link = null;
    for (const a of this.unsettled.values()) settle(a, 'lost', { note: 'the sender closed before the broker settled it' });
    for (const a of this.waiting) settle(a, 'unsent', { note: 'the sender closed before credit arrived' });
    this.unsettled.clear();
    this.waiting = [];
    this.handed = [];
  }
  creditState(): { credit: number; deliveryCount: number; queued: number } | null {
    if (!this.link) return null;
    const pending = this.unwritten();
    const c = counters(this.link);
    return { credit: Math.max(0, c.credit - pending), deliveryCount: c.deliveryCount + pending, queued: this.waiting.length };
  }
  /** rhea takes the credit only when it writes the transfer frame, so count what it has not written yet. */
  private available(): number {
    return this.link ? counters(this.link).credit - this.unwritten() : 0;
  }
  private unwritten(): number {
    const link = this.link;
    if (!link || !this.handed.length) return 0;
    const next = (link.session as unknown as { outgoing?: { next_pending_delivery: number } }).outgoing?.next_pending_delivery ?? Infinity;
    this.handed = this.handed.filter((d) => d.id >= next);
    return this.handed.length;
  }
}
export const queues = new Map<string, SenderQueue>();
