// Command: remove nodes and edges; a removed node takes its edges with it.
import type { Graph } from '../types.ts';

export interface RemoveElementsArgs {
  nodeIds?: readonly string[];
  edgeIds?: readonly string[];
}

export function removeElements(g: Graph, args: RemoveElementsArgs): Graph {
  const nodeIds = new Set(args.nodeIds ?? []);
  const edgeIds = new Set(args.edgeIds ?? []);
  const nodes = g.nodes.filter((n) => !nodeIds.has(n.id));
  const edges = g.edges.filter((e) => !edgeIds.has(e.id) && !nodeIds.has(e.source) && !nodeIds.has(e.target));
  if (nodes.length === g.nodes.length && edges.length === g.edges.length) return g;
  return {
    ...g,
    nodes: nodes.length === g.nodes.length ? g.nodes : nodes,
    edges: edges.length === g.edges.length ? g.edges : edges,
  };
}
