// Runs a flow once against one broker and keeps every event and frame, for comparing brokers.
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import type { Run, RunOptions } from '../engine/run.ts';
import type { Graph } from '../graph/types.ts';
import type { RunCapture } from './diff.ts';

export type RunGraph = (graph: Graph, opts: RunOptions) => Run;

export interface CaptureLimits {
  /** give up waiting for every transfer to settle after this long, then stop */
  timeoutMs: number;
  /** after settling, wait until no event came for this long (messages still arriving at receivers) */
  quietMs: number;
}

export const DEFAULT_LIMITS: CaptureLimits = { timeoutMs: 15_000, quietMs: 400 };

const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** One run of `graph` with every connection pointed at `url` (empty: the options' default URL). */
export async function captureRun(runGraph: RunGraph, graph: Graph, url: string, opts: RunOptions, limits: CaptureLimits = DEFAULT_LIMITS): Promise<RunCapture> {
  const events: EngineEvent[] = [];
  const frames: FrameRecord[] = [];
  let last = Date.now();
  const run = runGraph(graph, { ...opts, ...(url ? { urlOverride: url } : {}), frames: true, stepMode: false });
  const offEvents = run.subscribe((e) => {
    events.push(e);
    last = Date.now();
  });
  const offFrames = run.subscribeFrames((f) => frames.push(f));
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    await Promise.race([run.settled, new Promise((ok) => (timer = setTimeout(ok, limits.timeoutMs)))]);
    const until = Date.now() + limits.timeoutMs;
    while (Date.now() - last < limits.quietMs && Date.now() < until) await sleep(limits.quietMs / 4);
    await run.stop();
    await sleep(0); // the last close events
  } finally {
    clearTimeout(timer);
    offEvents();
    offFrames();
  }
  const used = url || opts.urlOverride || opts.defaultUrl || '';
  return { url: used, events, frames };
}
