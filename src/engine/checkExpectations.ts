// Checks a run against its flow's expectations: pure, from the run's events alone, so the page,
// the CLI and the tests all get the same verdicts.
import type { CountExpectation, FlowExpectations, NodeExpectation } from '../graph/expectations.ts';
import type { Graph, GraphNode } from '../graph/types.ts';
import type { EngineEvent, FrameRecord } from './events.ts';

export interface CheckResult {
  /** the node the expectation is about; absent for the flow's own (time limit) */
  nodeId?: string;
  /** what was expected, in short: `t1 accepted = 5`, `rx1 state open`, `finishes within 5000 ms` */
  label: string;
  /** `skipped` when the expectations do not apply to this broker */
  status: 'met' | 'failed' | 'skipped';
  /** what happened, in words */
  message: string;
}

export interface CheckContext {
  /** ms since run start when the run reached its end by itself (all settled, receivers quiet); absent if it never did */
  finishedAt?: number;
  /** how many of the events came before the runner began stopping the flow: later ones do not count for `state` */
  eventsBeforeStop?: number;
  /** false when the broker is not the embedded one (then `embeddedOnly` expectations are skipped); default true */
  onEmbeddedBroker?: boolean;
}

const ERROR_EVENTS = new Set(['CONNECTION_ERROR', 'SESSION_ERROR', 'SENDER_ERROR', 'RECEIVER_ERROR']);
const OPEN_EVENTS = new Set(['CONNECTION_OPEN', 'SESSION_OPEN', 'SENDER_OPEN', 'RECEIVER_OPEN']);
const CLOSED_EVENTS = new Set(['CONNECTION_CLOSED', 'SESSION_CLOSED', 'SENDER_CLOSED', 'RECEIVER_CLOSED']);

function countText(c: CountExpectation): string {
  if (typeof c === 'number') return `= ${c}`;
  if (c.min !== undefined && c.max !== undefined) return `${c.min}…${c.max}`;
  return c.min !== undefined ? `≥ ${c.min}` : `≤ ${c.max ?? 0}`;
}

function countMet(c: CountExpectation, n: number): boolean {
  if (typeof c === 'number') return n === c;
  return (c.min === undefined || n >= c.min) && (c.max === undefined || n <= c.max);
}

/** The events that belong to one node, grouped once per check. */
function byNode(events: readonly EngineEvent[]): Map<string, EngineEvent[]> {
  const map = new Map<string, EngineEvent[]>();
  for (const e of events) {
    let list = map.get(e.node);
    if (!list) map.set(e.node, (list = []));
    list.push(e);
  }
  return map;
}

function finalState(all: readonly EngineEvent[], beforeStop: readonly EngineEvent[]): 'idle' | 'open' | 'closed' | 'error' {
  if (all.some((e) => ERROR_EVENTS.has(e.event))) return 'error';
  let state: 'idle' | 'open' | 'closed' | 'error' = 'idle';
  for (const e of beforeStop) {
    if (OPEN_EVENTS.has(e.event)) state = 'open';
    else if (CLOSED_EVENTS.has(e.event)) state = 'closed';
  }
  return state;
}

function checkNode(node: GraphNode, expect: NodeExpectation, events: Map<string, EngineEvent[]>, beforeStop: Map<string, EngineEvent[]>, graph: Graph): CheckResult[] {
  const id = node.id;
  const own = events.get(id) ?? [];
  const results: CheckResult[] = [];
  const add = (label: string, met: boolean, message: string) => results.push({ nodeId: id, label: `${id} ${label}`, status: met ? 'met' : 'failed', message });

  if (expect.outcomes) {
    const counts = new Map<string, number>();
    const tally = (list: readonly EngineEvent[]) => {
      for (const e of list) {
        if (e.event === 'TRANSFER_SETTLED' || e.event === 'MESSAGE_SETTLED') counts.set(e.outcome, (counts.get(e.outcome) ?? 0) + 1);
      }
    };
    tally(own);
    // a sender's outcomes are those of its transfers
    if (node.kind === 'sender') for (const edge of graph.edges) if (edge.source === id) tally(events.get(edge.target) ?? []);
    for (const [outcome, c] of Object.entries(expect.outcomes)) {
      if (c === undefined) continue;
      const n = counts.get(outcome) ?? 0;
      add(`${outcome} ${countText(c)}`, countMet(c, n), `${n} ${outcome}`);
    }
  }
  const received = own.filter((e) => e.event === 'MESSAGE_RECEIVED');
  if (expect.received !== undefined) {
    add(`received ${countText(expect.received)}`, countMet(expect.received, received.length), `${received.length} received`);
  }
  if (expect.bodies) {
    const got = received.map((e) => JSON.stringify(e.body ?? null));
    const want = expect.bodies.map((b) => JSON.stringify(b));
    const firstDiff = want.findIndex((w, i) => got[i] !== w);
    const met = firstDiff === -1 && got.length === want.length;
    const message = met
      ? `${got.length} bodies as expected`
      : firstDiff !== -1
        ? `message ${firstDiff + 1} was ${got[firstDiff] ?? 'never received'}, expected ${want[firstDiff]}`
        : `${got.length} messages, expected ${want.length}`;
    add(`bodies (${want.length})`, met, message);
  }
  if (expect.state) {
    const state = finalState(own, beforeStop.get(id) ?? []);
    add(`state ${expect.state}`, state === expect.state, state === 'idle' ? 'never opened' : `ended ${state}`);
  }
  if (expect.error !== undefined) {
    const errors = own.filter((e) => ERROR_EVENTS.has(e.event));
    const conditions = errors.map((e) => e.errorDetail?.condition ?? 'no condition');
    if (expect.error === false) add('no error', errors.length === 0, errors.length ? `failed with ${conditions.join(', ')}` : 'no error');
    else add(`error ${expect.error}`, conditions.includes(expect.error), errors.length ? `failed with ${conditions.join(', ')}` : 'no error');
  }
  return results;
}

/** One result per stated expectation, in the order of the file: flow first, then nodes. */
export function checkExpectations(graph: Graph, events: readonly EngineEvent[], ctx: CheckContext = {}): CheckResult[] {
  const expect: FlowExpectations | undefined = graph.expect;
  if (!expect) return [];
  const results: CheckResult[] = [];
  if (expect.timeLimitMs !== undefined) {
    const limit = expect.timeLimitMs;
    const at = ctx.finishedAt;
    results.push({
      label: `finishes within ${limit} ms`,
      status: at !== undefined && at <= limit ? 'met' : 'failed',
      message: at === undefined ? `did not finish within ${limit} ms` : `finished after ${at} ms`,
    });
  }
  const nodes = new Map(graph.nodes.map((n) => [n.id, n] as const));
  const grouped = byNode(events);
  const beforeStop = ctx.eventsBeforeStop === undefined ? grouped : byNode(events.slice(0, ctx.eventsBeforeStop));
  for (const [id, e] of Object.entries(expect.nodes ?? {})) {
    const node = nodes.get(id);
    if (!node) results.push({ nodeId: id, label: `${id}`, status: 'failed', message: `this flow has no node "${id}"; remove its expectations` });
    else results.push(...checkNode(node, e, grouped, beforeStop, graph));
  }
  if (expect.embeddedOnly !== undefined && ctx.onEmbeddedBroker === false) {
    return results.map((r) => ({ ...r, status: 'skipped', message: `embedded broker only: ${expect.embeddedOnly}` }));
  }
  return results;
}

/** The container-id the embedded broker announces in its open frame. */
export const EMBEDDED_CONTAINER_ID = 'amqp-flow-broker';

/** Whether the broker that answered is the embedded one: every `open` that came back says so. */
export function answeredByEmbeddedBroker(frames: readonly FrameRecord[]): boolean {
  return frames.filter((f) => f.dir === 'in' && f.performative === 'open').every((f) => f.fields.container_id === EMBEDDED_CONTAINER_ID);
}

/** True when nothing failed (skipped counts as passing). */
export const allMet = (results: readonly CheckResult[]): boolean => results.every((r) => r.status !== 'failed');
