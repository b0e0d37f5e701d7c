// Time series for the Credit charts, built incrementally from engine events: per-link credit and
// queued-for-credit (step values, one row per change), and settled / received throughput per second.
import type { EngineEvent } from '../engine/events.ts';

export const MAX_ROWS = 4000;

/** Columns as uPlot wants them: `t` in seconds since run start, one array per link for each value. */
export interface CreditColumns {
  links: readonly string[];
  t: number[];
  credit: (number | null)[][];
  queued: (number | null)[][];
}

export class CreditSeries {
  readonly links: string[] = [];
  private readonly index = new Map<string, number>();
  readonly t: number[] = [];
  readonly credit: (number | null)[][] = [];
  readonly queued: (number | null)[][] = [];
  /** true when a link was added since the last call to takeLinksChanged() */
  private linksChanged = false;

  add(e: EngineEvent) {
    if (e.event !== 'CREDIT') return;
    let col = this.index.get(e.node);
    if (col === undefined) {
      col = this.links.length;
      this.links.push(e.node);
      this.index.set(e.node, col);
      this.credit.push(this.t.map(() => null));
      this.queued.push(this.t.map(() => null));
      this.linksChanged = true;
    }
    const t = Math.round(e.at) / 1000;
    const last = this.t.length - 1;
    // Changes within the same millisecond share one row: the chart shows where values settled.
    if (last < 0 || this.t[last] !== t) {
      this.t.push(t);
      for (let i = 0; i < this.links.length; i++) {
        this.credit[i]!.push(last < 0 ? null : this.credit[i]![last]!);
        this.queued[i]!.push(last < 0 ? null : this.queued[i]![last]!);
      }
      if (this.t.length > MAX_ROWS) this.dropOldest(this.t.length - MAX_ROWS);
    }
    const row = this.t.length - 1;
    this.credit[col]![row] = e.credit;
    this.queued[col]![row] = e.queued;
  }

  private dropOldest(n: number) {
    this.t.splice(0, n);
    for (const c of this.credit) c.splice(0, n);
    for (const q of this.queued) q.splice(0, n);
  }

  takeLinksChanged(): boolean {
    const changed = this.linksChanged;
    this.linksChanged = false;
    return changed;
  }

  columns(): CreditColumns {
    return { links: this.links, t: this.t, credit: this.credit, queued: this.queued };
  }
}

/** Transfers settled and messages received per whole second of the run. */
export class ThroughputSeries {
  readonly t: number[] = [];
  readonly settled: number[] = [];
  readonly received: number[] = [];

  private bucket(at: number): number {
    const second = Math.floor(at / 1000);
    let last = this.t.length - 1;
    if (last >= 0 && this.t[last] === second) return last;
    // Seconds without activity are shown as zero, not skipped.
    let next = last >= 0 ? this.t[last]! + 1 : second;
    for (; next <= second; next++) {
      this.t.push(next);
      this.settled.push(0);
      this.received.push(0);
    }
    if (this.t.length > MAX_ROWS) {
      const n = this.t.length - MAX_ROWS;
      this.t.splice(0, n);
      this.settled.splice(0, n);
      this.received.splice(0, n);
    }
    last = this.t.length - 1;
    // An event older than the newest second (out of order) is counted in the newest one.
    return last;
  }

  add(e: EngineEvent) {
    if (e.event === 'TRANSFER_SETTLED') this.settled[this.bucket(e.at)]! += 1;
    else if (e.event === 'MESSAGE_RECEIVED') this.received[this.bucket(e.at)]! += 1;
  }
}

/**
 * The events of `events` that arrived after `seenTotal` events in all, given the log now holds the
 * newest `events.length` of `total`. Returns everything still held when some were dropped in between.
 */
export function newEvents<T>(events: readonly T[], total: number, seenTotal: number): readonly T[] {
  const fresh = total - seenTotal;
  if (fresh <= 0) return [];
  return fresh >= events.length ? events : events.slice(events.length - fresh);
}
