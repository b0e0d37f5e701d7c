// Command: replace the whole document in one step (import, template).
import { deepEqual } from '../equal.ts';
import type { Graph } from '../types.ts';

export interface ReplaceGraphArgs {
  graph: Graph;
}

/** The caller validates first (parseGraphFile, TEMPLATES); an equal graph records nothing. */
export function replaceGraph(g: Graph, args: ReplaceGraphArgs): Graph {
  if (args.graph === g || deepEqual(args.graph, g)) return g;
  return args.graph;
}
