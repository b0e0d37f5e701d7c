// The engine's entry point: runs a validated graph against real brokers and publishes events and frames.
import './nodeGlobals.ts'; // first: rhea needs Buffer and process before it loads
import type { Graph, GraphNode } from '../graph/types.ts';
import { childrenOf } from '../graph/wiring.ts';
import { isProgressEvent, type EngineEvent, type FrameRecord, type ReceiverOutcome } from './events.ts';
import type { Run, RunOptions, RunSummary, SettleOptions } from './run.ts';
import { ConnectionRunner } from './connectionRunner.ts';
import type { RunContext } from './runContext.ts';
import { isBusy, isTerminal, transition, type NodeState } from './nodeState.ts';
import { CreditCoalescer } from './credit.ts';
import { decodeUnit } from './frameDecoder.ts';
import { ReceiverDirectory } from './receiverDirectory.ts';
import { StepGate } from './stepGate.ts';
import { SummaryCounter } from './summary.ts';
import { FaultInjector } from './faultInjector.ts';
import { connectionOf } from '../graph/faults.ts';

export function runGraph(graph: Graph, opts: RunOptions): Run {
  const t0 = nowMs();
  const now = () => Math.round(nowMs() - t0);
  const listeners = new Set<(e: EngineEvent) => void>();
  const frameListeners = new Set<(f: FrameRecord) => void>();
  const states = new Map<string, NodeState>();
  const counter = new SummaryCounter();
  const runners: ConnectionRunner[] = [];
  let stopped = false;
  let resolveSettled!: (s: RunSummary) => void;
  const settled = new Promise<RunSummary>((r) => (resolveSettled = r));
  let settledDone = false;

  // Copies of the listener sets, made when they change rather than per event.
  let listenerList: ((e: EngineEvent) => void)[] = [];
  let frameListenerList: ((f: FrameRecord) => void)[] = [];

  const emit = (raw: EngineEvent) => {
    const e = faults.annotate(raw, connectionOfNode); // built below; emit runs only once the run starts
    counter.add(e);
    for (const l of listenerList) {
      try {
        l(e);
      } catch (err) {
        console.error('engine event listener failed', err);
      }
    }
    // These never end an attempt or change a node's state, so they cannot complete the run.
    if (isProgressEvent(e.event)) return;
    checkSettled();
  };

  const totalAttempts = () => {
    let n = 0;
    for (const r of runners) for (const t of r.transferRunners()) n += t.total;
    return n;
  };
  const busy = () => {
    for (const s of states.values()) if (isBusy(s)) return true;
    return false;
  };
  const checkSettled = () => {
    if (settledDone || runners.length === 0 && !stopped) return;
    if (counter.settledAttempts < totalAttempts()) return;
    if (stopped || !busy()) {
      settledDone = true;
      queueMicrotask(() => resolveSettled(counter.value()));
    }
  };

  const credit = new CreditCoalescer(
    (id) => {
      for (const r of runners) {
        const c = r.creditOf(id);
        if (c) return c;
      }
      return null;
    },
    (id, s) => emit({ at: now(), node: id, event: 'CREDIT', ...s }),
  );
  const heldListeners = new Set<(next: FrameRecord | null) => void>();
  const peekHeld = (): FrameRecord | null => {
    const h = gate.peek();
    return h ? { at: h.at, connection: h.connection, dir: 'out', ...withoutType(decodeUnit(h.bytes)) } : null;
  };
  const heldChanged = () => {
    if (!heldListeners.size) return;
    const next = gate.stepping ? peekHeld() : null;
    for (const l of [...heldListeners]) l(next);
  };
  const gate = new StepGate(!!opts.stepMode, heldChanged);
  let resolveEnded!: () => void;
  const ended = new Promise<void>((r) => (resolveEnded = r));
  let endedDone = false;
  const connectionIds = graph.nodes.filter((n) => n.kind === 'connection').map((n) => n.id);
  const checkEnded = () => {
    if (endedDone || !connectionIds.every((id) => isTerminal(states.get(id) ?? 'idle'))) return;
    endedDone = true;
    resolveEnded();
  };
  const receivers = new ReceiverDirectory();
  const children = (id: string): GraphNode[] => childrenOf(graph, id);

  const connectionOfNode = (id: string): string | undefined => connectionOf(graph, id)?.id;
  const faults = new FaultInjector(graph, {
    now,
    emit,
    connection: (id) => runners.find((r) => r.node.id === id),
    link: (id) => {
      for (const r of runners) {
        const l = r.tree.senders.get(id)?.link ?? r.tree.receivers.get(id)?.link;
        if (l) return l;
      }
      return undefined;
    },
    sessionChannel: (id) => {
      for (const r of runners) {
        const ssn = r.tree.sessions.get(id)?.ssn as unknown as { local?: { channel?: number } } | undefined;
        if (ssn?.local?.channel !== undefined) return ssn.local.channel;
      }
      return undefined;
    },
  });

  const ctx: RunContext = {
    opts,
    socketFor: (connection, url, protocols) => faults.socketFor(connection, opts.createWebSocket(url, protocols)),
    now,
    emit,
    tracing: () => !!opts.frames && frameListeners.size > 0,
    onUnit: (connection, dir, bytes) => {
      const d = decodeUnit(bytes);
      const f: FrameRecord = { at: now(), connection, dir, channel: d.channel, performative: d.performative, fields: d.fields };
      if (d.message) f.message = d.message;
      for (const l of frameListenerList) l(f);
    },
    gate,
    credit,
    receivers,
    childrenOf: children,
    move: (id, input) => {
      const s = transition(states.get(id) ?? 'idle', input);
      states.set(id, s);
      if (!isBusy(s)) queueMicrotask(checkSettled);
      if (isTerminal(s)) queueMicrotask(checkEnded);
      return s;
    },
    stateOf: (id) => states.get(id) ?? 'idle',
  };

  for (const n of graph.nodes) states.set(n.id, 'idle');
  for (const n of graph.nodes) if (n.kind === 'connection') runners.push(new ConnectionRunner(n, ctx));

  const runnerOf = (nodeId: string) => runners.find((r) => r.tree.has(nodeId));
  const receiverControl = (id: string) => {
    const c = runners.map((r) => r.receiverControl(id)).find(Boolean);
    if (!c) throw new Error(`"${id}" is not a receiver of this run`);
    return c;
  };

  // Start once the caller's synchronous code is done, so it can subscribe first (a microtask rather than
  // a timer: the connections open before the caller's view updates render, not after them).
  queueMicrotask(() => {
    if (stopped) return;
    for (const r of runners) r.start();
    checkSettled();
    checkEnded();
  });

  return {
    subscribe(listener) {
      listeners.add(listener);
      listenerList = [...listeners];
      return () => {
        const had = listeners.delete(listener);
        listenerList = [...listeners];
        return had;
      };
    },
    subscribeFrames(listener) {
      frameListeners.add(listener);
      frameListenerList = [...frameListeners];
      return () => {
        const had = frameListeners.delete(listener);
        frameListenerList = [...frameListeners];
        return had;
      };
    },
    async stop() {
      if (stopped) return settled.then(() => undefined);
      stopped = true;
      gate.setEnabled(false);
      await Promise.all(runners.map((r) => r.close()));
      endedDone = true; // connections that never started end with the run
      resolveEnded();
      receivers.closeAll();
      faults.dispose();
      credit.flush();
      credit.dispose();
      checkSettled();
      await settled;
    },
    step() {
      gate.step();
    },
    setStepMode(on) {
      gate.setEnabled(on);
      heldChanged();
    },
    peekHeld,
    subscribeHeld(listener) {
      heldListeners.add(listener);
      listener(gate.stepping ? peekHeld() : null);
      return () => {
        heldListeners.delete(listener);
      };
    },
    ended,
    addCredit(receiverNodeId: string, n: number) {
      receiverControl(receiverNodeId).addCredit(n);
    },
    drain(receiverNodeId: string) {
      receiverControl(receiverNodeId).drain();
    },
    settle(receiverNodeId: string, deliveryId: number, outcome: ReceiverOutcome, modified?: SettleOptions) {
      receiverControl(receiverNodeId).settle(deliveryId, outcome, modified);
    },
    async closeNode(nodeId: string) {
      const r = runnerOf(nodeId);
      if (!r) throw new Error(`"${nodeId}" is not a node of this run`);
      await r.closeNode(nodeId);
    },
    injectFault: (spec) => (stopped ? Promise.reject(new Error('the run has stopped')) : faults.inject(spec)),
    settled,
    summary: () => counter.value(),
  };
}

function withoutType<T extends { type?: number }>(f: T): Omit<T, 'type'> {
  const { type: _type, ...rest } = f;
  return rest;
}

function nowMs(): number {
  return typeof performance !== 'undefined' ? performance.now() : Date.now();
}
