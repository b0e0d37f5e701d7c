// Command: paste copied nodes with fresh ids, keeping the edges between them.
import { EDGE_ID_PREFIX, ID_PREFIX, nextIdWithPrefix, takenIds } from '../ids.ts';
import { isPlainObject } from '../props.ts';
import { NODE_KINDS, type Graph, type GraphEdge, type GraphNode, type Position } from '../types.ts';
import { canWire } from '../wiring.ts';

export interface PasteElementsArgs {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  /** Added to every pasted position, so a paste does not cover the original. */
  offset: Position;
}

export interface PasteResult {
  graph: Graph;
  /** Ids of the pasted nodes, in the order given. */
  newIds: string[];
  newEdgeIds: string[];
  /** Copied id → pasted id. */
  idMap: Record<string, string>;
}

/**
 * Only edges with both ends among the pasted nodes come along (and only if the wiring rules allow
 * them). A transfer's `replyTo: "@rx1"` follows the receiver when that receiver is pasted too.
 */
export function pasteElements(g: Graph, args: PasteElementsArgs): PasteResult {
  const dx = Number.isFinite(args.offset?.x) ? args.offset.x : 0;
  const dy = Number.isFinite(args.offset?.y) ? args.offset.y : 0;
  const taken = takenIds(g);
  const idMap = new Map<string, string>();
  const pasted: GraphNode[] = [];
  for (const node of args.nodes) {
    if (!(NODE_KINDS as readonly string[]).includes(node.kind) || idMap.has(node.id)) continue;
    if (!Number.isFinite(node.position?.x) || !Number.isFinite(node.position?.y)) continue;
    const id = nextIdWithPrefix(ID_PREFIX[node.kind], taken);
    taken.add(id);
    idMap.set(node.id, id);
    const props = isPlainObject(node.props) ? { ...node.props } : {};
    pasted.push({ ...node, id, position: { x: node.position.x + dx, y: node.position.y + dy }, props } as GraphNode);
  }
  if (pasted.length === 0) return { graph: g, newIds: [], newEdgeIds: [], idMap: {} };
  for (const node of pasted) {
    if (node.kind !== 'transfer') continue;
    const replyTo = node.props.replyTo;
    const ref = typeof replyTo === 'string' && replyTo.startsWith('@') ? idMap.get(replyTo.slice(1)) : undefined;
    if (ref) node.props = { ...node.props, replyTo: `@${ref}` };
  }
  let graph: Graph = { ...g, nodes: [...g.nodes, ...pasted] };
  const newEdgeIds: string[] = [];
  for (const edge of args.edges) {
    const source = idMap.get(edge.source);
    const target = idMap.get(edge.target);
    if (!source || !target || canWire(graph, source, target)) continue;
    const id = nextIdWithPrefix(EDGE_ID_PREFIX, taken);
    taken.add(id);
    newEdgeIds.push(id);
    graph = { ...graph, edges: [...graph.edges, { id, source, target }] };
  }
  return { graph, newIds: pasted.map((n) => n.id), newEdgeIds, idMap: Object.fromEntries(idMap) };
}
