import { describe, expect, it, vi } from 'vitest';
import type { Graph } from '../graph/types.ts';
import { beginRun, enqueue, enqueueFrame, flushRun, IDLE_NODE, markClosing, resetRun, selectNodeLive, useRun } from './runStore.ts';

const graph: Graph = {
  format: 'amqp-flow', version: 1, name: 'one connection',
  nodes: [{ id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: {} }],
  edges: [],
};

describe('runStore', () => {
  it('publishes a burst of engine events and frames as one store update', async () => {
    beginRun(graph);
    let updates = 0;
    const unsubscribe = useRun.subscribe(() => updates++);
    enqueue({ at: 0, node: 'c1', event: 'CONNECTION_OPEN', url: 'ws://x', containerId: 'a' });
    enqueueFrame({ at: 0, connection: 'c1', dir: 'out', channel: 0, performative: 'open', fields: {} });
    enqueue({ at: 1, node: 'c1', event: 'CONNECTION_CLOSED', url: 'ws://x' });
    expect(updates).toBe(0);
    await new Promise((ok) => setTimeout(ok, 40));
    unsubscribe();
    expect(updates).toBe(1);
    expect(useRun.getState().events).toHaveLength(2);
    expect(useRun.getState().frames).toHaveLength(1);
    expect(selectNodeLive(useRun.getState(), 'c1').state).toBe('closed');
  });

  it('shows closing on stop, publishing what was buffered first', () => {
    beginRun(graph);
    enqueue({ at: 0, node: 'c1', event: 'CONNECTION_OPEN', url: 'ws://x', containerId: 'a' });
    markClosing();
    expect(selectNodeLive(useRun.getState(), 'c1').state).toBe('closing');
  });

  it('returns the one idle constant for unknown nodes after a reset', () => {
    resetRun();
    expect(selectNodeLive(useRun.getState(), 'c1')).toBe(IDLE_NODE);
    expect(Object.isFrozen(IDLE_NODE)).toBe(true);
  });

  it('waits twice as long as an expensive publish took before publishing again, and stays quick when publishing is cheap', async () => {
    // A fake clock: the view's cost and the waits are read from it, never from the wall clock.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    try {
      beginRun(graph);
      const open = { at: 0, node: 'c1', event: 'CONNECTION_OPEN', url: 'ws://x', containerId: 'a' } as const;
      let updates = 0;
      const count = useRun.subscribe(() => updates++);
      // a view that takes 40 ms to render each update
      const slow = useRun.subscribe(() => vi.advanceTimersByTime(40));
      enqueue(open);
      flushRun();
      await Promise.resolve(); // the publish measures its cost after the render's microtask
      slow();
      updates = 0;
      enqueue(open);
      vi.advanceTimersByTime(2 * 40 - 1);
      expect(updates).toBe(0); // still pacing: twice the 40 ms the last publish cost
      vi.advanceTimersByTime(1);
      expect(updates).toBe(1);
      await Promise.resolve();
      // the last publish was cheap: the next goes out on the next frame
      updates = 0;
      enqueue(open);
      vi.advanceTimersByTime(16);
      expect(updates).toBe(1);
      count();
    } finally {
      vi.useRealTimers();
    }
  });
});
