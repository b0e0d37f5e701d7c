// One subscription for "what is new in the run since the last publish": the run store publishes at most once
// per animation frame, and this works out once per publish which events and frames were added, for every view
// that follows the run incrementally (edges, edge rates, charts) instead of each diffing the capped log.
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import type { RunState } from './reduceRun.ts';
import { useRun } from './runStore.ts';

export interface RunBatch {
  /** events added since the last batch (after a reset: every event the log still holds) */
  events: readonly EngineEvent[];
  frames: readonly FrameRecord[];
  /** the run state after them */
  state: RunState;
  /** a new run started, or a replay went back: start over from `events` */
  reset: boolean;
}

type BatchListener = (b: RunBatch) => void;

const listeners = new Set<BatchListener>();
let off: (() => void) | null = null;
let seenEvents = 0;
let seenFrames = 0;
let lastGraph: RunState['graph'] = null;

/** The items of a capped `list` after `seen` of `total` ever added (all it holds when some were dropped since). */
export function addedSince<T>(list: readonly T[], total: number, seen: number): readonly T[] {
  const fresh = total - seen;
  if (fresh <= 0) return [];
  return fresh >= list.length ? list : list.slice(list.length - fresh);
}

function publish(s: RunState) {
  const reset = s.graph !== lastGraph || s.eventTotal < seenEvents || s.frameTotal < seenFrames;
  if (reset) seenEvents = seenFrames = 0;
  const events = addedSince(s.events, s.eventTotal, seenEvents);
  const frames = addedSince(s.frames, s.frameTotal, seenFrames);
  seenEvents = s.eventTotal;
  seenFrames = s.frameTotal;
  lastGraph = s.graph;
  if (!reset && !events.length && !frames.length) return;
  const batch: RunBatch = { events, frames, state: s, reset };
  for (const l of [...listeners]) l(batch);
}

/**
 * Calls `listener` with what each publish added. A listener that joins mid-run first gets everything the
 * log holds, as a reset, so it can build its view from there.
 */
export function subscribeBatch(listener: BatchListener): () => void {
  if (!off) {
    const s = useRun.getState();
    seenEvents = s.eventTotal;
    seenFrames = s.frameTotal;
    lastGraph = s.graph;
    off = useRun.subscribe(publish);
  }
  listeners.add(listener);
  const s = useRun.getState();
  listener({ events: s.events, frames: s.frames, state: s, reset: true });
  return () => {
    listeners.delete(listener);
    if (!listeners.size && off) {
      off();
      off = null;
    }
  };
}
