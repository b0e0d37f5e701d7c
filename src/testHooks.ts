// Browser-test hooks for the run store: load the event log with many events at once. The entry point
// (main.tsx) loads this module only when a test asks for it by setting localStorage `amqpFlowTestHooks`.
import type { EngineEvent } from './engine/events.ts';
import { beginRun, enqueue, useRun } from './store/runStore.ts';

export interface RunTestHooks {
  /** Enqueues `n` CREDIT events spread over the run's nodes (or, with no run, connections `load-1…4`). */
  enqueueMany(n: number): void;
}

declare global {
  interface Window {
    __amqpFlowTest?: RunTestHooks;
  }
}

export function installRunTestHooks() {
  window.__amqpFlowTest = {
    enqueueMany(n: number) {
      let nodes = Object.keys(useRun.getState().kindOf);
      if (!nodes.length) {
        // No run yet: stand in four connections so the log's node filter has something to offer.
        nodes = ['load-1', 'load-2', 'load-3', 'load-4'];
        beginRun({
          format: 'amqp-flow', version: 1, name: 'load', edges: [],
          nodes: nodes.map((id) => ({ id, kind: 'connection' as const, position: { x: 0, y: 0 }, props: {} })),
        });
      }
      const last = useRun.getState().events.at(-1)?.at ?? 0;
      for (let i = 0; i < n; i++) {
        const e: EngineEvent = { at: last + i / 100, node: nodes[i % nodes.length]!, event: 'CREDIT', credit: i % 100, deliveryCount: i, queued: 0 };
        enqueue(e);
      }
    },
  };
}
