// Counts a run's outcome from its events: the CLI's last line and Run.summary().
import type { EngineEvent } from './events.ts';
import type { RunSummary } from './run.ts';

export function emptySummary(): RunSummary {
  return { transfers: 0, accepted: 0, rejected: 0, released: 0, modified: 0, lost: 0, unsent: 0, received: 0, errors: 0 };
}

export class SummaryCounter {
  private readonly s = emptySummary();
  private readonly attempts = new Set<string>();

  add(e: EngineEvent): void {
    switch (e.event) {
      case 'TRANSFER_QUEUED':
        this.attempts.add(`${e.node}#${e.attempt}`);
        break;
      case 'TRANSFER_SETTLED':
        this.attempts.add(`${e.node}#${e.attempt}`);
        this.s[e.outcome] += 1;
        break;
      case 'MESSAGE_RECEIVED':
        this.s.received += 1;
        break;
      case 'CONNECTION_ERROR':
      case 'SESSION_ERROR':
      case 'SENDER_ERROR':
      case 'RECEIVER_ERROR':
        this.s.errors += 1;
        break;
      default:
        break;
    }
    this.s.transfers = this.attempts.size;
  }

  /** Attempts that have ended in a TRANSFER_SETTLED. */
  get settledAttempts(): number {
    return this.s.accepted + this.s.rejected + this.s.released + this.s.modified + this.s.lost + this.s.unsent;
  }

  value(): RunSummary {
    return { ...this.s };
  }
}
