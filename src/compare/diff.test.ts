import { describe, expect, it } from 'vitest';
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import type { Graph } from '../graph/types.ts';
import { alignLines, compareRuns, factsOf, type RunCapture } from './diff.ts';

const GRAPH: Graph = {
  format: 'amqp-flow',
  version: 1,
  name: 'Two brokers',
  nodes: [
    { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: {} },
    { id: 's1', kind: 'session', position: { x: 200, y: 0 }, props: {} },
    { id: 'tx1', kind: 'sender', position: { x: 400, y: 0 }, props: { address: 'q' } },
    { id: 't1', kind: 'transfer', position: { x: 600, y: 0 }, props: { count: 3 } },
    { id: 'rx1', kind: 'receiver', position: { x: 400, y: 200 }, props: { address: 'q' } },
  ],
  edges: [
    { id: 'e1', source: 'c1', target: 's1' },
    { id: 'e2', source: 's1', target: 'tx1' },
    { id: 'e3', source: 'tx1', target: 't1' },
    { id: 'e4', source: 's1', target: 'rx1' },
  ],
};

const settled = (attempt: number, outcome: 'accepted' | 'rejected' | 'unsent'): EngineEvent => ({ at: attempt, node: 't1', event: 'TRANSFER_SETTLED', attempt, outcome });
const received = (deliveryId: number): EngineEvent => ({ at: deliveryId, node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId, body: 'x', properties: {}, applicationProperties: {} });
const frame = (dir: 'in' | 'out', performative: string): FrameRecord => ({ at: 0, connection: 'c1', dir, channel: 0, performative, fields: {} });
const OPENING = [frame('out', 'header'), frame('in', 'header'), frame('out', 'open'), frame('in', 'open'), frame('out', 'begin'), frame('in', 'begin')];

const run = (url: string, events: EngineEvent[], frames: FrameRecord[]): RunCapture => ({ url, events, frames });

describe('comparing two runs', () => {
  it('finds no differences between two runs with the same outcomes, messages and frames', () => {
    const events = [settled(1, 'accepted'), settled(2, 'accepted'), received(0), received(1)];
    const result = compareRuns(GRAPH, run('ws://a', events, OPENING), run('ws://b', [...events], [...OPENING]));
    expect(result.differences).toBe(0);
    expect(result.rows).toEqual([
      { section: 'outcomes', node: 't1', a: '2 accepted', b: '2 accepted', status: 'same' },
      { section: 'received', node: 'rx1', a: '2', b: '2', status: 'same' },
    ]);
    expect(result.frames.c1!.map((l) => l.status)).toEqual(Array(6).fill('same'));
    expect(result.frames.c1![0]).toEqual({ a: 'out header', b: 'out header', status: 'same', countA: 1, countB: 1 });
  });

  it('lists different outcome counts, received counts and error conditions per node', () => {
    const a = run('ws://a', [settled(1, 'accepted'), settled(2, 'accepted'), received(0)], OPENING);
    const b = run('ws://b', [
      settled(1, 'rejected'),
      settled(2, 'unsent'),
      { at: 5, node: 'c1', event: 'CONNECTION_ERROR', url: 'ws://b', errorDetail: { condition: 'amqp:connection:forced', description: 'bye' } },
      { at: 6, node: 'c1', event: 'CONNECTION_ERROR', url: 'ws://b', errorDetail: { condition: 'amqp:connection:forced', description: 'again' } },
    ], OPENING);
    const result = compareRuns(GRAPH, a, b);
    expect(result.rows).toEqual([
      { section: 'outcomes', node: 't1', a: '2 accepted', b: '1 rejected, 1 unsent', status: 'different' },
      { section: 'received', node: 'rx1', a: '1', b: '0', status: 'different' },
      { section: 'errors', node: 'c1', a: 'none', b: 'amqp:connection:forced', status: 'different' },
    ]);
    expect(result.differences).toBe(3);
  });

  it('lines up performative sequences: same lines, lines that differ, and lines one broker never sent', () => {
    const lines = alignLines(
      ['out open', 'in open', 'out begin', 'in begin', 'out attach', 'in attach', 'out close'],
      ['out open', 'in open', 'out begin', 'in end', 'out attach', 'in attach', 'in flow', 'out close'],
    );
    expect(lines).toEqual([
      { a: 'out open', b: 'out open', status: 'same' },
      { a: 'in open', b: 'in open', status: 'same' },
      { a: 'out begin', b: 'out begin', status: 'same' },
      { a: 'in begin', b: 'in end', status: 'different' },
      { a: 'out attach', b: 'out attach', status: 'same' },
      { a: 'in attach', b: 'in attach', status: 'same' },
      { a: null, b: 'in flow', status: 'missing' },
      { a: 'out close', b: 'out close', status: 'same' },
    ]);
  });

  it('shows every line of a connection that never opened as missing on that side', () => {
    const result = compareRuns(GRAPH, run('ws://a', [], OPENING), run('ws://b', [], [frame('out', 'header')]));
    expect(result.frames.c1!.filter((l) => l.status === 'same')).toHaveLength(1);
    expect(result.frames.c1!.filter((l) => l.status === 'missing' && l.b === null)).toHaveLength(5);
    expect(result.differences).toBe(5);
  });

  it('lines up each direction by first appearance, so timing between directions and repeat counts make no difference', () => {
    const a = [...OPENING, frame('out', 'transfer'), frame('in', 'disposition'), frame('out', 'transfer'), frame('in', 'disposition'), frame('out', 'disposition')];
    const b = [...OPENING, frame('out', 'transfer'), frame('out', 'transfer'), frame('out', 'disposition'), frame('in', 'disposition')];
    const result = compareRuns(GRAPH, run('ws://a', [], a), run('ws://b', [], b));
    expect(result.differences).toBe(0);
    expect(result.frames.c1!.map((l) => l.a)).toEqual(['out header', 'out open', 'out begin', 'out transfer', 'out disposition', 'in header', 'in open', 'in begin', 'in disposition']);
    expect(result.frames.c1!.find((l) => l.a === 'in disposition')).toMatchObject({ countA: 2, countB: 1, status: 'same' });
  });

  it('leaves heartbeats out and counts nodes that saw nothing as none or zero', () => {
    const facts = factsOf(GRAPH, run('ws://a', [], [frame('out', 'heartbeat'), frame('in', 'open'), frame('in', 'open')]));
    expect(facts).toEqual({ outcomes: { t1: {} }, received: { rx1: 0 }, errors: {}, performatives: { c1: ['in open'] }, frameCounts: { c1: { 'in open': 2 } } });
  });
});
