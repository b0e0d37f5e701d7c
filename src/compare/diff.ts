// Comparing two runs of the same flow (one per broker): outcomes per transfer, messages per receiver,
// errors per node, and the performative sequence per connection. Pure functions, no engine or page.
import { OUTCOMES, type EngineEvent, type FrameRecord, type OutcomeCounts } from '../engine/events.ts';
import type { Graph } from '../graph/types.ts';

/** What one run produced, as collected from the engine. */
export interface RunCapture {
  /** the broker URL the run used */
  url: string;
  events: readonly EngineEvent[];
  frames: readonly FrameRecord[];
}

export interface RunFacts {
  /** transfer node → outcome → count */
  outcomes: Record<string, Partial<OutcomeCounts>>;
  /** receiver node → messages received */
  received: Record<string, number>;
  /** node → the error conditions it met, in order, without repeats */
  errors: Record<string, string[]>;
  /**
   * connection node → its performatives per direction, in the order each first appeared ("out open",
   * "out begin", …, then "in open", …), heartbeats left out. Only first appearances are lined up: the
   * interleaving of the two directions and how often a frame repeats (dispositions batched, flow updates)
   * change from run to run on the same broker.
   */
  performatives: Record<string, string[]>;
  /** connection node → line → how many frames */
  frameCounts: Record<string, Record<string, number>>;
}

/** Reduces a run to the facts that are compared. */
export function factsOf(graph: Graph, run: RunCapture): RunFacts {
  const facts: RunFacts = { outcomes: {}, received: {}, errors: {}, performatives: {}, frameCounts: {} };
  for (const n of graph.nodes) {
    if (n.kind === 'transfer') facts.outcomes[n.id] = {};
    if (n.kind === 'receiver') facts.received[n.id] = 0;
    if (n.kind === 'connection') {
      facts.performatives[n.id] = [];
      facts.frameCounts[n.id] = {};
    }
  }
  for (const e of run.events) {
    if (e.event === 'TRANSFER_SETTLED') {
      const counts = (facts.outcomes[e.node] ??= {});
      counts[e.outcome] = (counts[e.outcome] ?? 0) + 1;
    } else if (e.event === 'MESSAGE_RECEIVED') {
      facts.received[e.node] = (facts.received[e.node] ?? 0) + 1;
    }
    if (e.errorDetail) {
      const list = (facts.errors[e.node] ??= []);
      if (!list.includes(e.errorDetail.condition)) list.push(e.errorDetail.condition);
    }
  }
  for (const dir of ['out', 'in'] as const) {
    for (const f of run.frames) {
      if (f.dir !== dir || f.performative === 'heartbeat') continue;
      const line = `${dir} ${f.performative}`;
      const counts = (facts.frameCounts[f.connection] ??= {});
      if (!counts[line]) (facts.performatives[f.connection] ??= []).push(line);
      counts[line] = (counts[line] ?? 0) + 1;
    }
  }
  return facts;
}

export type RowStatus = 'same' | 'different' | 'missing';

export interface CompareRow {
  section: 'outcomes' | 'received' | 'errors';
  node: string;
  a: string;
  b: string;
  status: RowStatus;
}

export interface FrameLine {
  a: string | null;
  b: string | null;
  /** how many frames of that line each run had (shown, not compared) */
  countA?: number;
  countB?: number;
  /** missing: the line is in one run only */
  status: RowStatus;
}

export interface CompareResult {
  rows: CompareRow[];
  /** connection node → the two performative sequences lined up */
  frames: Record<string, FrameLine[]>;
  /** rows and frame lines that are not `same` */
  differences: number;
}

const outcomeText = (counts: Partial<OutcomeCounts> | undefined): string => {
  const parts = OUTCOMES.filter((o) => counts?.[o]).map((o) => `${counts![o]} ${o}`);
  return parts.length ? parts.join(', ') : 'none';
};

const keysOf = (...records: Record<string, unknown>[]) => [...new Set(records.flatMap((r) => Object.keys(r)))].sort();

/**
 * Lines up two sequences by their longest common subsequence. Lines only one side has, next to lines
 * only the other has, pair up as `different`; the rest are `missing` on one side.
 */
export function alignLines(a: readonly string[], b: readonly string[]): FrameLine[] {
  const n = a.length;
  const m = b.length;
  // lcs[i][j]: the common length of a[i…] and b[j…]
  const lcs: Uint32Array[] = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) lcs[i]![j] = a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  }
  const out: FrameLine[] = [];
  let onlyA: string[] = [];
  let onlyB: string[] = [];
  const flush = () => {
    const k = Math.max(onlyA.length, onlyB.length);
    for (let x = 0; x < k; x++) {
      const la = onlyA[x] ?? null;
      const lb = onlyB[x] ?? null;
      out.push({ a: la, b: lb, status: la !== null && lb !== null ? 'different' : 'missing' });
    }
    onlyA = [];
    onlyB = [];
  };
  let i = 0;
  let j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      flush();
      out.push({ a: a[i]!, b: b[j]!, status: 'same' });
      i++;
      j++;
    } else if (j >= m || (i < n && lcs[i + 1]![j]! >= lcs[i]![j + 1]!)) {
      onlyA.push(a[i++]!);
    } else {
      onlyB.push(b[j++]!);
    }
  }
  flush();
  return out;
}

/** The side-by-side comparison of two runs of `graph`. */
export function compareRuns(graph: Graph, a: RunCapture, b: RunCapture): CompareResult {
  const fa = factsOf(graph, a);
  const fb = factsOf(graph, b);
  const rows: CompareRow[] = [];
  const row = (section: CompareRow['section'], node: string, va: string, vb: string) =>
    rows.push({ section, node, a: va, b: vb, status: va === vb ? 'same' : 'different' });
  for (const id of keysOf(fa.outcomes, fb.outcomes)) row('outcomes', id, outcomeText(fa.outcomes[id]), outcomeText(fb.outcomes[id]));
  for (const id of keysOf(fa.received, fb.received)) row('received', id, String(fa.received[id] ?? 0), String(fb.received[id] ?? 0));
  for (const id of keysOf(fa.errors, fb.errors)) row('errors', id, fa.errors[id]?.join(', ') || 'none', fb.errors[id]?.join(', ') || 'none');
  const frames: Record<string, FrameLine[]> = {};
  for (const id of keysOf(fa.performatives, fb.performatives)) {
    frames[id] = alignLines(fa.performatives[id] ?? [], fb.performatives[id] ?? []).map((l) => ({
      ...l,
      ...(l.a !== null ? { countA: fa.frameCounts[id]?.[l.a] ?? 0 } : {}),
      ...(l.b !== null ? { countB: fb.frameCounts[id]?.[l.b] ?? 0 } : {}),
    }));
  }
  const differences = rows.filter((r) => r.status !== 'same').length + Object.values(frames).flat().filter((l) => l.status !== 'same').length;
  return { rows, frames, differences };
}
