// The live run store: engine events and frames are buffered and published at most once per
// animation frame; components read narrow slices so a busy run re-renders only what changed.
import { create } from 'zustand';
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import type { Graph, Problem } from '../graph/types.ts';
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
import { liveAside, setLiveAside } from './runMoment.ts';

export { IDLE_NODE, reduceRun, reduceFrames, LOG_CAP, FRAME_CAP } from './reduceRun.ts';
export type { NodeLive, NodeState, NodeCounts, RunState, UnsettledDelivery, ReceiverMode } from './reduceRun.ts';

export const useRun = create<RunState>()(() => EMPTY_RUN);

export type RunStatus = 'idle' | 'running' | 'stopping';

/** Run control: changes only on Run, Stop, Step and step-mode switches (the run controller drives it). */
export interface RunControlState {
  status: RunStatus;
  stepMode: boolean;
  /** step mode: the next held outgoing frame, in words ("Next: attach (sender tx1)") */
  nextHeld: string | null;
  /** why the last Run was refused or failed to start; empty when it started */
  problems: readonly Problem[];
}

export const useRunControl = create<RunControlState>()(() => ({
  status: 'idle',
  stepMode: false,
  nextHeld: null,
  problems: [],
}));

export const useRunStatus = (): RunStatus => useRunControl((s) => s.status);

const pendingEvents: EngineEvent[] = [];
const pendingFrames: FrameRecord[] = [];
let frame: ReturnType<typeof setTimeout> | number = 0; // pending animation frame, 0 when none

const nextFrame: (cb: () => void) => number | ReturnType<typeof setTimeout> =
  typeof requestAnimationFrame === 'function' ? (cb) => requestAnimationFrame(cb) : (cb) => setTimeout(cb, 16);

/**
 * Publishing paces itself: after a publish whose reduce and render took `c` ms, the next waits at least
 * PACE × c ms, so under a flood the views take at most about a third of the page's time and the rest
 * goes to the engine. A cheap publish (the usual case) still goes out on the next animation frame.
 */
const PACE = 2;
const MAX_GAP_MS = 250;
let earliest = 0; // performance.now() before which the next publish waits

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

function schedule() {
  if (frame) return;
  const wait = earliest - clock();
  if (wait <= 16) return onNextFrame();
  const timer = setTimeout(() => {
    if (frame === timer) onNextFrame(); // else published meanwhile (Stop, tests)
  }, wait - 16);
  frame = timer;
}

function onNextFrame() {
  const id = nextFrame(() => {
    if (frame === id) flushRun(); // else published meanwhile
  });
  frame = id;
}

/** Publish everything buffered now (the animation frame does this; tests and Stop call it directly). */
export function flushRun() {
  frame = 0;
  if (pendingEvents.length === 0 && pendingFrames.length === 0) return;
  const events = pendingEvents.splice(0);
  const frames = pendingFrames.splice(0);
  const t0 = clock();
  const aside = liveAside();
  if (aside) setLiveAside(reduceFrames(reduceRun(aside, events), frames)); // an earlier moment is on screen
  else useRun.setState((s) => reduceFrames(reduceRun(s, events), frames), true);
  // React renders a store change in a microtask queued by setState; this one runs after it.
  queueMicrotask(() => {
    const t1 = clock();
    earliest = t1 + Math.min(MAX_GAP_MS, PACE * (t1 - t0));
  });
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
  setLiveAside(null);
  pendingEvents.length = 0;
  pendingFrames.length = 0;
  useRun.setState(EMPTY_RUN, true);
}

/** A run is starting with this graph: connections go to `opening`, the rest wait for their parent. */
export function beginRun(graph: Graph) {
  setLiveAside(null);
  pendingEvents.length = 0;
  pendingFrames.length = 0;
  useRun.setState(startRunState(graph), true);
}

/** Stop was pressed: what is alive shows `closing` until its *_CLOSED arrives. */
export function markClosing() {
  flushRun();
  const aside = liveAside();
  if (aside) setLiveAside(closingRunState(aside));
  else useRun.setState((s) => closingRunState(s), true);
}

/** The live run's state, also while an earlier moment is on screen. */
export const liveRunState = (): RunState => liveAside() ?? useRun.getState();

/** Step back: puts an earlier state of the run on screen; the live one goes on aside. */
export function showEarlierState(state: RunState) {
  if (!liveAside()) setLiveAside(useRun.getState());
  useRun.setState(state, true);
}

/** Back to the live run after stepping back. */
export function showLiveState() {
  const aside = liveAside();
  if (!aside) return;
  setLiveAside(null);
  useRun.setState(aside, true);
}

/** This node's live slice; the one frozen IDLE_NODE for nodes the run does not know. */
export const useNodeLive = (id: string): NodeLive => useRun((s) => s.nodes[id] ?? IDLE_NODE);

export const selectNodeLive = (s: RunState, id: string): NodeLive => s.nodes[id] ?? IDLE_NODE;
