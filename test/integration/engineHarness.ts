// Shared by the engine's integration tests: an embedded broker on a free port, a connection-and-session graph, event waits.
import { startServer, type RunningServer } from '../../broker/server.ts';
import type { BrokerOptions } from '../../broker/broker.ts';
import { graphOfChildren, type ChildSpec } from '../../src/graph/fixtures/factory.ts';
import type { Graph, PropsByKind } from '../../src/graph/types.ts';
import type { EngineEvent, EngineEventName, FrameRecord } from '../../src/engine/events.ts';
import type { Run, RunOptions } from '../../src/engine/run.ts';
import { runGraph } from '../../src/engine/runGraph.ts';
import { nodeWebSocketFactory } from '../../src/engine/wsFactory.ts';
import { EventWaiters } from './support/eventWaiters.ts';

export async function startBroker(broker?: BrokerOptions): Promise<RunningServer> {
  return startServer({ port: 0, tcpPort: false, broker });
}

/** connection c1 → session s1 → the given links and transfers. */
export function oneSession(url: string, rest: ChildSpec[], connectionProps: PropsByKind['connection'] = {}): Graph {
  return graphOfChildren([{ id: 'c1', kind: 'connection', props: { url, ...connectionProps } }, { id: 's1', kind: 'session', parent: 'c1' }, ...rest]);
}

export interface Recorded {
  run: Run;
  events: EngineEvent[];
  frames: FrameRecord[];
  /** resolves with the first event (from now or already seen) that matches */
  waitFor(pred: (e: EngineEvent) => boolean, timeoutMs?: number): Promise<EngineEvent>;
  of<N extends EngineEventName>(name: N, node?: string): Extract<EngineEvent, { event: N }>[];
}

export function record(graph: Graph, opts: Partial<RunOptions> = {}): Recorded {
  const run = runGraph(graph, { createWebSocket: nodeWebSocketFactory, ...opts });
  const events: EngineEvent[] = [];
  const frames: FrameRecord[] = [];
  const waiters = new EventWaiters(events);
  run.subscribe((e) => {
    events.push(e);
    waiters.notify(e);
  });
  run.subscribeFrames((f) => frames.push(f));
  return {
    run,
    events,
    frames,
    waitFor(pred, timeoutMs = 10_000) {
      return waiters.waitFor(pred, timeoutMs, () => `timed out; events so far:\n${events.map((e) => JSON.stringify(e)).join('\n')}`);
    },
    of(name, node) {
      return events.filter((e) => e.event === name && (node === undefined || e.node === node)) as never;
    },
  };
}

export const is = (name: EngineEventName, node?: string) => (e: EngineEvent) => e.event === name && (node === undefined || e.node === node);

/** The names of events, in order, keeping only the given names. */
export function sequence(events: EngineEvent[], names: EngineEventName[]): string[] {
  return events.filter((e) => names.includes(e.event)).map((e) => `${e.event} ${e.node}`);
}
