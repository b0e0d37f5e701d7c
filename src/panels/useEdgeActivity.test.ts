import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../engine/events.ts';
import { pulseSeconds } from '../canvas/edges/FlowEdge.tsx';
import { countMoves } from './useEdgeActivity.ts';

describe('edge activity', () => {
  it('counts each sent transfer and received message on its node and every node above it', () => {
    const parentOf = { t1: 'tx1', tx1: 's1', s1: 'c1', rx1: 's1' };
    const events: EngineEvent[] = [
      { at: 0, node: 't1', event: 'TRANSFER_SENT', attempt: 1, deliveryId: 0 },
      { at: 1, node: 't1', event: 'TRANSFER_SENT', attempt: 2, deliveryId: 1 },
      { at: 2, node: 't1', event: 'TRANSFER_SETTLED', attempt: 1, outcome: 'accepted' },
      { at: 3, node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: 0, body: 'x', properties: {}, applicationProperties: {} },
    ];
    const counts = countMoves(events, parentOf);
    expect(Object.fromEntries(counts)).toEqual({ t1: 2, tx1: 2, s1: 3, c1: 3, rx1: 1 });
  });

  it('animates faster as the rate grows, never faster than a quarter second per cycle', () => {
    expect(pulseSeconds(1)).toBeGreaterThan(pulseSeconds(100));
    expect(pulseSeconds(100)).toBeGreaterThan(pulseSeconds(10_000));
    expect(pulseSeconds(1e12)).toBe(0.25);
  });
});
