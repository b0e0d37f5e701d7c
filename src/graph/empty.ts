// The document a new editor starts with.
import { GRAPH_FORMAT, GRAPH_VERSION, type Graph } from './types.ts';

export const EMPTY_GRAPH: Graph = Object.freeze({
  format: GRAPH_FORMAT,
  version: GRAPH_VERSION,
  name: 'Untitled flow',
  nodes: Object.freeze([]) as unknown as Graph['nodes'],
  edges: Object.freeze([]) as unknown as Graph['edges'],
});
