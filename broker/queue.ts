// One queue of the embedded broker: FIFO storage of raw messages, kept in arrival order even when
// deliveries come back (released, modified, lost), plus the counters the management API shows.

export interface QueuedMessage {
  /** arrival order; a message put back goes to where its number says, so order survives redelivery */
  seq: number;
  /** the encoded message sections exactly as the producer sent them */
  payload: Buffer;
  /** header delivery-count: unsuccessful previous delivery attempts */
  deliveryCount: number;
  /** ids of consumer links that said undeliverable-here: it never goes to them again */
  avoid?: Set<number>;
  /** handed to a consumer before (so first-acquirer is false from now on) */
  acquired?: boolean;
}

export interface QueueStats {
  enqueued: number;
  dequeued: number;
  deadLettered: number;
}

export class Queue {
  readonly address: string;
  readonly dynamic: boolean;
  readonly maxDepth: number;
  readonly stats: QueueStats = { enqueued: 0, dequeued: 0, deadLettered: 0 };
  private items: QueuedMessage[] = [];
  private head = 0;
  private nextSeq = 0;

  constructor(address: string, opts: { maxDepth: number; dynamic?: boolean }) {
    this.address = address;
    this.maxDepth = opts.maxDepth;
    this.dynamic = opts.dynamic ?? false;
  }

  /** messages stored and not yet handed out */
  get depth(): number {
    return this.items.length - this.head;
  }

  /** free places before the queue is full */
  get room(): number {
    return Math.max(0, this.maxDepth - this.depth);
  }

  /** Store a new message at the tail. */
  push(payload: Buffer, deliveryCount = 0): QueuedMessage {
    const m: QueuedMessage = { seq: this.nextSeq++, payload, deliveryCount };
    this.items.push(m);
    this.stats.enqueued++;
    return m;
  }

  /** The first message `accept` agrees to, removed from the queue; undefined when there is none. */
  take(accept: (m: QueuedMessage) => boolean = () => true): QueuedMessage | undefined {
    for (let i = this.head; i < this.items.length; i++) {
      const m = this.items[i]!;
      if (!accept(m)) continue;
      if (i === this.head) {
        this.items[this.head++] = undefined as unknown as QueuedMessage; // let it be collected
        this.compact();
      } else {
        this.items.splice(i, 1);
      }
      return m;
    }
    return undefined;
  }

  /** Put a handed-out message back where it was in arrival order (at the head, usually). */
  putBack(m: QueuedMessage): void {
    let lo = this.head;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]!.seq < m.seq) lo = mid + 1;
      else hi = mid;
    }
    if (lo === this.head && this.head > 0) this.items[--this.head] = m;
    else this.items.splice(lo, 0, m);
  }

  /** A handed-out message was settled for good (accepted, rejected, or sent pre-settled). */
  settled(): void {
    this.stats.dequeued++;
  }

  peekAll(): readonly QueuedMessage[] {
    return this.items.slice(this.head);
  }

  private compact(): void {
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
  }
}
