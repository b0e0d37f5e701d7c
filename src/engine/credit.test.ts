import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CreditCoalescer, type CreditState } from './credit.ts';

describe('credit reports', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const links = new Map<string, CreditState>([['tx1', { credit: 10, deliveryCount: 0, queued: 0 }]]);
    const reports: [string, CreditState][] = [];
    const c = new CreditCoalescer((id) => links.get(id) ?? null, (id, s) => reports.push([id, { ...s }]));
    return { links, reports, c };
  }

  it('reports a link at most once per tick, with its latest credit', () => {
    const { links, reports, c } = setup();
    c.mark('tx1');
    links.set('tx1', { credit: 9, deliveryCount: 1, queued: 0 });
    c.mark('tx1');
    links.set('tx1', { credit: 8, deliveryCount: 2, queued: 3 });
    c.mark('tx1');
    expect(reports).toEqual([]);
    vi.runAllTimers();
    expect(reports).toEqual([['tx1', { credit: 8, deliveryCount: 2, queued: 3 }]]);
  });

  it('says nothing when credit, delivery count and queue are as last reported', () => {
    const { reports, c } = setup();
    c.flushLink('tx1');
    c.mark('tx1');
    vi.runAllTimers();
    expect(reports).toHaveLength(1);
  });

  it('skips links without a link yet, and forgets pending marks when disposed', () => {
    const { links, reports, c } = setup();
    c.mark('rx-none');
    c.mark('tx1');
    c.dispose();
    vi.runAllTimers();
    expect(reports).toEqual([]);
    links.set('tx1', { credit: 1, deliveryCount: 9, queued: 0 });
    c.flush();
    expect(reports).toEqual([]);
  });
});
