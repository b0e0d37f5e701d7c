// What every template is built from: a Template record and makeGraph, which lays nodes out in
// their kind's column, left → right.
import { COLUMN_STEP, ROW_STEP } from '../cardSize.ts';
import { GRAPH_FORMAT, GRAPH_VERSION, type Graph, type GraphEdge, type GraphNode, type NodeKind, type PropsByKind } from '../types.ts';

export interface Template {
  id: string;
  name: string;
  description: string;
  graph: () => Graph;
}

// Columns and rows leave room for the largest live card (cardSize.ts) and an edge label between columns.
const COLUMN: Record<NodeKind, number> = { connection: 0, session: COLUMN_STEP, sender: 2 * COLUMN_STEP, receiver: 2 * COLUMN_STEP, transfer: 3 * COLUMN_STEP };
const ROW = ROW_STEP;

type Spec = { [K in NodeKind]: [id: string, kind: K, row: number, props?: PropsByKind[K]] }[NodeKind];

/** Nodes placed in their kind's column; edges numbered e1, e2 … in the order given. */
export function makeGraph(name: string, specs: Spec[], wires: [string, string][]): Graph {
  const nodes = specs.map(([id, kind, row, props]) => ({ id, kind, position: { x: COLUMN[kind], y: row * ROW }, props: { ...(props ?? {}) } }) as GraphNode);
  const edges = wires.map(([source, target], i): GraphEdge => ({ id: `e${i + 1}`, source, target }));
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, name, nodes, edges };
}

