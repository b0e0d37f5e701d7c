// Runs a flow the way the command line does and keeps what a check needs: every event, the frames
// if asked, when the run reached its end by itself and when the runner started stopping it.
import type { Graph } from '../graph/types.ts';
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import type { RunSummary } from '../engine/run.ts';
import { runGraph } from '../engine/runGraph.ts';
import { nodeWebSocketFactory } from '../engine/wsFactory.ts';

export interface RunToEndOptions {
  url?: string;
  timeoutMs: number;
  quietMs: number;
  frames?: boolean;
  onEvent?: (e: EngineEvent) => void;
  onFrame?: (f: FrameRecord) => void;
}

export interface FinishedRun {
  events: EngineEvent[];
  frames: FrameRecord[];
  summary: RunSummary;
  /** ms since run start when every attempt had settled and receivers were quiet; absent after a timeout */
  finishedAt?: number;
  /** how many events came before stop() was called */
  eventsBeforeStop: number;
}

/**
 * The end of a run: once every transfer attempt has settled and every node has finished opening,
 * wait until no message has arrived for `quietMs` (receivers get what is on its way), then stop.
 * At `timeoutMs` stop whatever is still going.
 */
export async function runToEnd(graph: Graph, opts: RunToEndOptions): Promise<FinishedRun> {
  const started = Date.now();
  const run = runGraph(graph, { createWebSocket: nodeWebSocketFactory, urlOverride: opts.url, frames: !!opts.frames });
  const events: EngineEvent[] = [];
  const frames: FrameRecord[] = [];
  let lastMessageAt = Date.now();
  run.subscribe((e) => {
    if (e.event === 'MESSAGE_RECEIVED') lastMessageAt = Date.now();
    events.push(e);
    opts.onEvent?.(e);
  });
  if (opts.frames) {
    run.subscribeFrames((f) => {
      frames.push(f);
      opts.onFrame?.(f);
    });
  }
  const deadline = started + opts.timeoutMs;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), opts.timeoutMs)));
  const first = await Promise.race([run.settled.then(() => 'settled' as const), timeout]);
  let finishedAt: number | undefined;
  if (first === 'settled') {
    for (;;) {
      const quietLeft = lastMessageAt + opts.quietMs - Date.now();
      const left = deadline - Date.now();
      if (quietLeft <= 0) {
        finishedAt = Date.now() - started;
        break;
      }
      if (left <= 0) break;
      await new Promise((r) => setTimeout(r, Math.min(quietLeft, left)));
    }
  }
  clearTimeout(timer);
  const eventsBeforeStop = events.length;
  await run.stop();
  return { events, frames, summary: run.summary(), ...(finishedAt !== undefined ? { finishedAt } : {}), eventsBeforeStop };
}
