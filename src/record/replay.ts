// Replaying a recording: the run state at any time t, by feeding the recorded events and frames through the
// run store's own reducers; a snapshot every SNAPSHOT_EVERY items keeps a seek to a small remainder.
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import { reduceFrames, reduceRun, startRunState, type RunState } from '../store/reduceRun.ts';
import type { Recording } from './recording.ts';

export const SNAPSHOT_EVERY = 5_000;

export type ReplayItem = { kind: 'event'; at: number; event: EngineEvent } | { kind: 'frame'; at: number; frame: FrameRecord };
type Item = ReplayItem;

export class Replay {
  readonly recording: Recording;
  /** events and frames merged by time (stable: equal times keep their recorded order, events first) */
  private readonly items: Item[];
  /** snapshots[k] is the state after the first k × SNAPSHOT_EVERY items */
  private readonly snapshots: RunState[];
  readonly duration: number;

  constructor(recording: Recording) {
    this.recording = recording;
    const events: Item[] = recording.events.map((event) => ({ kind: 'event', at: event.at, event }));
    const frames: Item[] = recording.frames.map((frame) => ({ kind: 'frame', at: frame.at, frame }));
    this.items = mergeByTime(events, frames);
    this.duration = this.items.at(-1)?.at ?? 0;
    let state = startRunState(recording.graph);
    this.snapshots = [state];
    for (let i = 0; i < this.items.length; i += SNAPSHOT_EVERY) {
      state = apply(state, this.items, i, Math.min(i + SNAPSHOT_EVERY, this.items.length));
      this.snapshots.push(state);
    }
  }

  get length(): number {
    return this.items.length;
  }

  /** How many items happened at or before time t. */
  countAt(t: number): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.items[mid]!.at <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The time of the n-th item (1-based), 0 for n = 0. */
  timeOf(n: number): number {
    return n <= 0 ? 0 : (this.items[Math.min(n, this.items.length) - 1]?.at ?? 0);
  }

  /** The n-th item (1-based): what moment n adds to moment n − 1. */
  itemAt(n: number): ReplayItem | undefined {
    return n >= 1 ? this.items[n - 1] : undefined;
  }

  /** The run state after the first n items. */
  stateAfter(n: number): RunState {
    const count = Math.max(0, Math.min(n, this.items.length));
    const k = Math.floor(count / SNAPSHOT_EVERY);
    return apply(this.snapshots[k]!, this.items, k * SNAPSHOT_EVERY, count);
  }

  /** The run state at time t (ms since the run started). */
  stateAt(t: number): RunState {
    return this.stateAfter(this.countAt(t));
  }
}

/** Events and frames are separate streams (no reducer reads the other), so each range folds in one batch of each. */
function apply(state: RunState, items: readonly Item[], from: number, to: number): RunState {
  const events: EngineEvent[] = [];
  const frames: FrameRecord[] = [];
  for (let i = from; i < to; i++) {
    const item = items[i]!;
    if (item.kind === 'event') events.push(item.event);
    else frames.push(item.frame);
  }
  return reduceFrames(reduceRun(state, events), frames);
}

function mergeByTime(a: Item[], b: Item[]): Item[] {
  const out: Item[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]!.at <= b[j]!.at)) out.push(a[i++]!);
    else out.push(b[j++]!);
  }
  return out;
}
