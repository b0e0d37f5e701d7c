import { describe, expect, it } from 'vitest';
import type { FrameRecord } from '../engine/events.ts';
import type { Graph } from '../graph/types.ts';
import { attributeFrames, describeHeldFrame, frameSummary } from './describeFrame.ts';

const graph: Graph = {
  format: 'amqp-flow', version: 1, name: 'two links',
  nodes: [
    { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: {} },
    { id: 's1', kind: 'session', position: { x: 0, y: 0 }, props: {} },
    { id: 'tx1', kind: 'sender', position: { x: 0, y: 0 }, props: { address: 'q1' } },
    { id: 'rx1', kind: 'receiver', position: { x: 0, y: 0 }, props: { address: 'q1' } },
  ],
  edges: [
    { id: 'e1', source: 'c1', target: 's1' },
    { id: 'e2', source: 's1', target: 'tx1' },
    { id: 'e3', source: 's1', target: 'rx1' },
  ],
};

const frame = (dir: 'in' | 'out', channel: number, performative: string, fields: Record<string, unknown>): FrameRecord =>
  ({ at: 0, connection: 'c1', dir, channel, performative, fields });

const trace: FrameRecord[] = [
  frame('out', 0, 'open', { container_id: 'page' }),
  frame('in', 0, 'open', { container_id: 'broker' }),
  frame('out', 0, 'begin', { next_outgoing_id: 0, incoming_window: 2048 }),
  frame('in', 3, 'begin', { remote_channel: 0, next_outgoing_id: 0 }),
  frame('out', 0, 'attach', { name: 'L-rx', handle: 0, role: true, source: { descriptor: 'source', value: { address: 'q1' } } }),
  frame('out', 0, 'attach', { name: 'L-tx', handle: 1, role: false, target: { descriptor: 'target', value: { address: 'q1' } } }),
  frame('in', 3, 'attach', { name: 'L-tx', handle: 7, role: true }),
  frame('in', 3, 'flow', { handle: 7, delivery_count: 0, link_credit: 10 }),
  frame('out', 0, 'transfer', { handle: 1, delivery_id: 0, settled: false }),
  frame('in', 3, 'disposition', { role: true, first: 0, settled: true, state: { descriptor: 'accepted', value: {} } }),
];

describe('describeFrame', () => {
  it('attributes each frame to its connection, session or link from the begin and attach frames', () => {
    expect(attributeFrames(graph, trace)).toEqual(['c1', 'c1', 's1', 's1', 'rx1', 'tx1', 'tx1', 'tx1', 'tx1', 's1']);
  });

  it('summarises a frame as one line of its key fields', () => {
    expect(frameSummary(trace[7]!)).toBe('handle=7 delivery_count=0 link_credit=10');
    expect(frameSummary(trace[5]!)).toBe('name=L-tx handle=1 role=sender target=q1');
    expect(frameSummary(trace[9]!)).toBe('role=receiver first=0 settled=true state=accepted');
    expect(frameSummary({ ...trace[8]!, message: { summary: 'Hello!', size: 12 } })).toContain('“Hello!” (12 B)');
  });

  it('names the node a held frame would act on without learning from it', () => {
    const held = frame('out', 0, 'attach', { name: 'L-tx', handle: 1, role: false, target: { descriptor: 'target', value: { address: 'q1' } } });
    expect(describeHeldFrame(held, graph, {}, trace.slice(0, 5))).toBe('attach (sender tx1)');
    expect(describeHeldFrame(trace[2]!, graph, {}, trace.slice(0, 2))).toBe('begin (session s1)');
  });
});
