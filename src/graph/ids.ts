// Fresh, readable ids: c1, s1, tx1, rx1, t1 for nodes and e1 for edges, unique among every id in the graph.
import type { Graph, NodeKind } from './types.ts';

export const ID_PREFIX: Record<NodeKind, string> = {
  connection: 'c',
  session: 's',
  sender: 'tx',
  receiver: 'rx',
  transfer: 't',
};

export const EDGE_ID_PREFIX = 'e';

/** The prefix followed by one more than the highest number already used with it; never an id in `taken`. */
export function nextIdWithPrefix(prefix: string, taken: ReadonlySet<string>): string {
  const pattern = new RegExp(`^${prefix}(\\d+)$`);
  let highest = 0;
  for (const id of taken) {
    const match = pattern.exec(id);
    if (match) highest = Math.max(highest, Number(match[1]));
  }
  let n = highest + 1;
  while (taken.has(`${prefix}${n}`)) n += 1;
  return `${prefix}${n}`;
}

/** Node and edge ids together: a new id never repeats either. */
export function takenIds(g: Graph): Set<string> {
  const ids = new Set<string>();
  for (const n of g.nodes) ids.add(n.id);
  for (const e of g.edges) ids.add(e.id);
  return ids;
}

export function nextId(g: Graph, kind: NodeKind): string {
  return nextIdWithPrefix(ID_PREFIX[kind], takenIds(g));
}

export function nextEdgeId(g: Graph): string {
  return nextIdWithPrefix(EDGE_ID_PREFIX, takenIds(g));
}
