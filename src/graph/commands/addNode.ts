// Command: add one node of a kind at a position.
import { nextId } from '../ids.ts';
import { NODE_KINDS, type Graph, type GraphNode, type NodeKind, type Position, type PropsByKind } from '../types.ts';

export interface AddNodeArgs<K extends NodeKind = NodeKind> {
  kind: K;
  position: Position;
  props?: PropsByKind[K];
  /** Kept as given when free; an id already in use leaves the graph unchanged. */
  id?: string;
}

export function addNode<K extends NodeKind>(g: Graph, args: AddNodeArgs<K>): Graph {
  if (!(NODE_KINDS as readonly string[]).includes(args.kind)) return g;
  if (!Number.isFinite(args.position?.x) || !Number.isFinite(args.position?.y)) return g;
  if (args.id !== undefined && (args.id === '' || g.nodes.some((n) => n.id === args.id) || g.edges.some((e) => e.id === args.id))) return g;
  const node = {
    id: args.id ?? nextId(g, args.kind),
    kind: args.kind,
    position: { x: args.position.x, y: args.position.y },
    props: { ...(args.props ?? {}) },
  } as GraphNode;
  return { ...g, nodes: [...g.nodes, node] };
}
