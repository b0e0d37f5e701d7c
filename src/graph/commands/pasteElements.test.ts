import { describe, expect, it } from 'vitest';
import { deepFreeze, makeGraph } from '../fixtures/factory.ts';
import type { GraphNode } from '../types.ts';
import { validateGraph } from '../validate.ts';
import { pasteElements } from './pasteElements.ts';

describe('pasteElements', () => {
  it('pastes copies with fresh ids, shifted by the offset, keeping the edges between them', () => {
    const g = deepFreeze(makeGraph());
    const copied = g.nodes.filter((n) => n.id === 's1' || n.id === 'tx1' || n.id === 't1');
    const { graph, newIds, newEdgeIds, idMap } = pasteElements(g, { nodes: copied, edges: g.edges, offset: { x: 20, y: 30 } });
    expect(newIds).toEqual(['s2', 'tx2', 't2']);
    expect(idMap).toEqual({ s1: 's2', tx1: 'tx2', t1: 't2' });
    expect(newEdgeIds).toEqual(['e4', 'e5']);
    expect(graph.edges.slice(3).map((e) => `${e.source}>${e.target}`)).toEqual(['s2>tx2', 'tx2>t2']);
    expect(graph.nodes.find((n) => n.id === 'tx2')).toEqual({ id: 'tx2', kind: 'sender', position: { x: 460, y: 30 }, props: { address: 'examples' } });
    expect(graph.nodes.find((n) => n.id === 'tx2')!.props).not.toBe(g.nodes.find((n) => n.id === 'tx1')!.props);
  });

  it('leaves out edges to nodes that were not copied, so the paste forms its own tree', () => {
    const g = makeGraph();
    const { graph, newEdgeIds } = pasteElements(g, { nodes: g.nodes.filter((n) => n.id === 'tx1'), edges: g.edges, offset: { x: 0, y: 100 } });
    expect(newEdgeIds).toEqual([]);
    expect(validateGraph(graph).map((p) => p.nodeId)).toEqual(['tx2']);
  });

  it('points a pasted replyTo at the pasted receiver when both were copied', () => {
    const g = makeGraph({ receivers: 1 });
    const copied = g.nodes.map((n) => (n.id === 't1' ? ({ ...n, props: { replyTo: '@rx1' } } as GraphNode) : n));
    const { graph, idMap } = pasteElements(g, { nodes: copied, edges: g.edges, offset: { x: 0, y: 500 } });
    expect(graph.nodes.find((n) => n.id === idMap.t1)!.props).toEqual({ replyTo: `@${idMap.rx1}` });
    expect(validateGraph(graph)).toEqual([]);
  });

  it('returns the same graph and no ids when there is nothing usable to paste', () => {
    const g = deepFreeze(makeGraph());
    const result = pasteElements(g, { nodes: [{ id: 'x', kind: 'queue', position: { x: 0, y: 0 }, props: {} } as never], edges: [], offset: { x: 0, y: 0 } });
    expect(result.graph).toBe(g);
    expect(result.newIds).toEqual([]);
  });
});
