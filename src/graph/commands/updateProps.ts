// Command: replace one node's props object (the Inspector's edit).
import { deepEqual } from '../equal.ts';
import type { Graph, GraphNode, NodeKind, PropsByKind } from '../types.ts';

export interface UpdatePropsArgs<K extends NodeKind = NodeKind> {
  id: string;
  props: PropsByKind[K];
}

/** Unknown ids and props equal to the current ones leave the graph unchanged. */
export function updateProps(g: Graph, args: UpdatePropsArgs): Graph {
  const index = g.nodes.findIndex((n) => n.id === args.id);
  if (index < 0) return g;
  const node = g.nodes[index]!;
  if (typeof args.props !== 'object' || args.props === null || deepEqual(node.props, args.props)) return g;
  const nodes = [...g.nodes];
  nodes[index] = { ...node, props: { ...args.props } } as GraphNode;
  return { ...g, nodes };
}
