import { describe, expect, it } from 'vitest';
import { moveNodes } from '../graph/commands/moveNodes.ts';
import { EMPTY_GRAPH } from '../graph/empty.ts';
import type { Graph, GraphNode } from '../graph/types.ts';
import { deriveFlowNodes, type NodeEntry, type Size } from './useFlowElements.ts';

function graphOf(count: number): Graph {
  const nodes: GraphNode[] = Array.from({ length: count }, (_, i) => ({
    id: `c${i}`,
    kind: 'connection',
    position: { x: i * 10, y: 0 },
    props: {},
  }));
  return { ...EMPTY_GRAPH, nodes };
}

const NO_SIZES: ReadonlyMap<string, Size> = new Map();
const NO_CACHE: ReadonlyMap<string, NodeEntry> = new Map();

describe('deriveFlowNodes', () => {
  it('keeps every untouched node object when one node of a thousand is moved', () => {
    const g = graphOf(1000);
    const first = deriveFlowNodes(g.nodes, [], NO_SIZES, NO_CACHE);
    const moved = moveNodes(g, { moves: [{ id: 'c500', position: { x: 1, y: 2 } }] });
    const second = deriveFlowNodes(moved.nodes, [], NO_SIZES, first.cache);
    const changed = second.nodes.filter((n, i) => n !== first.nodes[i]).map((n) => n.id);
    expect(changed).toEqual(['c500']);
    expect(second.nodes[500]!.position).toEqual({ x: 1, y: 2 });
  });

  it('keeps the data object when only the selection or the measured size changes, so the node card does not re-render', () => {
    const g = graphOf(3);
    const first = deriveFlowNodes(g.nodes, [], NO_SIZES, NO_CACHE);
    const selected = deriveFlowNodes(g.nodes, ['c1'], NO_SIZES, first.cache);
    expect(selected.nodes[1]).not.toBe(first.nodes[1]);
    expect(selected.nodes[1]!.selected).toBe(true);
    expect(selected.nodes[1]!.data).toBe(first.nodes[1]!.data);
    expect(selected.nodes[0]).toBe(first.nodes[0]);

    const sizes = new Map<string, Size>([['c2', { width: 180, height: 90 }]]);
    const measured = deriveFlowNodes(g.nodes, ['c1'], sizes, selected.cache);
    expect(measured.nodes[2]!.measured).toEqual({ width: 180, height: 90 });
    expect(measured.nodes[2]!.data).toBe(first.nodes[2]!.data);
  });

  it('gives a node a new data object when its graph node changes', () => {
    const g = graphOf(2);
    const first = deriveFlowNodes(g.nodes, [], NO_SIZES, NO_CACHE);
    const edited = g.nodes.map((n): GraphNode => (n.id === 'c0' ? ({ ...n, props: { url: 'ws://127.0.0.1:1/' } } as GraphNode) : n));
    const second = deriveFlowNodes(edited, [], NO_SIZES, first.cache);
    expect(second.nodes[0]!.data).not.toBe(first.nodes[0]!.data);
    expect(second.nodes[0]!.data.node.props).toEqual({ url: 'ws://127.0.0.1:1/' });
    expect(second.nodes[1]).toBe(first.nodes[1]);
  });

  it('drops nodes that left the graph from the cache', () => {
    const g = graphOf(3);
    const first = deriveFlowNodes(g.nodes, [], NO_SIZES, NO_CACHE);
    const second = deriveFlowNodes(g.nodes.slice(1), [], NO_SIZES, first.cache);
    expect([...second.cache.keys()]).toEqual(['c1', 'c2']);
  });
});
