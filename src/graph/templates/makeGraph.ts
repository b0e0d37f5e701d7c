// What every template is built from: a Template record and makeGraph, which lays nodes out in
// their kind's column, left → right.
import { GRAPH_FORMAT, GRAPH_VERSION, type Graph, type GraphEdge, type GraphNode, type NodeKind, type PropsByKind } from '../types.ts';

export interface Template {
  id: string;
  name: string;
  description: string;
  graph: () => Graph;
}

const COLUMN: Record<NodeKind, number> = { connection: 0, session: 220, sender: 440, receiver: 440, transfer: 660 };
// Rows leave room for the live details a running sender or receiver grows (counts, credit controls).
const ROW = 230;

type Spec = { [K in NodeKind]: [id: string, kind: K, row: number, props?: PropsByKind[K]] }[NodeKind];

/** Nodes placed in their kind's column; edges numbered e1, e2 … in the order given. */
export function makeGraph(name: string, specs: Spec[], wires: [string, string][]): Graph {
  const nodes = specs.map(([id, kind, row, props]) => ({ id, kind, position: { x: COLUMN[kind], y: row * ROW }, props: { ...(props ?? {}) } }) as GraphNode);
  const edges = wires.map(([source, target], i): GraphEdge => ({ id: `e${i + 1}`, source, target }));
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, name, nodes, edges };
}

