import { describe, expect, it } from 'vitest';
import { EMPTY_GRAPH } from './empty.ts';
import { makeGraph } from './fixtures/factory.ts';
import { nextEdgeId, nextId } from './ids.ts';
import type { Graph } from './types.ts';

describe('ids', () => {
  it('gives each kind its readable prefix, starting at 1', () => {
    expect(['connection', 'session', 'sender', 'receiver', 'transfer'].map((k) => nextId(EMPTY_GRAPH, k as never))).toEqual(['c1', 's1', 'tx1', 'rx1', 't1']);
    expect(nextEdgeId(EMPTY_GRAPH)).toBe('e1');
  });

  it('counts on from the highest number in use, so a deleted id is not handed out again soon', () => {
    const g = makeGraph({ senders: 3 });
    const gap: Graph = { ...g, nodes: g.nodes.filter((n) => n.id !== 'tx2') };
    expect(nextId(gap, 'sender')).toBe('tx4');
    expect(nextId(g, 'transfer')).toBe('t4');
    expect(nextEdgeId(g)).toBe('e8');
  });

  it('does not confuse the prefixes t and tx, and skips ids used by edges', () => {
    const g = makeGraph();
    const odd: Graph = { ...g, edges: [...g.edges, { id: 't2', source: 'tx1', target: 't1' }] };
    expect(nextId(g, 'transfer')).toBe('t2');
    expect(nextId(odd, 'transfer')).toBe('t3');
  });

  it('ignores ids that only look numbered', () => {
    const g: Graph = { ...EMPTY_GRAPH, nodes: [{ id: 's99x', kind: 'session', position: { x: 0, y: 0 }, props: {} }, { id: 'S5', kind: 'session', position: { x: 0, y: 0 }, props: {} }] };
    expect(nextId(g, 'session')).toBe('s1');
  });
});
