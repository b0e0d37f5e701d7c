// Run, Stop and Step for the page: starts the engine on the document's graph, pipes its events and
// frames into the run store, and exposes the live Run for manual credit and settlement.
import { whenIdle } from './idleQueue.ts';
import type { FrameRecord, ReceiverOutcome } from '../engine/events.ts';
import type { Run, SettleOptions, WebSocketLike } from '../engine/run.ts';
import { loadEngine, type RunGraph } from '../engine/loadEngine.ts';
import type { Graph, Problem } from '../graph/types.ts';
import type { FaultSpec } from '../graph/faultSpec.ts';
import { validateGraph } from '../graph/validate.ts';
import { useDocument } from './documentStore.ts';
import { beginRun, enqueue, enqueueFrame, flushRun, liveRunState, markClosing, useRunControl } from './runStore.ts';
import { missingUrlProblems } from '../graph/urlRequired.ts';
import { noEmbeddedBroker, probeEmbeddedBroker } from './embeddedBroker.ts';

// run control state (status, step mode, next held frame) lives with the run store
export { useRunControl, useRunStatus, type RunStatus } from './runStore.ts';

let current: Run | null = null;
let currentGraph: Graph | null = null;
let unsubscribers: (() => void)[] = [];

/** The live run, for manual controls; null when nothing runs. */
export const currentRun = (): Run | null => current;
/** The graph the current (or last) run started with. */
export const runGraphSnapshot = (): Graph | null => currentGraph;


// The engine and the live figures it feeds (presenter mode's strip) load after the first paint, and at
// the latest with the first Run.
let engine: RunGraph | null = null;
let figures: typeof import('./figuresStore.ts') | null = null;

async function loadRunModules(): Promise<void> {
  const [runGraph, figuresStore] = await Promise.all([loadEngine(), import('./figuresStore.ts')]);
  [engine, figures] = [runGraph, figuresStore];
}

// Step mode's words for the next held frame; loaded when a stepping run starts (not in the first bundle).
let describeHeldFrame: typeof import('./describeFrame.ts').describeHeldFrame | null = null;

async function loadHeldFrameWords(): Promise<void> {
  describeHeldFrame ??= (await import('./describeFrame.ts')).describeHeldFrame;
}

/** The engine tells us when the held frames change (step mode); we put the next one in words. */
function showHeld(held: FrameRecord | null) {
  flushRun(); // describe it with the frames and states up to now
  const { stepMode, nextHeld } = useRunControl.getState();
  const text = held && stepMode && currentGraph && describeHeldFrame ? `Next: ${describeHeldFrame(held, currentGraph, liveRunState().nodes, liveRunState().frames)}` : null;
  if (text !== nextHeld) useRunControl.setState({ nextHeld: text });
}

/**
 * Starts a run of the document's graph (or the given one). Refuses an invalid graph: the problems are
 * returned and kept in `useRunControl`, and nothing starts.
 */
export async function startRun(graph: Graph = useDocument.getState().graph, opts: { stepMode?: boolean } = {}): Promise<readonly Problem[]> {
  if (useRunControl.getState().status !== 'idle') return [];
  await probeEmbeddedBroker();
  if (useRunControl.getState().status !== 'idle') return [];
  const problems = [...validateGraph(graph), ...(noEmbeddedBroker() ? missingUrlProblems(graph) : [])];
  if (problems.length) {
    useRunControl.setState({ problems });
    return problems;
  }
  // Step mode belongs to one run: Run always runs freely, only Step (or opts) starts a stepping run.
  const stepMode = opts.stepMode ?? false;
  const markRunning = () => {
    useRunControl.setState({ status: 'running', problems: [], stepMode });
    currentGraph = graph;
    beginRun(graph);
  };
  try {
    if (!engine || !figures || (stepMode && !describeHeldFrame)) {
      markRunning(); // a second press meanwhile does nothing
      await Promise.all([loadRunModules(), stepMode ? loadHeldFrameWords() : null]);
    }
    // The engine starts its connections in a microtask: started before the store updates below, the
    // WebSocket handshake is under way while React renders the running state, instead of after it.
    const run = engine!(graph, {
      // The browser's WebSocket only differs from WebSocketLike in accepting more data types in send().
      createWebSocket: (url, protocols) => new WebSocket(url, protocols) as unknown as WebSocketLike,
      defaultUrl: (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/amqp',
      frames: true,
      stepMode,
    });
    if (useRunControl.getState().status === 'idle') markRunning();
    figures!.resetFigures(graph);
    current = run;
    unsubscribers = [run.subscribe(enqueue), run.subscribe(figures!.feedFigures), run.subscribeFrames(enqueueFrame), run.subscribeHeld(showHeld)];
    // every connection closed or failed on its own: the run is over, so Run can be pressed again
    void run.ended.then(() => {
      if (current === run) void stopRun();
    });
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    useRunControl.setState({ status: 'idle', problems: [{ message: `The run could not start: ${message}` }] });
  }
  return useRunControl.getState().problems;
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
    figures?.endFigures();
    useRunControl.setState({ status: 'idle', nextHeld: null, stepMode: false });
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
}

export function setStepMode(on: boolean) {
  useRunControl.setState({ stepMode: on });
  current?.setStepMode(on);
}

/** Manual receiver controls; each does nothing when no run is live. */
export const addCredit = (receiverId: string, credit: number) => current?.addCredit(receiverId, credit);
export const drain = (receiverId: string) => current?.drain(receiverId);
/** Inject a fault into the live run (the Faults menu, scenes); rejects with the reason when it cannot. */
export const injectFault = (spec: FaultSpec): Promise<void> =>
  current ? current.injectFault(spec) : Promise.reject(new Error('Press Run first: faults act on a running flow.'));
export const settle = (receiverId: string, deliveryId: number, outcome: ReceiverOutcome, modified?: SettleOptions) =>
  current?.settle(receiverId, deliveryId, outcome, modified);

/**
 * Fetches the engine chunk once the page is idle after its first paint, so the first Run does not wait for
 * rhea to download and compile. A failed preload is forgotten: Run loads it again.
 */
export function preloadEngineWhenIdle() {
  whenIdle(() => loadRunModules(), { first: true });
}
