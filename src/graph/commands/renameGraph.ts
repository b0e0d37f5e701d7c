// Command: rename the flow.
import { MAX_NAME_LENGTH } from '../limits.ts';
import type { Graph } from '../types.ts';

export interface RenameGraphArgs {
  name: string;
}

/** Surrounding spaces are trimmed; an empty or over-long name leaves the graph unchanged. */
export function renameGraph(g: Graph, args: RenameGraphArgs): Graph {
  if (typeof args.name !== 'string') return g;
  const name = args.name.trim();
  if (name === '' || name.length > MAX_NAME_LENGTH || name === g.name) return g;
  return { ...g, name };
}
