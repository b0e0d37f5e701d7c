import { describe, expect, it } from 'vitest';
import { EMPTY_GRAPH } from './empty.ts';
import { deepFreeze, makeGraph } from './fixtures/factory.ts';
import { anyCardsOverlap } from './cardSize.ts';
import { LAYOUT_NODE_SIZE, layoutGraph } from './layout.ts';
import { TEMPLATES } from './templates.ts';
import type { Graph } from './types.ts';

/** Every node piled on one spot: the layout has to do all the work. */
function piled(g: Graph): Graph {
  return { ...g, nodes: g.nodes.map((n) => ({ ...n, position: { x: 0, y: 0 } })) };
}

describe('layoutGraph', () => {
  it('places parents left of their children and keeps nodes from overlapping', async () => {
    const g = deepFreeze(piled(makeGraph({ senders: 2, receivers: 2 })));
    const laid = await layoutGraph(g);
    const pos = new Map(laid.nodes.map((n) => [n.id, n.position]));
    for (const e of laid.edges) expect(pos.get(e.target)!.x).toBeGreaterThanOrEqual(pos.get(e.source)!.x + LAYOUT_NODE_SIZE.width);
    const boxes = laid.nodes.map((n) => n.position);
    for (let i = 0; i < boxes.length; i += 1) {
      for (let j = i + 1; j < boxes.length; j += 1) {
        const apart = Math.abs(boxes[i]!.x - boxes[j]!.x) >= LAYOUT_NODE_SIZE.width || Math.abs(boxes[i]!.y - boxes[j]!.y) >= LAYOUT_NODE_SIZE.height;
        expect(apart, `${laid.nodes[i]!.id} and ${laid.nodes[j]!.id} overlap`).toBe(true);
      }
    }
  });

  it('leaves room for every card to show its live details', async () => {
    for (const t of TEMPLATES) {
      const laid = await layoutGraph(piled(t.graph()));
      expect(anyCardsOverlap(laid.nodes.map((n) => n.position)), t.name).toBe(false);
    }
  });

  it('changes positions only', async () => {
    const g = deepFreeze(piled(TEMPLATES[4]!.graph()));
    const laid = await layoutGraph(g);
    expect(laid.edges).toBe(g.edges);
    expect(laid.nodes.map(({ id, kind, props }) => ({ id, kind, props }))).toEqual(g.nodes.map(({ id, kind, props }) => ({ id, kind, props })));
  });

  it('returns the same graph when it is already laid out, or empty', async () => {
    const laid = await layoutGraph(piled(makeGraph()));
    expect(await layoutGraph(laid)).toBe(laid);
    expect(await layoutGraph(EMPTY_GRAPH)).toBe(EMPTY_GRAPH);
  });

  it('lays out a graph with dangling edges without failing', async () => {
    const g = makeGraph();
    const laid = await layoutGraph({ ...g, edges: [...g.edges, { id: 'x', source: 'c1', target: 'ghost' }] });
    expect(laid.nodes).toHaveLength(g.nodes.length);
  });
});
