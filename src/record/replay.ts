// Replaying a recording: the run state after any number of items (events and frames merged by time).
// Opening is one pass: the merge is kept as a count of events per position (no object per item), and
// the nodes' state is folded once through the run store's own reducer, with a checkpoint of the node
// map every SNAPSHOT_EVERY items so a seek folds at most that many events. The event log and frame
// trace of a moment are never folded: they are the recording's own lists, cut at that moment.
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import { EMPTY_RUN, FRAME_CAP, LOG_CAP, reduceRun, startRunState, type RunState } from '../store/reduceRun.ts';
import type { Recording } from './recording.ts';

export const SNAPSHOT_EVERY = 5_000;

export type ReplayItem = { kind: 'event'; at: number; event: EngineEvent } | { kind: 'frame'; at: number; frame: FrameRecord };

export class Replay {
  readonly recording: Recording;
  private readonly events: readonly EngineEvent[];
  private readonly frames: readonly FrameRecord[];
  /** eventsBefore[i]: how many of the first i items are events (the rest are frames); i = 0 … length */
  private readonly eventsBefore: Uint32Array;
  /** checkpoints[k]: the state after the first k × SNAPSHOT_EVERY items, with empty log and trace */
  private readonly checkpoints: RunState[];
  private readonly start: RunState;
  readonly length: number;
  readonly duration: number;

  constructor(recording: Recording) {
    this.recording = recording;
    this.events = recording.events;
    this.frames = recording.frames;
    this.length = this.events.length + this.frames.length;
    this.eventsBefore = mergeByTime(this.events, this.frames);
    this.duration = this.length ? this.timeOf(this.length) : 0;
    this.start = startRunState(recording.graph);
    this.checkpoints = [this.start];
    let state = this.start;
    for (let i = SNAPSHOT_EVERY; i <= this.length; i += SNAPSHOT_EVERY) {
      state = this.fold(state, i - SNAPSHOT_EVERY, i);
      this.checkpoints.push(state);
    }
  }

  /** How many items happened at or before time t. */
  countAt(t: number): number {
    let lo = 0;
    let hi = this.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.atOf(mid) <= t) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The time of the n-th item (1-based), 0 for n = 0. */
  timeOf(n: number): number {
    return n <= 0 || this.length === 0 ? 0 : this.atOf(Math.min(n, this.length) - 1);
  }

  /** The n-th item (1-based): what moment n adds to moment n − 1. */
  itemAt(n: number): ReplayItem | undefined {
    if (n < 1 || n > this.length) return undefined;
    const e = this.eventsBefore[n - 1]!;
    if (this.eventsBefore[n]! > e) {
      const event = this.events[e]!;
      return { kind: 'event', at: event.at, event };
    }
    const frame = this.frames[n - 1 - e]!;
    return { kind: 'frame', at: frame.at, frame };
  }

  /** The run state after the first n items. */
  stateAfter(n: number): RunState {
    const count = Math.max(0, Math.min(n, this.length));
    const k = Math.floor(count / SNAPSHOT_EVERY);
    const nodes = this.fold(this.checkpoints[k]!, k * SNAPSHOT_EVERY, count);
    const events = this.eventsBefore[count]!;
    const frames = count - events;
    return {
      ...nodes,
      events: this.events.slice(Math.max(0, events - LOG_CAP), events),
      eventTotal: events,
      eventsDropped: Math.max(0, events - LOG_CAP),
      frames: this.frames.slice(Math.max(0, frames - FRAME_CAP), frames),
      frameTotal: frames,
      framesDropped: Math.max(0, frames - FRAME_CAP),
    };
  }

  /** The run state at time t (ms since the run started). */
  stateAt(t: number): RunState {
    return this.stateAfter(this.countAt(t));
  }

  /** The time of the item at index i (0-based). */
  private atOf(i: number): number {
    const e = this.eventsBefore[i]!;
    return this.eventsBefore[i + 1]! > e ? this.events[e]!.at : this.frames[i - e]!.at;
  }

  /** The nodes' state after items from … to, folded onto `state` (frames change no node; the log stays empty). */
  private fold(state: RunState, from: number, to: number): RunState {
    const first = this.eventsBefore[from]!;
    const last = this.eventsBefore[to]!;
    if (first === last) return state;
    const folded = reduceRun(state, this.events.slice(first, last));
    return { ...folded, events: EMPTY_RUN.events, eventTotal: 0, eventsDropped: 0 };
  }
}

/** Events and frames merged by time (stable: at equal times events come first), as events-before counts. */
function mergeByTime(events: readonly EngineEvent[], frames: readonly FrameRecord[]): Uint32Array {
  const n = events.length + frames.length;
  const before = new Uint32Array(n + 1);
  let i = 0;
  let j = 0;
  for (let k = 0; k < n; k++) {
    if (j >= frames.length || (i < events.length && events[i]!.at <= frames[j]!.at)) i++;
    else j++;
    before[k + 1] = i;
  }
  return before;
}
