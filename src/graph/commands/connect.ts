// Command: wire a parent to a child, if the wiring rules allow it.
import { nextEdgeId } from '../ids.ts';
import type { Graph } from '../types.ts';
import { canWire } from '../wiring.ts';

export interface ConnectArgs {
  source: string;
  target: string;
  /** Kept as given when free; an id already in use leaves the graph unchanged. */
  id?: string;
}

/** Returns `g` itself when canWire refuses; ask canWire for the reason. */
export function connect(g: Graph, args: ConnectArgs): Graph {
  if (canWire(g, args.source, args.target)) return g;
  if (args.id !== undefined && (args.id === '' || g.edges.some((e) => e.id === args.id) || g.nodes.some((n) => n.id === args.id))) return g;
  const edge = { id: args.id ?? nextEdgeId(g), source: args.source, target: args.target };
  return { ...g, edges: [...g.edges, edge] };
}
