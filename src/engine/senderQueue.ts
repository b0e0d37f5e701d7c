// The engine's own per-sender queue: attempts wait here for link credit, so rhea's session-wide send
// buffer is never used as a queue (send() is called only while the link is sendable).
import type { Delivery, Message, Sender } from 'rhea';
import type { ErrorDetail, Outcome } from './events.ts';
import type { CreditState } from './credit.ts';
import { settlementOf } from './deliveryOutcome.ts';
import { linkCounters, nextUnwrittenDelivery, remoteOutcome } from './rheaInternals.ts';

export interface Attempt {
  transfer: string;
  attempt: number;
  build(): Message;
}

/**
 * Attempts of one transfer that are created a window ahead of sending (a transfer with no interval):
 * a count and a few objects, not a million. `next()` hands over the oldest created attempt (creating more
 * behind it), `created()` takes back the ones created but not handed over.
 */
export interface AttemptSource {
  transfer: string;
  remaining(): number;
  next(): Attempt | null;
  created(): Attempt[];
}

type Entry = Attempt | AttemptSource;

const isSource = (e: Entry): e is AttemptSource => 'next' in e;

/** A FIFO with a head index: O(1) shift, compacted now and then. */
export class Fifo<T> {
  private items: T[] = [];
  private head = 0;

  get length(): number {
    return this.items.length - this.head;
  }

  push(x: T): void {
    this.items.push(x);
  }

  peek(): T | undefined {
    return this.items[this.head];
  }

  shift(): T | undefined {
    if (this.head >= this.items.length) return undefined;
    const x = this.items[this.head];
    this.items[this.head++] = undefined as T;
    if (this.head >= 1024 && this.head * 2 >= this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return x;
  }

  /** Removes and returns everything, in order. */
  drain(): T[] {
    const all = this.items.slice(this.head);
    this.items = [];
    this.head = 0;
    return all;
  }

  /** Removes the items for which `drop` is true and returns them, in order. */
  remove(drop: (x: T) => boolean): T[] {
    const kept: T[] = [];
    const dropped: T[] = [];
    for (const x of this.drain()) (drop(x) ? dropped : kept).push(x);
    this.items = kept;
    return dropped;
  }
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

export const PRESETTLED_NOTE = "sent pre-settled: the broker gives no outcome, so whether it was stored is not known";

export class SenderQueue {
  private readonly waiting = new Fifo<Entry>();
  /** created attempts in `waiting` (sources count through remaining()) */
  private waitingAttempts = 0;
  private readonly sources = new Set<AttemptSource>();
  /** ids of deliveries handed to rhea but not yet written out (rhea takes the credit only when it writes) */
  private readonly handed = new Fifo<number>();
  private readonly unsettled = new Map<Delivery, Attempt>();
  private link: Sender | null = null;
  private readonly presettled: boolean;
  private readonly events: SenderQueueEvents;

  constructor(presettled: boolean, events: SenderQueueEvents) {
    this.presettled = presettled;
    this.events = events;
  }

  get queued(): number {
    let n = this.waitingAttempts;
    for (const src of this.sources) n += src.remaining();
    return n;
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
    this.waitingAttempts++;
    this.events.changed();
    this.pump();
  }

  /** Queues attempts that are created one by one as credit allows, in order with what is already waiting. */
  enqueueSource(src: AttemptSource): void {
    if (src.remaining() <= 0) return;
    this.waiting.push(src);
    this.sources.add(src);
    this.events.changed();
    this.pump();
  }

  /** The next waiting attempt, created now if it comes from a source. */
  private take(): Attempt | null {
    for (;;) {
      const head = this.waiting.peek();
      if (!head) return null;
      if (!isSource(head)) {
        this.waiting.shift();
        this.waitingAttempts--;
        return head;
      }
      const a = head.remaining() > 0 ? head.next() : null;
      if (head.remaining() <= 0 || !a) {
        this.waiting.shift();
        this.sources.delete(head);
      }
      if (a) return a;
    }
  }

  /** Sends as many waiting attempts as the link's credit allows. */
  pump(): void {
    const link = this.link;
    if (!link) return;
    let sent = false;
    while (this.waiting.length && link.is_open() && link.sendable() && this.availableCredit() > 0) {
      const a = this.take();
      if (!a) break;
      const delivery = link.send(a.build());
      sent = true;
      this.handed.push(delivery.id);
      this.events.sent(a, delivery.id);
      if (this.presettled) this.events.settled(a, 'presettled', { note: PRESETTLED_NOTE });
      else this.unsettled.set(delivery, a);
    }
    if (sent) this.events.changed();
  }

  /** An outcome or settlement arrived for one of this link's deliveries. */
  onDelivery(delivery: Delivery): void {
    const a = this.unsettled.get(delivery);
    if (!a) return;
    const settlement = settlementOf(remoteOutcome(delivery));
    if (!settlement) return; // not an outcome yet
    this.unsettled.delete(delivery);
    if (!delivery.settled) delivery.update(true); // rcv-settle-mode second: settle our side once the outcome is known
    const { outcome, ...extra } = settlement;
    this.events.settled(a, outcome, extra.note || extra.errorDetail ? extra : undefined);
  }

  /** The link is gone: waiting attempts end as `unsent`, sent ones as `lost`. */
  close(unsentNote: string, lostNote: string): void {
    this.link = null;
    // Attempts a source has not created yet are the transfer's to report (TransferRunner.cancel).
    const entries = this.waiting.drain();
    const waiting = entries.flatMap((e) => (isSource(e) ? e.created() : [e]));
    this.waitingAttempts = 0;
    this.sources.clear();
    const unsettled = [...this.unsettled.values()];
    this.unsettled.clear();
    this.handed.drain();
    for (const a of unsettled) this.events.settled(a, 'lost', { note: lostNote });
    for (const a of waiting) this.events.settled(a, 'unsent', { note: unsentNote });
    if (entries.length || unsettled.length) this.events.changed();
  }

  /** One transfer node went away: its waiting attempts end as `unsent`. */
  cancelTransfer(transferId: string, note: string): void {
    const removed = this.waiting.remove((e) => e.transfer === transferId);
    if (!removed.length) return;
    this.waitingAttempts -= removed.filter((e) => !isSource(e)).length;
    for (const e of removed) if (isSource(e)) this.sources.delete(e);
    const mine = removed.flatMap((e) => (isSource(e) ? e.created() : [e]));
    for (const a of mine) this.events.settled(a, 'unsent', { note });
    this.events.changed();
  }

  /** The connection dropped (and will be retried): sent attempts end as `lost`, waiting ones stay queued. */
  failInFlight(note: string): void {
    const unsettled = [...this.unsettled.values()];
    this.unsettled.clear();
    this.handed.drain();
    this.link = null;
    for (const a of unsettled) this.events.settled(a, 'lost', { note });
    this.events.changed();
  }

  /**
   * The connection dropped and in-flight attempts are to be sent again once it is back (at least once:
   * the broker may have stored them already): they go back to the head of the queue, in the order sent.
   */
  requeueInFlight(): number {
    const unsettled = [...this.unsettled.values()];
    this.unsettled.clear();
    this.handed.drain();
    this.link = null;
    const rest = this.waiting.drain();
    for (const a of unsettled) this.waiting.push(a);
    for (const e of rest) this.waiting.push(e);
    this.waitingAttempts += unsettled.length;
    this.events.changed();
    return unsettled.length;
  }

  /** Credit as the sender can use it now: rhea's credit minus deliveries it has not yet written. */
  creditState(): CreditState | null {
    const link = this.link;
    if (!link) return null;
    const pending = this.unwritten();
    const c = linkCounters(link);
    return { credit: Math.max(0, c.credit - pending), deliveryCount: c.deliveryCount + pending, queued: this.queued };
  }

  private availableCredit(): number {
    return this.link ? linkCounters(this.link).credit - this.unwritten() : 0;
  }

  private unwritten(): number {
    const link = this.link;
    if (!link || !this.handed.length) return 0;
    const next = nextUnwrittenDelivery(link);
    // ids are handed out in order, so the written ones are at the head
    while (this.handed.length && this.handed.peek()! < next) this.handed.shift();
    return this.handed.length;
  }
}
