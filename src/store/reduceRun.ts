// The live run state as pure data: what each node is doing, the capped event log and frame trace.
// Every function here is pure and replaces only what changed, so untouched nodes keep their reference.
// (Just over 300 lines: the node, log and frame reducers share one state type; the capped append is in cappedList.ts.)
import { lifecycleOf, type EngineEvent, type ErrorDetail, type FrameRecord, type Outcome, type OutcomeCounts } from '../engine/events.ts';
import { childAfterParent, stateAfterEvent, transition, type NodeState } from '../engine/nodeState.ts';
import type { Graph, NodeKind } from '../graph/types.ts';
import { appendCapped } from './cappedList.ts';

export type { NodeState } from '../engine/nodeState.ts';

export interface NodeCounts extends OutcomeCounts {
  queued: number;
  sent: number;
  received: number;
  settled: number;
}

/** A delivery a manual receiver holds, waiting for Accept / Reject / Release / Modify. */
export interface UnsettledDelivery {
  deliveryId: number;
  summary: string;
}

export interface NodeLive {
  state: NodeState;
  errorDetail?: ErrorDetail;
  /** sender / receiver: current link credit */
  credit: number;
  /** sender: transfers waiting for credit; transfer: attempts not yet sent */
  queued: number;
  deliveryCount: number;
  counts: NodeCounts;
  lastOutcome?: Outcome;
  address?: string;
  /** transfer: the outcomes of the most recent attempts, oldest first (at most RECENT_OUTCOMES) */
  recentOutcomes?: readonly Outcome[];
  /** receiver with autoAccept false: deliveries received and not yet settled */
  unsettled?: readonly UnsettledDelivery[];
}

/** How a receiver was configured for this run (from its props when the run started). */
export interface ReceiverMode {
  /** creditWindow 0: credit is granted by hand */
  manual: boolean;
  autoAccept: boolean;
}

export interface RunState {
  /** the graph this run started with; null before any run */
  graph: Graph | null;
  nodes: Readonly<Record<string, NodeLive>>;
  /** child → parent, from the graph the run started with */
  parentOf: Readonly<Record<string, string>>;
  kindOf: Readonly<Record<string, NodeKind>>;
  receivers: Readonly<Record<string, ReceiverMode>>;
  /** the newest engine events, at most LOG_CAP */
  events: readonly EngineEvent[];
  /** events ever received in this run (events.length + dropped) */
  eventTotal: number;
  eventsDropped: number;
  frames: readonly FrameRecord[];
  frameTotal: number;
  framesDropped: number;
}

export const LOG_CAP = 100_000;
export const FRAME_CAP = 50_000;
export const RECENT_OUTCOMES = 24;
const UNSETTLED_CAP = 500;

const ZERO_COUNTS: NodeCounts = Object.freeze({
  queued: 0, sent: 0, accepted: 0, rejected: 0, released: 0, modified: 0, presettled: 0, lost: 0, unsent: 0, received: 0, settled: 0,
});

/** What every node shows before (and without) a run; one shared frozen object. */
export const IDLE_NODE: NodeLive = Object.freeze({ state: 'idle', credit: 0, queued: 0, deliveryCount: 0, counts: ZERO_COUNTS });

export const EMPTY_RUN: RunState = Object.freeze({
  graph: null,
  nodes: Object.freeze({}),
  parentOf: Object.freeze({}),
  kindOf: Object.freeze({}),
  receivers: Object.freeze({}),
  events: Object.freeze([]) as readonly EngineEvent[],
  eventTotal: 0,
  eventsDropped: 0,
  frames: Object.freeze([]) as readonly FrameRecord[],
  frameTotal: 0,
  framesDropped: 0,
});

/** The state at the moment a run starts: connections are opening, everything else waits for its parent. */
export function startRunState(graph: Graph): RunState {
  const parentOf: Record<string, string> = {};
  for (const e of graph.edges) parentOf[e.target] = e.source;
  const kindOf: Record<string, NodeKind> = {};
  const receivers: Record<string, ReceiverMode> = {};
  const nodes: Record<string, NodeLive> = {};
  for (const n of graph.nodes) {
    kindOf[n.id] = n.kind;
    if (n.kind === 'receiver') {
      receivers[n.id] = { manual: (n.props.creditWindow ?? 1) === 0, autoAccept: n.props.autoAccept ?? true };
    }
    if (n.kind === 'connection') nodes[n.id] = { ...IDLE_NODE, state: 'opening' };
  }
  return { ...EMPTY_RUN, graph, nodes, parentOf, kindOf, receivers };
}

/** Stop was pressed: every node that is still alive is now closing. */
export function closingRunState(s: RunState): RunState {
  let nodes: Record<string, NodeLive> | null = null;
  for (const [id, n] of Object.entries(s.nodes)) {
    if (n.state === 'open' || n.state === 'opening') {
      nodes ??= { ...s.nodes };
      nodes[id] = { ...n, state: transition(n.state, 'close') };
    }
  }
  return nodes ? { ...s, nodes } : s;
}

/** A working copy of the node map: copied on the first write, each touched node copied once. */
class NodeDraft {
  private next: Record<string, NodeLive> | null = null;
  private touched = new Set<string>();
  /** nodes whose recentOutcomes array this reduction already copied */
  private ownRecent = new Set<string>();
  constructor(private readonly base: Readonly<Record<string, NodeLive>>) {}
  get(id: string): NodeLive {
    return (this.next ?? this.base)[id] ?? IDLE_NODE;
  }
  /** A mutable copy of this node, private to this reduction. */
  edit(id: string): NodeLive & { counts: NodeCounts } {
    this.next ??= { ...this.base };
    const current = this.next[id] ?? IDLE_NODE;
    if (!this.touched.has(id)) {
      this.touched.add(id);
      this.next[id] = { ...current, counts: { ...current.counts } };
    }
    return this.next[id] as NodeLive & { counts: NodeCounts };
  }
  /** This node's recent outcomes as an array private to this reduction (copied once, then changed in place). */
  recentOutcomes(id: string): Outcome[] {
    const n = this.edit(id);
    if (!this.ownRecent.has(id)) {
      this.ownRecent.add(id);
      n.recentOutcomes = [...(n.recentOutcomes ?? [])];
    }
    return n.recentOutcomes as Outcome[];
  }
  result() {
    return this.next ?? this.base;
  }
}

/** The parent's move reaches its children as the node-state machine says (children of an open node begin). */
function cascade(d: NodeDraft, s: RunState, parent: string, state: NodeState) {
  for (const [child, p] of Object.entries(s.parentOf)) {
    if (p !== parent) continue;
    const kind = s.kindOf[child];
    if (!kind) continue;
    const current = d.get(child).state;
    const next = childAfterParent(current, kind, state);
    if (next !== current) d.edit(child).state = next;
  }
}

/** The connection a node is under (a few parent steps at most). */
function connectionOf(s: RunState, id: string): string | undefined {
  let at: string | undefined = id;
  for (let i = 0; at && i < 4; i++) {
    if (s.kindOf[at] === 'connection') return at;
    at = s.parentOf[at];
  }
  return undefined;
}
/** Bytes as the engine reports them (data sections, binary values): text when UTF-8, else hex. */
const isBodyBytes = (v: unknown): v is { length: number; hex: string; utf8?: string } =>
  typeof v === 'object' && v !== null && typeof (v as { base64?: unknown }).base64 === 'string' && typeof (v as { hex?: unknown }).hex === 'string';

function summarise(body: unknown): string {
  let text: string;
  if (typeof body === 'string') text = body;
  else if (isBodyBytes(body)) text = body.utf8 !== undefined ? `${body.utf8} (${body.length} bytes)` : `0x${body.hex} (${body.length} bytes)`;
  else {
    try {
      text = JSON.stringify(body) ?? String(body);
    } catch {
      text = String(body);
    }
  }
  return text.length > 60 ? `${text.slice(0, 57)}…` : text;
}

function applyEvent(d: NodeDraft, s: RunState, e: EngineEvent) {
  const id = e.node;
  switch (e.event) {
    case 'CONNECTION_OPEN':
    case 'SESSION_OPEN':
    case 'SENDER_OPEN':
    case 'RECEIVER_OPEN':
    case 'CONNECTION_CLOSED':
    case 'SESSION_CLOSED':
    case 'SENDER_CLOSED':
    case 'RECEIVER_CLOSED':
    case 'CONNECTION_ERROR':
    case 'SESSION_ERROR':
    case 'SENDER_ERROR':
    case 'RECEIVER_ERROR': {
      const from = d.get(id).state;
      const next = stateAfterEvent(from, e) ?? from;
      if (next !== from) d.edit(id).state = next;
      const n = d.edit(id);
      if (next === 'open') delete n.errorDetail;
      else if (e.errorDetail) n.errorDetail = e.errorDetail;
      if ('address' in e && next === 'open') n.address = e.address;
      if (e.event === 'CONNECTION_ERROR' && e.reconnecting) {
        // an outage it is reconnecting from: everything under the connection opens again with it
        for (const child of Object.keys(s.parentOf)) {
          if (child === id || connectionOf(s, child) !== id) continue;
          const current = d.get(child).state;
          const after = transition(current, 'reconnect');
          if (after !== current) d.edit(child).state = after;
        }
        return;
      }
      // transfers follow the phase of their sender's event (closed, even when the close carries a reason)
      const phase = lifecycleOf(e.event)?.phase;
      if (phase) cascade(d, s, id, phase);
      return;
    }
    case 'CREDIT': {
      const cur = d.get(id);
      if (cur.credit === e.credit && cur.deliveryCount === e.deliveryCount && cur.queued === e.queued) return;
      const n = d.edit(id);
      n.credit = e.credit;
      n.deliveryCount = e.deliveryCount;
      n.queued = e.queued;
      return;
    }
    case 'TRANSFER_QUEUED': {
      const n = d.edit(id);
      n.counts.queued += 1;
      n.queued += 1;
      const sender = s.parentOf[id];
      if (sender) d.edit(sender).counts.queued += 1;
      return;
    }
    case 'TRANSFER_SENT': {
      const n = d.edit(id);
      n.counts.sent += 1;
      n.queued = Math.max(0, n.queued - 1);
      const sender = s.parentOf[id];
      if (sender) d.edit(sender).counts.sent += 1;
      return;
    }
    case 'TRANSFER_SETTLED': {
      const n = d.edit(id);
      n.counts[e.outcome] += 1;
      n.lastOutcome = e.outcome;
      if (e.outcome === 'unsent') n.queued = Math.max(0, n.queued - 1);
      const recent = d.recentOutcomes(id);
      if (recent.length >= RECENT_OUTCOMES) recent.shift();
      recent.push(e.outcome);
      if (e.errorDetail) n.errorDetail = e.errorDetail;
      const sender = s.parentOf[id];
      if (sender) {
        const sn = d.edit(sender);
        sn.counts[e.outcome] += 1;
        sn.lastOutcome = e.outcome;
      }
      return;
    }
    case 'MESSAGE_RECEIVED': {
      const n = d.edit(id);
      n.counts.received += 1;
      const mode = s.receivers[id];
      if (mode && !mode.autoAccept) {
        const list = n.unsettled ?? [];
        if (list.length < UNSETTLED_CAP) n.unsettled = [...list, { deliveryId: e.deliveryId, summary: summarise(e.body) }];
      }
      return;
    }
    case 'MESSAGE_SETTLED': {
      const n = d.edit(id);
      n.counts.settled += 1;
      n.lastOutcome = e.outcome;
      if (n.unsettled?.some((u) => u.deliveryId === e.deliveryId)) {
        n.unsettled = n.unsettled.filter((u) => u.deliveryId !== e.deliveryId);
      }
      return;
    }
    case 'CBS_TOKEN':
      // The token's answer shows in the event log; the connection's state follows its own events.
      return;
    case 'FAULT':
      // An injected fault shows in the event log and on the credit charts; what it causes follows as its own events.
      return;
    default: {
      const never: never = e;
      void never;
    }
  }
}

/** Fold a batch of engine events into the run state. Pure: `s` is never modified. */
export function reduceRun(s: RunState, events: readonly EngineEvent[]): RunState {
  if (events.length === 0) return s;
  const d = new NodeDraft(s.nodes);
  for (const e of events) applyEvent(d, s, e);
  const { list, dropped } = appendCapped(s.events, events, LOG_CAP);
  return {
    ...s,
    nodes: d.result(),
    events: list,
    eventTotal: s.eventTotal + events.length,
    eventsDropped: s.eventsDropped + dropped,
  };
}

/** Append a batch of decoded frames to the trace. Pure. */
export function reduceFrames(s: RunState, frames: readonly FrameRecord[]): RunState {
  if (frames.length === 0) return s;
  const { list, dropped } = appendCapped(s.frames, frames, FRAME_CAP);
  return { ...s, frames: list, frameTotal: s.frameTotal + frames.length, framesDropped: s.framesDropped + dropped };
}

export { isOpenEvent, isClosedEvent, isErrorEvent } from '../engine/events.ts';
