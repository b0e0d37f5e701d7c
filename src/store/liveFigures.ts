// Live demo figures of a run, fed one engine event at a time (never a re-scan of the log), so they
// cost next to nothing at 10,000 messages a second: messages settled and received per second,
// latency from send to settle and from send to receive (p50, p99), and the queue backlog.
//
// Send → receive pairs a received message with the oldest unreceived send to the receiver's
// address (first in, first out, as a queue delivers); backlog is what the broker accepted at an
// address minus what this run's receivers took from it, so it counts only this run's messages.
import type { EngineEvent } from '../engine/events.ts';
import { LatencyHistogram } from './latencyHistogram.ts';
import { InFlight, SendQueue } from './sendRings.ts';

/** Rates are counted over this window, in buckets of RATE_BUCKET_MS. */
export const RATE_WINDOW_MS = 2000;
const RATE_BUCKET_MS = 250;
const RATE_BUCKETS = RATE_WINDOW_MS / RATE_BUCKET_MS;
/** Latency quantiles cover the last one to two windows of this length. */
export const LATENCY_WINDOW_MS = 5000;
/** Sends remembered per address, waiting for their receive. */
const MAX_PENDING_PER_ADDRESS = 100_000;
/** Attempts remembered per transfer node, waiting for their settle. */
const MAX_IN_FLIGHT_PER_TRANSFER = 1 << 17;

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
  private headEnd = 0; // when the newest slot's time ends

  add(at: number): void {
    // an event in the newest slot's time (the usual case) needs no division
    if (at >= this.headEnd || at < this.headEnd - RATE_BUCKET_MS) this.advance(Math.floor(at / RATE_BUCKET_MS));
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
    this.headEnd = (bucket + 1) * RATE_BUCKET_MS;
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

/** What the figures keep per address: sends waiting for their receive, accepted and received counts. */
interface AddressFigures {
  unreceived: SendQueue;
  accepted: number;
  received: number;
}

/** What the figures keep per node: a link's address, a transfer's attempts on their way. */
interface NodeFigures {
  address: AddressFigures | undefined;
  inFlight: InFlight | undefined;
}

export class LiveFigures {
  private readonly parentOf: Readonly<Record<string, string>>;
  /** graph node → its figures (a link's address comes from its *_OPEN event, dynamic ones included) */
  private readonly nodes = new Map<string, NodeFigures>();
  private readonly addresses = new Map<string, AddressFigures>();
  /** the node of the last transfer event and of the last receive, so a steady run looks up no Map */
  private lastTransfer = '';
  private lastTransferFigures: NodeFigures | undefined;
  private lastReceiver = '';
  private lastReceiverFigures: NodeFigures | undefined;
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
        this.nodeOf(e.node).address = this.addressOf(e.address);
        return;
      case 'TRANSFER_SENT': {
        const t = this.transferOf(e.node);
        const position = t.address ? t.address.unreceived.push(e.at) : -1;
        t.inFlight!.put(e.attempt, e.at, position);
        return;
      }
      case 'TRANSFER_SETTLED': {
        const t = this.transferOf(e.node);
        const f = t.inFlight!;
        f.take(e.attempt);
        if (e.outcome !== 'lost' && e.outcome !== 'unsent') {
          this.settledCount++;
          this.settledRate.add(e.at);
          if (f.takenAt >= 0) this.settleLatency.add(e.at, e.at - f.takenAt);
        }
        if (!t.address) return;
        if (e.outcome === 'accepted') t.address.accepted++;
        else if (f.takenPosition >= 0) t.address.unreceived.cancel(f.takenPosition);
        return;
      }
      case 'MESSAGE_RECEIVED': {
        this.receivedCount++;
        this.receivedRate.add(e.at);
        if (e.node !== this.lastReceiver || !this.lastReceiverFigures) {
          this.lastReceiver = e.node;
          this.lastReceiverFigures = this.nodeOf(e.node);
        }
        const address = this.lastReceiverFigures.address;
        if (!address) return;
        const sent = address.unreceived.shift();
        if (sent >= 0 && e.at >= sent) this.receiveLatency.add(e.at, e.at - sent);
        address.received++;
        return;
      }
      default:
        return;
    }
  }

  private nodeOf(node: string): NodeFigures {
    let n = this.nodes.get(node);
    if (!n) this.nodes.set(node, (n = { address: undefined, inFlight: undefined }));
    return n;
  }

  private addressOf(address: string): AddressFigures {
    let a = this.addresses.get(address);
    if (!a) this.addresses.set(address, (a = { unreceived: new SendQueue(MAX_PENDING_PER_ADDRESS), accepted: 0, received: 0 }));
    return a;
  }

  private transferOf(transfer: string): NodeFigures {
    let t = this.lastTransferFigures;
    if (transfer !== this.lastTransfer || !t) {
      t = this.nodeOf(transfer);
      t.inFlight ??= new InFlight(MAX_IN_FLIGHT_PER_TRANSFER);
      this.lastTransfer = transfer;
      this.lastTransferFigures = t;
    }
    // the sender's address arrives with SENDER_OPEN, usually before any send
    if (!t.address) {
      const parent = this.parentOf[transfer];
      if (parent !== undefined) t.address = this.nodes.get(parent)?.address;
    }
    return t;
  }

  private backlog(): number {
    let n = 0;
    for (const a of this.addresses.values()) n += Math.max(0, a.accepted - a.received);
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
