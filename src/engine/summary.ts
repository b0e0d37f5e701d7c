// Counts a run's outcome from its events: the CLI's last line and Run.summary().
import { isErrorEvent, OUTCOMES, type EngineEvent } from './events.ts';
import type { RunSummary } from './run.ts';

export function emptySummary(): RunSummary {
  return { transfers: 0, accepted: 0, rejected: 0, released: 0, modified: 0, presettled: 0, lost: 0, unsent: 0, received: 0, errors: 0 };
}

export class SummaryCounter {
  private readonly s = emptySummary();
  /** per transfer node, one bit per attempt number seen: bounded by the counts, not by the events */
  private readonly attempts = new Map<string, AttemptBits>();
  private distinct = 0;
  /** connections in an outage they are reconnecting from */
  private readonly outages = new Set<string>();

  add(e: EngineEvent): void {
    switch (e.event) {
      case 'TRANSFER_QUEUED':
        this.see(e.node, e.attempt);
        break;
      case 'TRANSFER_SETTLED':
        this.see(e.node, e.attempt);
        this.s[e.outcome] += 1;
        break;
      case 'MESSAGE_RECEIVED':
        this.s.received += 1;
        break;
      case 'CONNECTION_OPEN':
        // an outage it recovered from is not an error of the run
        if (e.recovered && this.outages.delete(e.node)) this.s.errors -= 1;
        break;
      case 'CONNECTION_ERROR':
        if (e.reconnecting) this.outages.add(e.node);
        else this.outages.delete(e.node);
        this.s.errors += 1;
        break;
      default:
        if (isErrorEvent(e.event)) this.s.errors += 1;
        break;
    }
    this.s.transfers = this.distinct;
  }

  private see(node: string, attempt: number): void {
    let bits = this.attempts.get(node);
    if (!bits) this.attempts.set(node, (bits = new AttemptBits()));
    if (bits.add(attempt)) this.distinct++;
  }

  /** Attempts that have ended in a TRANSFER_SETTLED. */
  get settledAttempts(): number {
    let n = 0;
    for (const o of OUTCOMES) n += this.s[o];
    return n;
  }

  value(): RunSummary {
    return { ...this.s };
  }
}

/** A growable set of small positive integers, one bit each. */
class AttemptBits {
  private bytes = new Uint8Array(128);

  /** true when `n` was not in the set yet */
  add(n: number): boolean {
    const i = n >>> 3;
    if (i >= this.bytes.length) {
      const grown = new Uint8Array(Math.max(i + 1, this.bytes.length * 2));
      grown.set(this.bytes);
      this.bytes = grown;
    }
    const mask = 1 << (n & 7);
    const byte = this.bytes[i] ?? 0;
    if (byte & mask) return false;
    this.bytes[i] = byte | mask;
    return true;
  }
}
