import { describe, expect, it } from 'vitest';
import { deepFreeze, makeGraph } from '../fixtures/factory.ts';
import type { Graph } from '../types.ts';
import { connect } from './connect.ts';

const withLooseReceiver = (): Graph => {
  const g = makeGraph();
  return { ...g, nodes: [...g.nodes, { id: 'rx1', kind: 'receiver', position: { x: 0, y: 0 }, props: { address: 'q' } }] };
};

describe('connect', () => {
  it('adds an edge with the next free edge id when the wiring rules allow it', () => {
    const g = deepFreeze(withLooseReceiver());
    const next = connect(g, { source: 's1', target: 'rx1' });
    expect(next.edges.at(-1)).toEqual({ id: 'e4', source: 's1', target: 'rx1' });
    expect(g.edges).toHaveLength(3);
  });

  it('keeps a given edge id when it is free', () => {
    expect(connect(withLooseReceiver(), { source: 's1', target: 'rx1', id: 'wire' }).edges.at(-1)!.id).toBe('wire');
  });

  it('returns the same graph when canWire refuses or the id is taken', () => {
    const g = deepFreeze(withLooseReceiver());
    expect(connect(g, { source: 'tx1', target: 'rx1' })).toBe(g);
    expect(connect(g, { source: 'c1', target: 's1' })).toBe(g);
    expect(connect(g, { source: 'rx1', target: 'rx1' })).toBe(g);
    expect(connect(g, { source: 's1', target: 'rx1', id: 'e1' })).toBe(g);
  });
});
