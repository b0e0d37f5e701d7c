// Live demo figures of a run, fed one engine event at a time (never a re-scan of the log), so they
// cost next to nothing at 10,000 messages a second: messages settled and received per second,
// latency from send to settle and from send to receive (p50, p99), and the queue backlog.
//
// Send → receive pairs a received message with the oldest unreceived send to the receiver's
// address (first in, first out, as a queue delivers); backlog is what the broker accepted at an
// address minus what this run's receivers took from it, so it counts only this run's messages.
import type { EngineEvent } from '../engine/events.ts';
import { LatencyHistogram } from './latencyHistogram.ts';

/** Rates are counted over this window, in buckets of RATE_BUCKET_MS. */
export const RATE_WINDOW_MS = 2000;
const RATE_BUCKET_MS = 250;
const RATE_BUCKETS = RATE_WINDOW_MS / RATE_BUCKET_MS;
/** Latency quantiles cover the last one to two windows of this length. */
export const LATENCY_WINDOW_MS = 5000;
/** Sends remembered per address, waiting for their receive. */
const MAX_PENDING_PER_ADDRESS = 100_000;

export interface Figures {
  /** transfers settled (any outcome from the broker) per second, over the last RATE_WINDOW_MS */
  settledPerSecond: number;
  /** messages received per second, over the last RATE_WINDOW_MS */
  receivedPerSecond: number;
  /** send → settle, ms, over the last few seconds; null without samples */
  settleP50: number | null;
  settleP99: number | null;
  /** send → receive, ms; null without samples */
  receiveP50: number | null;
  receiveP99: number | null;
  /** messages accepted by the broker and not (yet) received by this run's receivers */
  backlog: number;
  settled: number;
  received: number;
}

/** A ring of counts per time bucket: events per second over a sliding window. */
class RateCounter {
  private readonly buckets = new Float64Array(RATE_BUCKETS);
  private head = -1; // the bucket number (time / RATE_BUCKET_MS) of the newest slot

  add(at: number): void {
    this.advance(Math.floor(at / RATE_BUCKET_MS));
    this.buckets[this.head % RATE_BUCKETS]! += 1;
  }

  perSecond(now: number): number {
    this.advance(Math.floor(now / RATE_BUCKET_MS));
    let sum = 0;
    for (const c of this.buckets) sum += c;
    return (sum * 1000) / RATE_WINDOW_MS;
  }

  private advance(bucket: number): void {
    if (bucket <= this.head) return;
    const steps = Math.min(RATE_BUCKETS, bucket - this.head);
    for (let i = 1; i <= steps; i++) this.buckets[(bucket - steps + i) % RATE_BUCKETS] = 0;
    this.head = bucket;
  }
}

/** Two histograms taking turns: quantiles cover the current window and the one before. */
class WindowedLatency {
  private current = new LatencyHistogram();
  private previous = new LatencyHistogram();
  private windowStart = 0;

  add(at: number, ms: number): void {
    this.rotate(at);
    this.current.add(ms);
  }

  quantile(q: number, now: number): number | null {
    this.rotate(now);
    return this.current.quantile(q, this.previous);
  }

  private rotate(at: number): void {
    if (at < this.windowStart + LATENCY_WINDOW_MS) return;
    const skipped = at >= this.windowStart + 2 * LATENCY_WINDOW_MS;
    const old = this.previous;
    this.previous = this.current;
    this.current = old;
    this.current.clear();
    if (skipped) this.previous.clear(); // nothing for a whole window: the old samples are stale
    this.windowStart = at - (at % LATENCY_WINDOW_MS);
  }
}

/** Sends to one address waiting for their receive, oldest first: parallel number arrays, never shifted. */
class SendTimes {
  private ids: number[] = [];
  private ats: number[] = [];
  private head = 0;
  /** sends (by id) that will never be received (rejected, released, …): skipped when reached */
  readonly cancelled = new Set<number>();

  push(id: number, at: number): void {
    if (this.ids.length - this.head >= MAX_PENDING_PER_ADDRESS) this.head++;
    this.ids.push(id);
    this.ats.push(at);
  }

  /** When the oldest send still on its way was sent. */
  shift(): number | undefined {
    while (this.head < this.ids.length) {
      const i = this.head++;
      const id = this.ids[i]!;
      const at = this.ats[i]!;
      if (this.head > 1024 && this.head * 2 > this.ids.length) {
        this.ids = this.ids.slice(this.head);
        this.ats = this.ats.slice(this.head);
        this.head = 0;
      }
      if (this.cancelled.size && this.cancelled.delete(id)) continue;
      return at;
    }
    return undefined;
  }
}

/** One transfer node's attempts on their way: when each was sent and its send id. */
interface InFlight {
  at: Map<number, number>;
  id: Map<number, number>;
  /** the sender's address, once known */
  address: string | undefined;
}

export class LiveFigures {
  private readonly parentOf: Readonly<Record<string, string>>;
  /** link node → address, from its *_OPEN event (dynamic addresses included) */
  private readonly addressOf = new Map<string, string>();
  /** transfer node → its attempts on their way */
  private readonly inFlight = new Map<string, InFlight>();
  private nextSendId = 0;
  private readonly unreceived = new Map<string, SendTimes>();
  /** per address: messages the broker accepted from this run, and messages this run received */
  private readonly accepted = new Map<string, number>();
  private readonly received = new Map<string, number>();
  private readonly settledRate = new RateCounter();
  private readonly receivedRate = new RateCounter();
  private readonly settleLatency = new WindowedLatency();
  private readonly receiveLatency = new WindowedLatency();
  private settledCount = 0;
  private receivedCount = 0;

  /** `parentOf`: graph node → its parent (a transfer's sender). */
  constructor(parentOf: Readonly<Record<string, string>>) {
    this.parentOf = parentOf;
  }

  add(e: EngineEvent): void {
    switch (e.event) {
      case 'SENDER_OPEN':
      case 'RECEIVER_OPEN':
        this.addressOf.set(e.node, e.address);
        return;
      case 'TRANSFER_SENT': {
        const f = this.flightOf(e.node);
        const id = this.nextSendId++;
        f.at.set(e.attempt, e.at);
        f.id.set(e.attempt, id);
        if (f.address !== undefined) this.queueOf(f.address).push(id, e.at);
        return;
      }
      case 'TRANSFER_SETTLED': {
        const f = this.flightOf(e.node);
        const sent = f.at.get(e.attempt);
        const id = f.id.get(e.attempt);
        if (sent !== undefined) {
          f.at.delete(e.attempt);
          f.id.delete(e.attempt);
        }
        const broker = e.outcome !== 'lost' && e.outcome !== 'unsent';
        if (broker) {
          this.settledCount++;
          this.settledRate.add(e.at);
          if (sent !== undefined) this.settleLatency.add(e.at, e.at - sent);
        }
        if (f.address === undefined) return;
        if (e.outcome === 'accepted') this.accepted.set(f.address, (this.accepted.get(f.address) ?? 0) + 1);
        else if (id !== undefined) this.queueOf(f.address).cancelled.add(id);
        return;
      }
      case 'MESSAGE_RECEIVED': {
        this.receivedCount++;
        this.receivedRate.add(e.at);
        const address = this.addressOf.get(e.node);
        if (address === undefined) return;
        const sent = this.unreceived.get(address)?.shift();
        if (sent !== undefined && e.at >= sent) this.receiveLatency.add(e.at, e.at - sent);
        this.received.set(address, (this.received.get(address) ?? 0) + 1);
        return;
      }
      default:
        return;
    }
  }

  private flightOf(transfer: string): InFlight {
    let f = this.inFlight.get(transfer);
    if (!f) this.inFlight.set(transfer, (f = { at: new Map(), id: new Map(), address: undefined }));
    // the sender's address arrives with SENDER_OPEN, usually before any send
    f.address ??= this.addressOf.get(this.parentOf[transfer] ?? '');
    return f;
  }

  private queueOf(address: string): SendTimes {
    let q = this.unreceived.get(address);
    if (!q) this.unreceived.set(address, (q = new SendTimes()));
    return q;
  }

  private backlog(): number {
    let n = 0;
    for (const [address, accepted] of this.accepted) n += Math.max(0, accepted - (this.received.get(address) ?? 0));
    return n;
  }

  /** The figures as of `now` (ms since the run started; rates fall to 0 when events stop). */
  snapshot(now: number): Figures {
    return {
      settledPerSecond: this.settledRate.perSecond(now),
      receivedPerSecond: this.receivedRate.perSecond(now),
      settleP50: this.settleLatency.quantile(0.5, now),
      settleP99: this.settleLatency.quantile(0.99, now),
      receiveP50: this.receiveLatency.quantile(0.5, now),
      receiveP99: this.receiveLatency.quantile(0.99, now),
      backlog: this.backlog(),
      settled: this.settledCount,
      received: this.receivedCount,
    };
  }
}
