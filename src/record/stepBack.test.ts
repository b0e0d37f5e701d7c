import { describe, expect, it } from 'vitest';
import type { Graph } from '../graph/types.ts';
import { beginRun, enqueue, flushRun, liveRunState, useRun } from '../store/runStore.ts';
import { useRunMoment } from '../store/runMoment.ts';
import { goLive, stepBack, stepForward, useStepBack } from './stepBack.ts';

const graph: Graph = {
  format: 'amqp-flow', version: 1, name: 'one receiver',
  nodes: [
    { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: {} },
    { id: 's1', kind: 'session', position: { x: 0, y: 0 }, props: {} },
    { id: 'rx1', kind: 'receiver', position: { x: 0, y: 0 }, props: { address: 'q' } },
  ],
  edges: [{ id: 'e1', source: 'c1', target: 's1' }, { id: 'e2', source: 's1', target: 'rx1' }],
};

const credit = (at: number, n: number) => enqueue({ at, node: 'rx1', event: 'CREDIT', credit: n, deliveryCount: 0, queued: 0 });

function openRun() {
  beginRun(graph);
  enqueue({ at: 1, node: 'c1', event: 'CONNECTION_OPEN', url: 'ws://x', containerId: 'a' });
  enqueue({ at: 2, node: 's1', event: 'SESSION_OPEN' });
  enqueue({ at: 3, node: 'rx1', event: 'RECEIVER_OPEN', address: 'q' });
  credit(4, 10);
  credit(5, 9);
  flushRun();
}

describe('step back', () => {
  it('shows each earlier moment while the live run goes on aside, then Live shows the live run again', () => {
    openRun();
    stepBack();
    expect(useRunMoment.getState().earlier).toBe(true);
    expect(useStepBack.getState().position).toBe(4);
    expect(useRun.getState().nodes.rx1?.credit).toBe(10);
    stepBack();
    stepBack();
    expect(useRun.getState().nodes.rx1?.state).toBe('opening');
    expect(useRun.getState().events).toHaveLength(2);

    // The live run goes on: the screen keeps the earlier moment, the live state takes the new events.
    credit(6, 8);
    flushRun();
    expect(useRun.getState().events).toHaveLength(2);
    expect(liveRunState().nodes.rx1?.credit).toBe(8);
    expect(useRunMoment.getState().liveChanges).toBeGreaterThan(0);

    goLive();
    expect(useRunMoment.getState().earlier).toBe(false);
    expect(useStepBack.getState().replay).toBeNull();
    expect(useRun.getState().nodes.rx1?.credit).toBe(8);
    expect(useRun.getState().events).toHaveLength(6);
  });

  it('steps forward past the moments it knew into what the live run did since, then to Live', () => {
    openRun();
    stepBack();
    credit(6, 8);
    flushRun();
    stepForward();
    expect(useStepBack.getState().position).toBe(5);
    expect(useRun.getState().nodes.rx1?.credit).toBe(9);
    stepForward(); // past the 5 moments it knew: takes in the sixth
    expect(useStepBack.getState().position).toBe(6);
    expect(useRun.getState().nodes.rx1?.credit).toBe(8);
    stepForward(); // nothing newer: Live
    expect(useRunMoment.getState().earlier).toBe(false);
  });

  it('leaves the earlier moment when a new run begins', () => {
    openRun();
    stepBack();
    beginRun(graph);
    expect(useRunMoment.getState().earlier).toBe(false);
    expect(useStepBack.getState().replay).toBeNull();
    expect(useRun.getState().events).toHaveLength(0);
  });
});
