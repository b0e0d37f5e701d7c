// Command: move nodes to new positions (a whole drag is one call).
import type { Graph, Position } from '../types.ts';

export interface MoveNodesArgs {
  moves: readonly { id: string; position: Position }[];
}

/** Unknown ids and non-finite positions are ignored; nodes that do not move keep their object. */
export function moveNodes(g: Graph, args: MoveNodesArgs): Graph {
  const targets = new Map<string, Position>();
  for (const { id, position } of args.moves) {
    if (Number.isFinite(position?.x) && Number.isFinite(position?.y)) targets.set(id, position);
  }
  let changed = false;
  const nodes = g.nodes.map((node) => {
    const to = targets.get(node.id);
    if (!to || (to.x === node.position.x && to.y === node.position.y)) return node;
    changed = true;
    return { ...node, position: { x: to.x, y: to.y } };
  });
  return changed ? { ...g, nodes } : g;
}
