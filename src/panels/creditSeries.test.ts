import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../engine/events.ts';
import { CreditSeries, MAX_ROWS, newEvents, ThroughputSeries } from './creditSeries.ts';

const credit = (at: number, node: string, c: number, queued = 0): EngineEvent =>
  ({ at, node, event: 'CREDIT', credit: c, deliveryCount: 0, queued });

describe('CreditSeries', () => {
  it('keeps one row per change with every link carrying its last value forward', () => {
    const s = new CreditSeries();
    s.add(credit(0, 'tx1', 0, 10));
    s.add(credit(5, 'rx1', 3));
    s.add(credit(10, 'tx1', 3, 7));
    s.add(credit(10, 'tx1', 0, 7));
    expect(s.links).toEqual(['tx1', 'rx1']);
    expect(s.t).toEqual([0, 0.005, 0.01]);
    expect(s.credit).toEqual([[0, 0, 0], [null, 3, 3]]);
    expect(s.queued).toEqual([[10, 10, 7], [null, 0, 0]]);
    expect(s.takeLinksChanged()).toBe(true);
    expect(s.takeLinksChanged()).toBe(false);
  });

  it('ignores events other than credit and keeps at most MAX_ROWS rows', () => {
    const s = new CreditSeries();
    s.add({ at: 1, node: 't1', event: 'TRANSFER_QUEUED', attempt: 1 });
    expect(s.t).toEqual([]);
    for (let i = 0; i < MAX_ROWS + 10; i++) s.add(credit(i, 'tx1', i));
    expect(s.t.length).toBe(MAX_ROWS);
    expect(s.credit[0]![0]).toBe(10);
    expect(s.credit[0]!.at(-1)).toBe(MAX_ROWS + 9);
  });
});

describe('ThroughputSeries', () => {
  it('counts settled transfers and received messages per second, with idle seconds as zero', () => {
    const s = new ThroughputSeries();
    s.add({ at: 100, node: 't1', event: 'TRANSFER_SETTLED', attempt: 1, outcome: 'accepted' });
    s.add({ at: 900, node: 't1', event: 'TRANSFER_SETTLED', attempt: 2, outcome: 'released' });
    s.add({ at: 950, node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: 0, body: 'x', properties: {}, applicationProperties: {} });
    s.add({ at: 3200, node: 't1', event: 'TRANSFER_SETTLED', attempt: 3, outcome: 'accepted' });
    expect(s.t).toEqual([0, 1, 2, 3]);
    expect(s.settled).toEqual([2, 0, 0, 1]);
    expect(s.received).toEqual([1, 0, 0, 0]);
  });
});

describe('newEvents', () => {
  it('returns only the events after those already seen, or all held when some were dropped', () => {
    expect(newEvents(['a', 'b', 'c'], 3, 1)).toEqual(['b', 'c']);
    expect(newEvents(['a', 'b', 'c'], 3, 3)).toEqual([]);
    expect(newEvents(['x', 'y'], 10, 2)).toEqual(['x', 'y']);
  });
});
