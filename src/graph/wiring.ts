// Which node kinds may be wired to which (parent → child), and the questions the canvas asks about edges.
import { KIND_LABEL } from './defaults.ts';
import type { Graph, GraphNode, NodeKind, Problem } from './types.ts';

export const CHILDREN = {
  connection: ['session'],
  session: ['sender', 'receiver'],
  sender: ['transfer'],
  receiver: [],
  transfer: [],
} as const satisfies Record<NodeKind, readonly NodeKind[]>;

export const PARENT: Record<NodeKind, NodeKind | null> = {
  connection: null,
  session: 'connection',
  sender: 'session',
  receiver: 'session',
  transfer: 'sender',
};

/** "a sender", "an open…": the kind in running text. */
export function kindWithArticle(kind: NodeKind): string {
  const word = KIND_LABEL[kind].toLowerCase();
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}

export function isLegalPair(parent: NodeKind, child: NodeKind): boolean {
  return (CHILDREN[parent] as readonly NodeKind[]).includes(child);
}

/** "sessions", "senders and receivers". */
function pluralList(kinds: readonly NodeKind[]): string {
  return kinds.map((k) => `${KIND_LABEL[k].toLowerCase()}s`).join(' and ');
}

/** Why `source` cannot be the parent of `target`, in words a user can act on; null when it can. */
export function pairProblem(source: NodeKind, target: NodeKind): string | null {
  if (isLegalPair(source, target)) return null;
  const children = CHILDREN[source] as readonly NodeKind[];
  const first = children.length === 0
    ? `${cap(kindWithArticle(source))} cannot have children`
    : `${cap(kindWithArticle(source))} can only be wired to ${pluralList(children)}`;
  if (isLegalPair(target, source)) {
    return `${first}; edges go parent → child, so wire from the ${target} to the ${source}`;
  }
  return first;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

export function nodeById(g: Graph, id: string): GraphNode | undefined {
  return g.nodes.find((n) => n.id === id);
}

/** null = allowed; otherwise the reason the edge source → target is refused. */
export function canWire(g: Graph, sourceId: string, targetId: string): Problem | null {
  if (sourceId === targetId) return { nodeId: sourceId, message: 'A node cannot be wired to itself' };
  const source = nodeById(g, sourceId);
  if (!source) return { nodeId: sourceId, message: `There is no node "${sourceId}" in this flow` };
  const target = nodeById(g, targetId);
  if (!target) return { nodeId: targetId, message: `There is no node "${targetId}" in this flow` };
  if (g.edges.some((e) => e.source === sourceId && e.target === targetId)) {
    return { nodeId: targetId, message: `"${sourceId}" is already wired to "${targetId}"` };
  }
  if (reaches(g, targetId, sourceId)) {
    return { nodeId: targetId, message: `Wiring "${sourceId}" to "${targetId}" would make a cycle` };
  }
  const pair = pairProblem(source.kind, target.kind);
  if (pair) return { nodeId: sourceId, message: pair };
  const existing = parentOf(g, targetId);
  if (existing) {
    return {
      nodeId: targetId,
      message: `This ${target.kind} already has ${kindWithArticle(existing.kind)} (${existing.id}); remove that edge first`,
    };
  }
  return null;
}

/** True when following edges from `fromId` leads to `toId`. */
function reaches(g: Graph, fromId: string, toId: string): boolean {
  const seen = new Set<string>();
  const stack = [fromId];
  while (stack.length > 0) {
    const id = stack.pop()!;
    if (id === toId) return true;
    if (seen.has(id)) continue;
    seen.add(id);
    for (const e of g.edges) if (e.source === id) stack.push(e.target);
  }
  return false;
}

/** The node's parent: the source of the first edge into it whose source exists. */
export function parentOf(g: Graph, id: string): GraphNode | undefined {
  for (const e of g.edges) {
    if (e.target !== id) continue;
    const parent = nodeById(g, e.source);
    if (parent) return parent;
  }
  return undefined;
}

/** The node's children, in edge order. */
export function childrenOf(g: Graph, id: string): GraphNode[] {
  const children: GraphNode[] = [];
  for (const e of g.edges) {
    if (e.source !== id) continue;
    const child = nodeById(g, e.target);
    if (child && !children.includes(child)) children.push(child);
  }
  return children;
}
