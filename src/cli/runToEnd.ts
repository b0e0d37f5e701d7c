// Runs a flow the way `amqp-flow run` does (engine/runUntilQuiet.ts) and keeps what a check needs:
// every event, the frames, when the run reached its end by itself and which events came before
// the runner began stopping it.
import type { Graph } from '../graph/types.ts';
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import type { Run, RunSummary } from '../engine/run.ts';
import { runGraph } from '../engine/runGraph.ts';
import { runUntilQuiet } from '../engine/runUntilQuiet.ts';
import { nodeWebSocketFactory } from '../engine/wsFactory.ts';

export interface RunToEndOptions {
  url?: string;
  timeoutMs: number;
  quietMs: number;
  frames?: boolean;
}

export interface FinishedRun {
  events: EngineEvent[];
  frames: FrameRecord[];
  summary: RunSummary;
  /** ms after the start when every attempt had settled and receivers were quiet; absent after a timeout */
  finishedAt?: number;
  /** how many events came before stop() was called */
  eventsBeforeStop: number;
}

export async function runToEnd(graph: Graph, opts: RunToEndOptions): Promise<FinishedRun> {
  const started = Date.now();
  const run = runGraph(graph, { createWebSocket: nodeWebSocketFactory, urlOverride: opts.url, frames: !!opts.frames });
  const events: EngineEvent[] = [];
  const frames: FrameRecord[] = [];
  run.subscribe((e) => events.push(e));
  if (opts.frames) run.subscribeFrames((f) => frames.push(f));
  let eventsBeforeStop = 0;
  let stoppedAt = 0;
  // The same run, noting the moment the rule decides to stop it.
  const watched: Run = Object.create(run) as Run;
  watched.stop = () => {
    eventsBeforeStop = events.length;
    stoppedAt = Date.now() - started;
    return run.stop();
  };
  const { ended, summary } = await runUntilQuiet(watched, { timeoutMs: opts.timeoutMs, quietMs: opts.quietMs });
  return { events, frames, summary, ...(ended === 'settled' ? { finishedAt: stoppedAt } : {}), eventsBeforeStop };
}
