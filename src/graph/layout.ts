// Auto layout: ELK's layered algorithm, parents to the left of their children.
import ELK from 'elkjs/lib/elk.bundled.js';
import { CARD_WIDTH, COLUMN_GAP, LIVE_CARD_HEIGHT, ROW_GAP } from './cardSize.ts';
import type { Graph } from './types.ts';

/** The size nodes are laid out with: the largest live card, so running cards stay apart. */
export const LAYOUT_NODE_SIZE = { width: CARD_WIDTH, height: LIVE_CARD_HEIGHT } as const;

const elk = new ELK();

/** Returns the graph with new positions only; nodes that do not move keep their object, and an unchanged graph is returned as is. */
export async function layoutGraph(g: Graph): Promise<Graph> {
  if (g.nodes.length === 0) return g;
  const ids = new Set(g.nodes.map((n) => n.id));
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': String(ROW_GAP),
      'elk.layered.spacing.nodeNodeBetweenLayers': String(COLUMN_GAP),
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
    },
    children: g.nodes.map((n) => ({ id: n.id, ...LAYOUT_NODE_SIZE })),
    edges: g.edges
      .filter((e) => ids.has(e.source) && ids.has(e.target) && e.source !== e.target)
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  const placed = new Map((result.children ?? []).map((c) => [c.id, { x: Math.round(c.x ?? 0), y: Math.round(c.y ?? 0) }]));
  let changed = false;
  const nodes = g.nodes.map((node) => {
    const to = placed.get(node.id);
    if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
    changed = true;
    return { ...node, position: to };
  });
  return changed ? { ...g, nodes } : g;
}
