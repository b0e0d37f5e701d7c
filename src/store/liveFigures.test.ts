import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../engine/events.ts';
import { LatencyHistogram } from './latencyHistogram.ts';
import { LiveFigures } from './liveFigures.ts';

describe('LatencyHistogram', () => {
  it('gives exact quantiles below a second', () => {
    const h = new LatencyHistogram();
    for (let v = 1; v <= 100; v++) h.add(v);
    expect(h.quantile(0.5)).toBe(50);
    expect(h.quantile(0.99)).toBe(99);
    expect(h.quantile(1)).toBe(100);
  });

  it('stays within about 1% above a second, and merges windows', () => {
    const a = new LatencyHistogram();
    const b = new LatencyHistogram();
    for (let i = 0; i < 99; i++) a.add(10);
    b.add(5000);
    expect(a.quantile(0.99, b)).toBe(10);
    const p100 = a.quantile(1, b)!;
    expect(p100).toBeGreaterThan(4900);
    expect(p100).toBeLessThanOrEqual(5000);
    expect(new LatencyHistogram().quantile(0.5)).toBeNull();
  });
});

/** A known run: `n` transfers on t1 (sender tx1 → q), one every `every` ms, settled after `settle` ms, received after `receive` ms. */
function knownRun(n: number, every: number, settle: number, receive: number): EngineEvent[] {
  const events: EngineEvent[] = [
    { at: 0, node: 'tx1', event: 'SENDER_OPEN', address: 'q' },
    { at: 0, node: 'rx1', event: 'RECEIVER_OPEN', address: 'q' },
  ];
  for (let i = 1; i <= n; i++) {
    const at = i * every;
    events.push({ at, node: 't1', event: 'TRANSFER_SENT', attempt: i, deliveryId: i - 1 });
    events.push({ at: at + settle, node: 't1', event: 'TRANSFER_SETTLED', attempt: i, outcome: 'accepted' });
    events.push({ at: at + receive, node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: i - 1, body: 'x', properties: {}, applicationProperties: {} });
  }
  return events.sort((a, b) => a.at - b.at);
}

const parentOf = { t1: 'tx1' };

describe('LiveFigures', () => {
  it('computes rate, latencies and backlog of a known run', () => {
    const f = new LiveFigures(parentOf);
    for (const e of knownRun(100, 10, 4, 7)) f.add(e);
    const s = f.snapshot(1010);
    // 100 messages a second for the last two seconds of a one-second run: 100 in the window
    expect(s.settledPerSecond).toBe(50);
    expect(s.receivedPerSecond).toBe(50);
    expect([s.settleP50, s.settleP99]).toEqual([4, 4]);
    expect([s.receiveP50, s.receiveP99]).toEqual([7, 7]);
    expect(s).toMatchObject({ backlog: 0, settled: 100, received: 100 });
  });

  it('shows a slow tail in p99 but not p50, and a backlog while receivers lag', () => {
    const f = new LiveFigures(parentOf);
    const events = knownRun(100, 10, 2, 5);
    // the last two messages are not received yet; the 10th and 20th settle 300 ms late
    const late = events.filter((e) => !(e.event === 'MESSAGE_RECEIVED' && e.deliveryId >= 98));
    for (const e of late) f.add(e.event === 'TRANSFER_SETTLED' && (e.attempt === 10 || e.attempt === 20) ? { ...e, at: e.at + 300 } : e);
    const s = f.snapshot(1010);
    expect(s.settleP50).toBe(2);
    expect(s.settleP99).toBe(302);
    expect(s.backlog).toBe(2);
  });

  it('pairs receives with sends first in first out, skipping sends that were rejected', () => {
    const f = new LiveFigures(parentOf);
    const add = (e: EngineEvent) => f.add(e);
    add({ at: 0, node: 'tx1', event: 'SENDER_OPEN', address: 'q' });
    add({ at: 0, node: 'rx1', event: 'RECEIVER_OPEN', address: 'q' });
    add({ at: 10, node: 't1', event: 'TRANSFER_SENT', attempt: 1, deliveryId: 0 });
    add({ at: 20, node: 't1', event: 'TRANSFER_SENT', attempt: 2, deliveryId: 1 });
    add({ at: 21, node: 't1', event: 'TRANSFER_SETTLED', attempt: 1, outcome: 'rejected' });
    add({ at: 22, node: 't1', event: 'TRANSFER_SETTLED', attempt: 2, outcome: 'accepted' });
    add({ at: 50, node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: 0, body: 'x', properties: {}, applicationProperties: {} });
    const s = f.snapshot(60);
    expect(s.receiveP50).toBe(30);
    expect(s.backlog).toBe(0);
  });

  it('lets rates fall to zero and forgets old latencies once the run goes quiet', () => {
    const f = new LiveFigures(parentOf);
    for (const e of knownRun(10, 10, 3, 6)) f.add(e);
    const quiet = f.snapshot(60_000);
    expect(quiet.settledPerSecond).toBe(0);
    expect(quiet.settleP50).toBeNull();
    expect(quiet.settled).toBe(10);
  });

  it('keeps up with 10,000 messages in one second', () => {
    const f = new LiveFigures(parentOf);
    const events = knownRun(10_000, 0.1, 1, 2);
    for (const e of events) f.add(e);
    expect(f.snapshot(1002)).toMatchObject({ settled: 10_000, received: 10_000, backlog: 0, settleP99: 1, receiveP99: 2 });
  });
});

describe('LiveFigures with many messages on their way', () => {
  it('keeps every latency when thousands wait, settled out of order and received later', () => {
    const f = new LiveFigures(parentOf);
    f.add({ at: 0, node: 'tx1', event: 'SENDER_OPEN', address: 'q' });
    f.add({ at: 0, node: 'rx1', event: 'RECEIVER_OPEN', address: 'q' });
    const n = 5000;
    for (let i = 1; i <= n; i++) f.add({ at: 100, node: 't1', event: 'TRANSFER_SENT', attempt: i, deliveryId: i - 1 });
    // newest first; every tenth is rejected, so its receive never comes
    for (let i = n; i >= 1; i--) f.add({ at: 150, node: 't1', event: 'TRANSFER_SETTLED', attempt: i, outcome: i % 10 === 0 ? 'rejected' : 'accepted' });
    for (let i = 0; i < n * 0.9; i++) f.add({ at: 400, node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: i, body: 'x', properties: {}, applicationProperties: {} });
    expect(f.snapshot(400)).toMatchObject({ settled: n, received: n * 0.9, backlog: 0, settleP50: 50, settleP99: 50, receiveP50: 300, receiveP99: 300 });
  });
});
