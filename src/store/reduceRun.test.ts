import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../engine/events.ts';
import type { Graph, GraphNode } from '../graph/types.ts';
import {
  closingRunState,
  EMPTY_RUN,
  IDLE_NODE,
  LOG_CAP,
  reduceFrames,
  reduceRun,
  startRunState,
} from './reduceRun.ts';

/** connection c1 → session s1 → sender tx1 → transfer t1, plus receiver rx1 on s1. */
function makeGraph(opts: { autoAccept?: boolean; creditWindow?: number } = {}): Graph {
  const nodes: GraphNode[] = [
    { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: {} },
    { id: 's1', kind: 'session', position: { x: 0, y: 0 }, props: {} },
    { id: 'tx1', kind: 'sender', position: { x: 0, y: 0 }, props: { address: 'q1' } },
    { id: 't1', kind: 'transfer', position: { x: 0, y: 0 }, props: { count: 10 } },
    { id: 'rx1', kind: 'receiver', position: { x: 0, y: 0 },
      props: { address: 'q1', autoAccept: opts.autoAccept, creditWindow: opts.creditWindow } },
  ];
  return {
    format: 'amqp-flow', version: 1, name: 'test', nodes,
    edges: [
      { id: 'e1', source: 'c1', target: 's1' },
      { id: 'e2', source: 's1', target: 'tx1' },
      { id: 'e3', source: 'tx1', target: 't1' },
      { id: 'e4', source: 's1', target: 'rx1' },
    ],
  };
}

let at = 0;
type WithoutAt<E> = E extends EngineEvent ? Omit<E, 'at'> : never;
const ev = (e: WithoutAt<EngineEvent>): EngineEvent => ({ at: at++, ...e }) as EngineEvent;
const OPEN_ALL: EngineEvent[] = [
  ev({ node: 'c1', event: 'CONNECTION_OPEN', url: 'ws://x/amqp', containerId: 'c' }),
  ev({ node: 's1', event: 'SESSION_OPEN' }),
  ev({ node: 'tx1', event: 'SENDER_OPEN', address: 'q1' }),
  ev({ node: 'rx1', event: 'RECEIVER_OPEN', address: 'q1' }),
];

describe('reduceRun', () => {
  it('starts a run with connections opening and every other node idle', () => {
    const s = startRunState(makeGraph());
    expect(s.nodes.c1?.state).toBe('opening');
    expect(s.nodes.s1).toBeUndefined();
    expect(s.parentOf.t1).toBe('tx1');
  });

  it('opens a node on its *_OPEN event and puts its children into opening', () => {
    const s = reduceRun(startRunState(makeGraph()), OPEN_ALL.slice(0, 1));
    expect(s.nodes.c1?.state).toBe('open');
    expect(s.nodes.s1?.state).toBe('opening');
    expect(s.nodes.tx1).toBeUndefined();
  });

  it('shows a transfer in the same state as its sender', () => {
    const s = reduceRun(startRunState(makeGraph()), OPEN_ALL);
    expect(s.nodes.tx1?.state).toBe('open');
    expect(s.nodes.tx1?.address).toBe('q1');
    expect(s.nodes.t1?.state).toBe('open');
    const closed = reduceRun(s, [ev({ node: 'tx1', event: 'SENDER_CLOSED', address: 'q1' })]);
    expect(closed.nodes.t1?.state).toBe('closed');
  });

  it('counts queued, sent and settled transfers on the transfer and on its sender', () => {
    let s = reduceRun(startRunState(makeGraph()), OPEN_ALL);
    const batch: EngineEvent[] = [];
    for (let i = 1; i <= 10; i++) batch.push(ev({ node: 't1', event: 'TRANSFER_QUEUED', attempt: i }));
    batch.push(ev({ node: 'tx1', event: 'CREDIT', credit: 0, deliveryCount: 3, queued: 7 }));
    for (let i = 1; i <= 3; i++) batch.push(ev({ node: 't1', event: 'TRANSFER_SENT', attempt: i, deliveryId: i - 1 }));
    batch.push(ev({ node: 't1', event: 'TRANSFER_SETTLED', attempt: 1, outcome: 'accepted' }));
    batch.push(ev({ node: 't1', event: 'TRANSFER_SETTLED', attempt: 2, outcome: 'rejected' }));
    s = reduceRun(s, batch);
    expect(s.nodes.tx1).toMatchObject({ credit: 0, queued: 7, deliveryCount: 3 });
    expect(s.nodes.tx1?.counts).toMatchObject({ queued: 10, sent: 3, accepted: 1, rejected: 1 });
    expect(s.nodes.t1?.queued).toBe(7);
    expect(s.nodes.t1?.counts).toMatchObject({ queued: 10, sent: 3, accepted: 1, rejected: 1 });
    expect(s.nodes.t1?.recentOutcomes).toEqual(['accepted', 'rejected']);
    expect(s.nodes.t1?.lastOutcome).toBe('rejected');
  });

  it('keeps the reference of every node an event did not touch', () => {
    const s = reduceRun(startRunState(makeGraph()), OPEN_ALL);
    const next = reduceRun(s, [ev({ node: 'rx1', event: 'CREDIT', credit: 5, deliveryCount: 0, queued: 0 })]);
    expect(next.nodes.rx1).not.toBe(s.nodes.rx1);
    expect(next.nodes.tx1).toBe(s.nodes.tx1);
    expect(next.nodes.c1).toBe(s.nodes.c1);
    expect(next.nodes.t1).toBe(s.nodes.t1);
  });

  it('returns the same node when a credit event repeats what it already shows', () => {
    const s = reduceRun(startRunState(makeGraph()), [...OPEN_ALL, ev({ node: 'tx1', event: 'CREDIT', credit: 2, deliveryCount: 1, queued: 0 })]);
    const next = reduceRun(s, [ev({ node: 'tx1', event: 'CREDIT', credit: 2, deliveryCount: 1, queued: 0 })]);
    expect(next.nodes).toBe(s.nodes);
  });

  it('never modifies the state it is given', () => {
    const s = Object.freeze(reduceRun(startRunState(makeGraph()), OPEN_ALL));
    const nodesBefore = JSON.stringify(s.nodes);
    reduceRun(s, [ev({ node: 't1', event: 'TRANSFER_QUEUED', attempt: 1 }), ev({ node: 'c1', event: 'CONNECTION_ERROR', url: 'x' })]);
    expect(JSON.stringify(s.nodes)).toBe(nodesBefore);
    expect(IDLE_NODE.counts.queued).toBe(0);
  });

  it('keeps the broker condition and hint of an error, and a later close does not hide it', () => {
    const errorDetail = { condition: 'amqp:not-found', description: 'no such queue', hint: 'Check the address.' };
    let s = reduceRun(startRunState(makeGraph()), OPEN_ALL);
    s = reduceRun(s, [ev({ node: 'rx1', event: 'RECEIVER_ERROR', address: 'q1', errorDetail })]);
    s = reduceRun(s, [ev({ node: 'rx1', event: 'RECEIVER_CLOSED', address: 'q1' })]);
    expect(s.nodes.rx1?.state).toBe('error');
    expect(s.nodes.rx1?.errorDetail).toEqual(errorDetail);
  });

  it('lists the unsettled deliveries of a receiver that does not auto-accept until each is settled', () => {
    let s = reduceRun(startRunState(makeGraph({ autoAccept: false, creditWindow: 0 })), OPEN_ALL);
    expect(s.receivers.rx1).toEqual({ manual: true, autoAccept: false });
    s = reduceRun(s, [
      ev({ node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: 0, body: 'one', properties: {}, applicationProperties: {} }),
      ev({ node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: 1, body: { n: 2 }, properties: {}, applicationProperties: {} }),
    ]);
    expect(s.nodes.rx1?.unsettled).toEqual([{ deliveryId: 0, summary: 'one' }, { deliveryId: 1, summary: '{"n":2}' }]);
    s = reduceRun(s, [ev({ node: 'rx1', event: 'MESSAGE_SETTLED', deliveryId: 0, outcome: 'released' })]);
    expect(s.nodes.rx1?.unsettled).toEqual([{ deliveryId: 1, summary: '{"n":2}' }]);
    expect(s.nodes.rx1?.counts).toMatchObject({ received: 2, settled: 1 });
    expect(s.nodes.rx1?.lastOutcome).toBe('released');
  });

  it('does not list deliveries of an auto-accepting receiver', () => {
    const s = reduceRun(startRunState(makeGraph()), [
      ...OPEN_ALL,
      ev({ node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: 0, body: 'x', properties: {}, applicationProperties: {} }),
    ]);
    expect(s.nodes.rx1?.unsettled).toBeUndefined();
    expect(s.nodes.rx1?.counts.received).toBe(1);
  });

  it('caps the event log and counts what it dropped', () => {
    let s = startRunState(makeGraph());
    const batch: EngineEvent[] = [];
    for (let i = 0; i < LOG_CAP + 5; i++) batch.push(ev({ node: 'tx1', event: 'CREDIT', credit: i, deliveryCount: 0, queued: 0 }));
    s = reduceRun(s, batch.slice(0, 10));
    s = reduceRun(s, batch.slice(10));
    expect(s.events.length).toBe(LOG_CAP);
    expect(s.eventsDropped).toBe(5);
    expect(s.eventTotal).toBe(LOG_CAP + 5);
    expect(s.events[0]).toBe(batch[5]);
    expect(s.nodes.tx1?.credit).toBe(LOG_CAP + 4);
  });

  it('marks open and opening nodes as closing on stop and leaves closed and failed ones', () => {
    let s = reduceRun(startRunState(makeGraph()), [
      ...OPEN_ALL.slice(0, 3),
      ev({ node: 'rx1', event: 'RECEIVER_ERROR', address: 'q1' }),
    ]);
    s = closingRunState(s);
    expect(s.nodes.c1?.state).toBe('closing');
    expect(s.nodes.tx1?.state).toBe('closing');
    expect(s.nodes.rx1?.state).toBe('error');
    expect(closingRunState(EMPTY_RUN)).toBe(EMPTY_RUN);
  });

  it('appends frames and leaves the state untouched for an empty batch', () => {
    const s = startRunState(makeGraph());
    expect(reduceRun(s, [])).toBe(s);
    const f = reduceFrames(s, [{ at: 1, connection: 'c1', dir: 'out', channel: 0, performative: 'open', fields: {} }]);
    expect(f.frames).toHaveLength(1);
    expect(f.frameTotal).toBe(1);
    expect(f.nodes).toBe(s.nodes);
  });
});
