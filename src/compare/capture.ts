// Runs a flow once against one broker and keeps every event and frame, for comparing brokers.
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import type { RunOptions } from '../engine/run.ts';
import type { RunGraph } from '../engine/loadEngine.ts';
import type { Graph } from '../graph/types.ts';
import type { RunCapture } from './diff.ts';
import { runUntilQuiet } from '../engine/runUntilQuiet.ts';


export interface CaptureLimits {
  /** give up waiting for every transfer to settle after this long, then stop */
  timeoutMs: number;
  /** after settling, wait until no event came for this long (messages still arriving at receivers) */
  quietMs: number;
}
// (the same shape as the engine's QuietLimits: compare ends a run by the same rule as the CLI)

export const DEFAULT_LIMITS: CaptureLimits = { timeoutMs: 15_000, quietMs: 400 };

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** One run of `graph` with every connection pointed at `url` (empty: the options' default URL). */
export async function captureRun(runGraph: RunGraph, graph: Graph, url: string, opts: RunOptions, limits: CaptureLimits = DEFAULT_LIMITS): Promise<RunCapture> {
  const events: EngineEvent[] = [];
  const frames: FrameRecord[] = [];
  const run = runGraph(graph, { ...opts, ...(url ? { urlOverride: url } : {}), frames: true, stepMode: false });
  const offEvents = run.subscribe((e) => events.push(e));
  const offFrames = run.subscribeFrames((f) => frames.push(f));
  try {
    await runUntilQuiet(run, limits);
    await sleep(0); // the last close events
  } finally {
    offEvents();
    offFrames();
  }
  const used = url || opts.urlOverride || opts.defaultUrl || '';
  return { url: used, events, frames };
}
