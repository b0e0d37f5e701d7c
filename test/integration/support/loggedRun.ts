// Engine runs for the interop and relay suites: a graph run over Node's WebSocket, its events
// collected in an EventLog, and (with useLoggedRuns) every run stopped after each test.
import { afterEach } from 'vitest';
import type { Run, RunOptions } from '../../../src/engine/run.ts';
import { runGraph } from '../../../src/engine/runGraph.ts';
import { nodeWebSocketFactory } from '../../../src/engine/wsFactory.ts';
import type { Graph } from '../../../src/graph/types.ts';
import { EventLog } from './brokers.ts';

export interface LoggedRun {
  run: Run;
  log: EventLog;
}

/** Runs `graph` with the engine over Node's WebSocket, its events into a new EventLog. */
export function runLogged(graph: Graph, opts: Partial<RunOptions> = {}): LoggedRun {
  const log = new EventLog();
  const run = runGraph(graph, { createWebSocket: nodeWebSocketFactory, ...opts });
  run.subscribe(log.push);
  return { run, log };
}

/** `start` is runLogged, and every run it started is stopped after each test (or by `stopAll`). */
export function useLoggedRuns() {
  const active: Run[] = [];
  const stopAll = async () => {
    await Promise.all(active.splice(0).map((r) => r.stop()));
  };
  afterEach(stopAll);
  return {
    start(graph: Graph, opts?: Partial<RunOptions>): LoggedRun {
      const started = runLogged(graph, opts);
      active.push(started.run);
      return started;
    },
    stopAll,
  };
}
