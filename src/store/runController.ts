// Run, Stop and Step for the page: starts the engine on the document's graph, pipes its events and
// frames into the run store, and exposes the live Run for manual credit and settlement.
import { create } from 'zustand';
import type { FrameRecord, ReceiverOutcome } from '../engine/events.ts';
import type { ModifiedOptions, Run, RunOptions, WebSocketLike } from '../engine/run.ts';
import type { Graph, Problem } from '../graph/types.ts';
import type { FaultSpec } from '../graph/faults.ts';
import { validateGraph } from '../graph/validate.ts';
import { useDocument } from './documentStore.ts';
import { beginRun, enqueue, enqueueFrame, flushRun, markClosing, useRun } from './runStore.ts';
import { describeHeldFrame } from './describeFrame.ts';
import { endFigures, feedFigures, resetFigures } from './figuresStore.ts';

export type RunStatus = 'idle' | 'running' | 'stopping';

interface RunControlState {
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

type RunGraph = (graph: Graph, opts: RunOptions) => Run;

// The engine (and rhea with it) is loaded when the first run starts, keeping the first page load small.
const engineModules = import.meta.glob<{ runGraph: RunGraph }>('../engine/runGraph.ts');

let current: Run | null = null;
let currentGraph: Graph | null = null;
let unsubscribers: (() => void)[] = [];
let peekTimer: ReturnType<typeof setInterval> | 0 = 0;

/** The live run, for manual controls; null when nothing runs. */
export const currentRun = (): Run | null => current;
/** The graph the current (or last) run started with. */
export const runGraphSnapshot = (): Graph | null => currentGraph;


function refreshHeld() {
  const run = current;
  const { stepMode, nextHeld } = useRunControl.getState();
  let text: string | null = null;
  if (run && stepMode) {
    const held: FrameRecord | null = run.peekHeld();
    text = held && currentGraph ? `Next: ${describeHeldFrame(held, currentGraph, useRun.getState().nodes, useRun.getState().frames)}` : null;
  }
  if (text !== nextHeld) useRunControl.setState({ nextHeld: text });
}

function watchHeld(on: boolean) {
  if (on && !peekTimer) peekTimer = setInterval(refreshHeld, 100);
  if (!on && peekTimer) {
    clearInterval(peekTimer);
    peekTimer = 0;
  }
  refreshHeld();
}

/**
 * Starts a run of the document's graph (or the given one). Refuses an invalid graph: the problems are
 * returned and kept in `useRunControl`, and nothing starts.
 */
export async function startRun(graph: Graph = useDocument.getState().graph, opts: { stepMode?: boolean } = {}): Promise<readonly Problem[]> {
  if (useRunControl.getState().status !== 'idle') return [];
  const problems = validateGraph(graph);
  if (problems.length) {
    useRunControl.setState({ problems });
    return problems;
  }
  const stepMode = opts.stepMode ?? useRunControl.getState().stepMode;
  useRunControl.setState({ status: 'running', problems: [], stepMode });
  currentGraph = graph;
  beginRun(graph);
  resetFigures(graph);
  try {
    const loader = Object.values(engineModules)[0];
    if (!loader) throw new Error('The AMQP engine is not part of this build yet.');
    const { runGraph } = await loader();
    const run = runGraph(graph, {
      // The browser's WebSocket only differs from WebSocketLike in accepting more data types in send().
      createWebSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as WebSocketLike,
      defaultUrl: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/amqp',
      frames: true,
      stepMode,
    });
    current = run;
    unsubscribers = [run.subscribe(enqueue), run.subscribe(feedFigures), run.subscribeFrames(enqueueFrame), useRun.subscribe(endWhenAllClosed)];
    watchHeld(stepMode);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    useRunControl.setState({ status: 'idle', problems: [{ message: `The run could not start: ${message}` }] });
  }
  return useRunControl.getState().problems;
}

/** Every connection has closed or failed on its own: the run is over, so Run can be pressed again. */
function endWhenAllClosed(s: ReturnType<typeof useRun.getState>) {
  if (useRunControl.getState().status !== 'running') return;
  const connections = Object.keys(s.kindOf).filter((id) => s.kindOf[id] === 'connection');
  const over = connections.length > 0 && connections.every((id) => s.nodes[id]?.state === 'closed' || s.nodes[id]?.state === 'error');
  if (over) void stopRun();
}

/** Closes everything children-first; unsettled transfers end as `unsent` or `lost`. */
export async function stopRun() {
  const run = current;
  if (!run || useRunControl.getState().status !== 'running') return;
  useRunControl.setState({ status: 'stopping' });
  markClosing();
  try {
    await run.stop();
  } finally {
    // Let the last events (closes, unsent outcomes) reach the store before we stop listening.
    await new Promise((ok) => setTimeout(ok, 0));
    for (const off of unsubscribers) off();
    unsubscribers = [];
    flushRun();
    current = null;
    watchHeld(false);
    endFigures();
    useRunControl.setState({ status: 'idle', nextHeld: null });
  }
}

/** Step: when idle, starts a run in step mode; when running, releases one held outgoing frame. */
export async function stepRun() {
  if (useRunControl.getState().status === 'idle') {
    useRunControl.setState({ stepMode: true });
    await startRun(undefined, { stepMode: true });
    return;
  }
  const run = current;
  if (!run) return;
  if (!useRunControl.getState().stepMode) setStepMode(true);
  run.step();
  refreshHeld();
}

export function setStepMode(on: boolean) {
  useRunControl.setState({ stepMode: on });
  current?.setStepMode(on);
  watchHeld(on && current !== null);
}

/** Manual receiver controls; each does nothing when no run is live. */
export const addCredit = (receiverId: string, credit: number) => current?.addCredit(receiverId, credit);
export const drain = (receiverId: string) => current?.drain(receiverId);
/** Inject a fault into the live run (the Faults menu, scenes); rejects with the reason when it cannot. */
export const injectFault = (spec: FaultSpec): Promise<void> =>
  current ? current.injectFault(spec) : Promise.reject(new Error('Press Run first: faults act on a running flow.'));
export const settle = (receiverId: string, deliveryId: number, outcome: ReceiverOutcome, modified?: ModifiedOptions) =>
  current?.settle(receiverId, deliveryId, outcome, modified);
