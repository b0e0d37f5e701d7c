import { describe, expect, it } from 'vitest';
import { deepFreeze, makeGraph } from '../fixtures/factory.ts';
import { moveNodes } from './moveNodes.ts';

describe('moveNodes', () => {
  it('moves the named nodes and keeps every other node object', () => {
    const g = deepFreeze(makeGraph());
    const next = moveNodes(g, { moves: [{ id: 'tx1', position: { x: 5, y: 6 } }, { id: 't1', position: { x: 7, y: 8 } }] });
    expect(next.nodes.find((n) => n.id === 'tx1')!.position).toEqual({ x: 5, y: 6 });
    expect(next.nodes.find((n) => n.id === 't1')!.position).toEqual({ x: 7, y: 8 });
    expect(next.nodes[0]).toBe(g.nodes[0]);
    expect(next.edges).toBe(g.edges);
  });

  it('returns the same graph for unknown ids, unchanged or non-finite positions', () => {
    const g = deepFreeze(makeGraph());
    expect(moveNodes(g, { moves: [] })).toBe(g);
    expect(moveNodes(g, { moves: [{ id: 'nope', position: { x: 1, y: 1 } }] })).toBe(g);
    expect(moveNodes(g, { moves: [{ id: 'c1', position: { x: 0, y: 0 } }] })).toBe(g);
    expect(moveNodes(g, { moves: [{ id: 'c1', position: { x: Infinity, y: 0 } }] })).toBe(g);
  });
});
