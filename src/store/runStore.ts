// The live run store: engine events and frames are buffered and published at most once per
// animation frame; components read narrow slices so a busy run re-renders only what changed.
import { create } from 'zustand';
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import type { Graph } from '../graph/types.ts';
import {
  closingRunState,
  EMPTY_RUN,
  IDLE_NODE,
  reduceFrames,
  reduceRun,
  startRunState,
  type NodeLive,
  type RunState,
} from './reduceRun.ts';
import { installRunTestHooks } from './runTestHooks.ts';

export { IDLE_NODE, reduceRun, reduceFrames, LOG_CAP, FRAME_CAP } from './reduceRun.ts';
export type { NodeLive, NodeState, NodeCounts, RunState, UnsettledDelivery, ReceiverMode } from './reduceRun.ts';

export const useRun = create<RunState>()(() => EMPTY_RUN);

const pendingEvents: EngineEvent[] = [];
const pendingFrames: FrameRecord[] = [];
let frame: ReturnType<typeof setTimeout> | number = 0; // pending animation frame, 0 when none

const nextFrame: (cb: () => void) => number | ReturnType<typeof setTimeout> =
  typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(cb) : (cb) => setTimeout(cb, 16);

function schedule() {
  frame ||= nextFrame(flushRun);
}

/** Publish everything buffered now (the animation frame does this; tests and Stop call it directly). */
export function flushRun() {
  frame = 0;
  if (pendingEvents.length === 0 && pendingFrames.length === 0) return;
  const events = pendingEvents.splice(0);
  const frames = pendingFrames.splice(0);
  useRun.setState((s) => reduceFrames(reduceRun(s, events), frames), true);
}

export function enqueue(e: EngineEvent) {
  pendingEvents.push(e);
  schedule();
}

export function enqueueFrame(f: FrameRecord) {
  pendingFrames.push(f);
  schedule();
}

/** Forget the last run: every node back to idle, log and trace empty. */
export function resetRun() {
  pendingEvents.length = 0;
  pendingFrames.length = 0;
  useRun.setState(EMPTY_RUN, true);
}

/** A run is starting with this graph: connections go to `opening`, the rest wait for their parent. */
export function beginRun(graph: Graph) {
  pendingEvents.length = 0;
  pendingFrames.length = 0;
  useRun.setState(startRunState(graph), true);
}

/** Stop was pressed: what is alive shows `closing` until its *_CLOSED arrives. */
export function markClosing() {
  flushRun();
  useRun.setState((s) => closingRunState(s), true);
}

/** This node's live slice; the one frozen IDLE_NODE for nodes the run does not know. */
export const useNodeLive = (id: string): NodeLive => useRun((s) => s.nodes[id] ?? IDLE_NODE);

export const selectNodeLive = (s: RunState, id: string): NodeLive => s.nodes[id] ?? IDLE_NODE;

installRunTestHooks();
