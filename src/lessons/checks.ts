// The goal checker: measures read from the document and the run (engine events, frames, node states)
// and checks that compare them. Pure; the lesson store feeds it the stores' current state.
import type { Graph } from '../graph/types.ts';
import type { RunState } from '../store/reduceRun.ts';
import type { Check, Measure } from './lessonSchema.ts';

export interface LessonWorld {
  graph: Graph;
  run: RunState;
  status: 'idle' | 'running' | 'stopping';
  /** runs started since the lesson opened; the run state of an older run never counts */
  runs: number;
}

export type Measured = number | string | null;

/** Does `actual` contain everything in `expected`? Objects by key, everything else by value. */
export function contains(actual: unknown, expected: unknown): boolean {
  if (expected !== null && typeof expected === 'object' && !Array.isArray(expected)) {
    if (actual === null || typeof actual !== 'object') return false;
    return Object.entries(expected).every(([k, v]) => contains((actual as Record<string, unknown>)[k], v));
  }
  if (Array.isArray(expected)) {
    return Array.isArray(actual) && actual.length === expected.length && expected.every((v, i) => contains(actual[i], v));
  }
  return actual === expected;
}

function valueAtPath(value: unknown, path: string): unknown {
  let current = value;
  for (const key of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** The measured value, or null when the run has nothing to say yet (no run since the lesson opened). */
export function measure(m: Measure, w: LessonWorld): Measured {
  if (w.runs === 0) return null;
  const node = 'node' in m && m.node ? w.run.nodes[m.node] : undefined;
  switch (m.type) {
    case 'count':
      return node?.counts[m.counter] ?? 0;
    case 'credit':
      return node?.credit ?? 0;
    case 'deliveryCount':
      return node?.deliveryCount ?? 0;
    case 'state':
      return node?.state ?? 'idle';
    case 'lastOutcome':
      return node?.lastOutcome ?? null;
    case 'events':
      return w.run.events.filter(
        (e) =>
          e.event === m.event &&
          (m.node === undefined || e.node === m.node) &&
          (m.fields === undefined || contains(e, m.fields)) &&
          (m.has ?? []).every((path) => valueAtPath(e, path) !== undefined),
      ).length;
    case 'frames':
      return w.run.frames.filter(
        (f) =>
          f.performative === m.performative &&
          (m.dir === undefined || f.dir === m.dir) &&
          (m.connection === undefined || f.connection === m.connection) &&
          (m.fields === undefined || contains(f.fields, m.fields)),
      ).length;
    default: {
      const never: never = m;
      return never;
    }
  }
}

function compare(value: Measured, c: { equals?: number | string | boolean; min?: number; max?: number }, countDefault: boolean): boolean {
  if (value === null) return false;
  const noComparator = c.equals === undefined && c.min === undefined && c.max === undefined;
  if (noComparator) return countDefault ? typeof value === 'number' && value >= 1 : false;
  if (c.equals !== undefined && value !== c.equals) return false;
  if (c.min !== undefined && !(typeof value === 'number' && value >= c.min)) return false;
  if (c.max !== undefined && !(typeof value === 'number' && value <= c.max)) return false;
  return true;
}

/** Is `wanted` a subsequence of `seen` (in order, not necessarily next to each other)? */
function inOrder<T, W>(seen: readonly T[], wanted: readonly W[], same: (s: T, w: W) => boolean): boolean {
  let i = 0;
  for (const s of seen) {
    if (i < wanted.length && same(s, wanted[i]!)) i += 1;
  }
  return i === wanted.length;
}

export function checkMet(c: Check, w: LessonWorld): boolean {
  switch (c.type) {
    case 'node':
      return w.graph.nodes.some(
        (n) => (c.node === undefined || n.id === c.node) && (c.kind === undefined || n.kind === c.kind) && (c.props === undefined || contains(n.props, c.props)),
      );
    case 'noNode':
      return !w.graph.nodes.some((n) => n.id === c.node);
    case 'edge': {
      const kindOf = new Map(w.graph.nodes.map((n) => [n.id, n.kind]));
      return w.graph.edges.some(
        (e) =>
          (c.source === undefined || e.source === c.source) &&
          (c.target === undefined || e.target === c.target) &&
          (c.sourceKind === undefined || kindOf.get(e.source) === c.sourceKind) &&
          (c.targetKind === undefined || kindOf.get(e.target) === c.targetKind),
      );
    }
    case 'runs':
      return w.runs >= c.min;
    case 'status':
      return w.runs > 0 && w.status === c.status;
    case 'nodeState':
      return w.runs > 0 && (w.run.nodes[c.node]?.state ?? 'idle') === c.state;
    case 'count':
    case 'credit':
    case 'deliveryCount':
    case 'lastOutcome':
      return compare(measure(c, w), c, false);
    case 'events':
    case 'frames':
      return compare(measure(c, w), c, true);
    case 'eventOrder':
      return w.runs > 0 && inOrder(w.run.events, c.events, (e, want) => e.event === want.event && (want.node === undefined || e.node === want.node));
    case 'frameOrder':
      return w.runs > 0 && inOrder(w.run.frames, c.frames, (f, want) => f.performative === want.performative && (want.dir === undefined || f.dir === want.dir));
    default: {
      const never: never = c;
      return never;
    }
  }
}

export const allMet = (checks: readonly Check[], w: LessonWorld): boolean => checks.every((c) => checkMet(c, w));
