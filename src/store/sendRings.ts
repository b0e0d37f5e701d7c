// The bookkeeping behind the live figures' latencies, in typed-array rings so that a send, a settle
// and a receive each cost O(1) and allocate nothing (a Map<number, number> allocates a heap number
// per time stored and rehashes as attempts come and go). Ring sizes are powers of two, so a slot is
// `n & mask`, exact for any whole n below 2^53 (ToInt32 keeps n modulo 2^32, a multiple of the size).

/** Sends to one address waiting for their receive, oldest first; a send is named by its position. */
export class SendQueue {
  private at: Float64Array;
  private cancelled: Uint8Array;
  private mask: number;
  /** positions of the oldest send kept and of the next send: they only grow */
  private head = 0;
  private tail = 0;

  constructor(private readonly max: number, initial = 256) {
    this.at = new Float64Array(initial);
    this.cancelled = new Uint8Array(initial);
    this.mask = initial - 1;
  }

  /** Remembers a send; returns its position. Beyond `max` waiting, the oldest is forgotten. */
  push(at: number): number {
    if (this.tail - this.head >= this.max) this.head++;
    else if (this.tail - this.head > this.mask) this.grow();
    const i = this.tail & this.mask;
    this.at[i] = at;
    this.cancelled[i] = 0;
    return this.tail++;
  }

  /** The send at `position` will never be received (rejected, released, …): skipped when reached. */
  cancel(position: number): void {
    if (position >= this.head && position < this.tail) this.cancelled[position & this.mask] = 1;
  }

  /** When the oldest send still on its way was sent, or -1 when none is. */
  shift(): number {
    while (this.head < this.tail) {
      const i = this.head++ & this.mask;
      if (!this.cancelled[i]) return this.at[i]!;
    }
    return -1;
  }

  /** Doubles the ring, keeping the waiting sends at their positions. */
  private grow(): void {
    const size = (this.mask + 1) * 2;
    const at = new Float64Array(size);
    const cancelled = new Uint8Array(size);
    for (let p = this.head; p < this.tail; p++) {
      at[p & (size - 1)] = this.at[p & this.mask]!;
      cancelled[p & (size - 1)] = this.cancelled[p & this.mask]!;
    }
    this.at = at;
    this.cancelled = cancelled;
    this.mask = size - 1;
  }
}

const FREE = -1;

/**
 * One transfer node's attempts on their way, by attempt number (they count up from 1): when each
 * was sent and its position in its address's SendQueue. Attempts settle roughly in order, so a
 * ring indexed by attempt number finds each in one step; it doubles when a newer attempt would
 * land on one still waiting, up to `max` attempts on their way (beyond, the oldest is forgotten).
 */
export class InFlight {
  private attempt: Float64Array;
  private sentAt: Float64Array;
  private position: Float64Array;
  private mask: number;
  /** what `take` found: when the attempt was sent (-1: not known) and its queue position (-1: none) */
  takenAt = -1;
  takenPosition = -1;

  constructor(private readonly max: number, initial = 256) {
    this.attempt = new Float64Array(initial).fill(FREE);
    this.sentAt = new Float64Array(initial);
    this.position = new Float64Array(initial);
    this.mask = initial - 1;
  }

  put(attempt: number, at: number, position: number): void {
    let i = attempt & this.mask;
    const there = this.attempt[i]!;
    if (there !== FREE && there !== attempt && this.attempt.length < this.max) {
      this.grow();
      i = attempt & this.mask;
    }
    this.attempt[i] = attempt;
    this.sentAt[i] = at;
    this.position[i] = position;
  }

  /** Forgets the attempt, leaving what was known of it in `takenAt` and `takenPosition`. */
  take(attempt: number): void {
    const i = attempt & this.mask;
    if (this.attempt[i] === attempt) {
      this.attempt[i] = FREE;
      this.takenAt = this.sentAt[i]!;
      this.takenPosition = this.position[i]!;
    } else {
      this.takenAt = -1;
      this.takenPosition = -1;
    }
  }

  /** Doubles the ring (more than once if two waiting attempts would still share a slot). */
  private grow(): void {
    let size = this.attempt.length * 2;
    for (;;) {
      const attempt = new Float64Array(size).fill(FREE);
      const sentAt = new Float64Array(size);
      const position = new Float64Array(size);
      let clash = false;
      for (let j = 0; j < this.attempt.length && !clash; j++) {
        const a = this.attempt[j]!;
        if (a === FREE) continue;
        const k = a & (size - 1);
        if (attempt[k] !== FREE) clash = true;
        attempt[k] = a;
        sentAt[k] = this.sentAt[j]!;
        position[k] = this.position[j]!;
      }
      if (!clash || size >= this.max) {
        this.attempt = attempt;
        this.sentAt = sentAt;
        this.position = position;
        this.mask = size - 1;
        return;
      }
      size *= 2;
    }
  }
}
