// Whole-graph validation: every problem at once, each pinned to a node or field where possible.
import { KIND_LABEL } from './defaults.ts';
import { MAX_EDGES, MAX_ID_LENGTH, MAX_NAME_LENGTH, MAX_NODES } from './limits.ts';
import { isPlainObject, validateProps } from './props.ts';
import { NODE_KINDS, type Graph, type GraphNode, type NodeKind, type Problem } from './types.ts';
import { isLegalPair, kindWithArticle, pairProblem, PARENT } from './wiring.ts';

export { validateProps } from './props.ts';

function checkId(id: unknown, what: string): string | null {
  if (typeof id !== 'string' || id === '') return `${what} needs an id (a non-empty string)`;
  if (id.length > MAX_ID_LENGTH) return `${what} has an id longer than ${MAX_ID_LENGTH} characters`;
  return null;
}

/**
 * Problems that make a graph untrustworthy as a document: bad ids, bad props, edges that break
 * the tree. A graph without these can be stored, edited and exported, even if it cannot run yet.
 */
export function structuralProblems(g: Graph): Problem[] {
  const problems: Problem[] = [];
  if (typeof g.name !== 'string' || g.name.length > MAX_NAME_LENGTH) {
    problems.push({ field: 'name', message: `The flow's name must be text of at most ${MAX_NAME_LENGTH} characters` });
  }
  if (g.nodes.length > MAX_NODES) {
    problems.push({ message: `This flow has ${g.nodes.length} nodes; the limit is ${MAX_NODES}` });
  }
  if (g.edges.length > MAX_EDGES) {
    problems.push({ message: `This flow has ${g.edges.length} edges; the limit is ${MAX_EDGES}` });
  }

  const nodes = new Map<string, GraphNode>();
  g.nodes.forEach((node, index) => {
    const idProblem = checkId(node.id, `Node ${index + 1}`);
    if (idProblem) {
      problems.push({ message: idProblem });
      return;
    }
    if (nodes.has(node.id)) {
      problems.push({ nodeId: node.id, message: `Two nodes have the duplicate id "${node.id}"; ids must be unique` });
      return;
    }
    nodes.set(node.id, node);
    if (!(NODE_KINDS as readonly string[]).includes(node.kind)) {
      problems.push({ nodeId: node.id, field: 'kind', message: `Node "${node.id}" has an unknown kind "${String(node.kind)}"; use one of ${NODE_KINDS.join(', ')}` });
      return;
    }
    const p = node.position as { x?: unknown; y?: unknown } | undefined;
    if (!p || typeof p.x !== 'number' || typeof p.y !== 'number' || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      problems.push({ nodeId: node.id, field: 'position', message: `Node "${node.id}" needs a position with finite numbers x and y` });
    }
    for (const problem of validateProps(node.kind, node.props)) {
      problems.push({ nodeId: node.id, ...problem });
    }
  });

  const edgeIds = new Set<string>();
  const pairs = new Set<string>();
  const parents = new Map<string, string[]>();
  g.edges.forEach((edge, index) => {
    const idProblem = checkId(edge.id, `Edge ${index + 1}`);
    if (idProblem) {
      problems.push({ message: idProblem });
      return;
    }
    if (edgeIds.has(edge.id)) {
      problems.push({ message: `Two edges have the duplicate id "${edge.id}"; ids must be unique` });
      return;
    }
    edgeIds.add(edge.id);
    const source = nodes.get(edge.source);
    const target = nodes.get(edge.target);
    if (!source || !target) {
      const missing = !source ? `starts at "${String(edge.source)}"` : `ends at "${String(edge.target)}"`;
      problems.push({ message: `Edge "${edge.id}" ${missing}, which is not a node of this flow (dangling edge)` });
      return;
    }
    if (edge.source === edge.target) {
      problems.push({ nodeId: source.id, message: `Edge "${edge.id}" wires "${source.id}" to itself; a node cannot be wired to itself` });
      return;
    }
    const pair = pairProblem(source.kind, target.kind);
    if (pair) {
      problems.push({ nodeId: source.id, message: `Edge "${edge.id}" (${source.id} → ${target.id}) is not allowed: ${pair}` });
      return;
    }
    const key = `${source.id}\u0000${target.id}`;
    if (pairs.has(key)) {
      problems.push({ nodeId: target.id, message: `Edge "${edge.id}" repeats the wire ${source.id} → ${target.id}; remove it` });
      return;
    }
    pairs.add(key);
    const list = parents.get(target.id) ?? [];
    list.push(source.id);
    parents.set(target.id, list);
  });

  for (const [childId, parentIds] of parents) {
    if (parentIds.length < 2) continue;
    const child = nodes.get(childId)!;
    const parentKind = PARENT[child.kind]!;
    problems.push({
      nodeId: childId,
      message: `${KIND_LABEL[child.kind]} "${childId}" has a second ${parentKind} (${parentIds.join(', ')}); ${kindWithArticle(child.kind)} has exactly one ${parentKind}, so keep one edge`,
    });
  }
  return problems;
}

/** Problems that stop a structurally sound graph from running: missing parents, dangling references. */
export function runProblems(g: Graph): Problem[] {
  const problems: Problem[] = [];
  if (g.nodes.length === 0) {
    return [{ message: 'This flow is empty; add a connection, a session and a sender or receiver' }];
  }
  const byId = new Map(g.nodes.map((n) => [n.id, n] as const));
  const parentOf = new Map<string, GraphNode>();
  for (const e of g.edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (source && target && isLegalPair(source.kind, target.kind)) parentOf.set(e.target, source);
  }
  for (const node of g.nodes) {
    // Nodes that are broken as data are reported by structuralProblems.
    if (!(NODE_KINDS as readonly string[]).includes(node.kind) || !isPlainObject(node.props)) continue;
    const parentKind = PARENT[node.kind as NodeKind];
    if (parentKind && !parentOf.has(node.id)) {
      problems.push({
        nodeId: node.id,
        message: `${KIND_LABEL[node.kind]} "${node.id}" is not wired to ${kindWithArticle(parentKind)}; wire one to it`,
      });
    }
    switch (node.kind) {
      case 'connection': {
        const { cbs } = node.props;
        if (isPlainObject(cbs) && cbs.token === undefined) {
          problems.push({ nodeId: node.id, field: 'cbs', message: `Connection "${node.id}" has a cbs setting without its token (the file was saved without secrets); enter the token` });
        }
        break;
      }
      case 'receiver': {
        const { address, dynamic } = node.props;
        if (dynamic !== true && (address === undefined || address === '')) {
          problems.push({ nodeId: node.id, field: 'address', message: `Receiver "${node.id}" needs an address to receive from, or dynamic turned on` });
        }
        break;
      }
      case 'transfer': {
        const { replyTo, to } = node.props;
        if (typeof replyTo === 'string' && replyTo.startsWith('@') && replyTo.length > 1) {
          const ref = replyTo.slice(1);
          const target = byId.get(ref);
          if (!target) {
            problems.push({ nodeId: node.id, field: 'replyTo', message: `replyTo "${replyTo}" points at "${ref}", which is not a node of this flow; use "@" and a receiver's id` });
          } else if (target.kind !== 'receiver') {
            problems.push({ nodeId: node.id, field: 'replyTo', message: `replyTo "${replyTo}" points at ${kindWithArticle(target.kind)}; it must point at a receiver` });
          }
        }
        const sender = parentOf.get(node.id);
        if (sender?.kind === 'sender' && isPlainObject(sender.props) && !sender.props.address && !to) {
          problems.push({ nodeId: node.id, field: 'to', message: `Transfer "${node.id}" has nowhere to go: set its "to", or the address of sender "${sender.id}"` });
        }
        break;
      }
      default:
        break;
    }
  }
  return problems;
}

/** Graphs are immutable snapshots, so each one is validated once; callers get their own array. */
const validated = new WeakMap<Graph, readonly Problem[]>();

/** Every problem at once, in plain words. Empty = runnable. */
export function validateGraph(g: Graph): Problem[] {
  let problems = validated.get(g);
  if (!problems) {
    problems = [...structuralProblems(g), ...runProblems(g)];
    validated.set(g, problems);
  }
  return [...problems];
}
