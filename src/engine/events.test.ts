import { describe, expect, it } from 'vitest';
import { EVENT_NAMES, isClosedEvent, isErrorEvent, isOpenEvent, isOutcome, lifecycleOf, nodeKindsOfEvent, OUTCOMES, RECEIVER_OUTCOMES, type EngineEvent } from './events.ts';

describe('the event contract', () => {
  it('lists every event name once, and each name is about at least one node kind', () => {
    expect(new Set(EVENT_NAMES).size).toBe(EVENT_NAMES.length);
    for (const name of EVENT_NAMES) expect(nodeKindsOfEvent(name).length, name).toBeGreaterThan(0);
  });

  it('finds the lifecycle events by kind and phase, and nothing else', () => {
    expect(lifecycleOf('SENDER_ERROR')).toEqual({ kind: 'sender', phase: 'error' });
    expect(lifecycleOf('CONNECTION_OPEN')).toEqual({ kind: 'connection', phase: 'open' });
    expect(lifecycleOf('TRANSFER_SETTLED')).toBeNull();
    expect(lifecycleOf('CBS_TOKEN')).toBeNull();
    expect(EVENT_NAMES.filter(isErrorEvent)).toEqual(['CONNECTION_ERROR', 'SESSION_ERROR', 'SENDER_ERROR', 'RECEIVER_ERROR']);
    expect(EVENT_NAMES.filter(isOpenEvent)).toHaveLength(4);
    expect(EVENT_NAMES.filter(isClosedEvent)).toHaveLength(4);
    expect(nodeKindsOfEvent('CREDIT')).toEqual(['sender', 'receiver']);
  });

  it('names presettled as an outcome of its own, which a receiver cannot give', () => {
    expect(OUTCOMES).toContain('presettled');
    expect(isOutcome('presettled')).toBe(true);
    expect(isOutcome('settled')).toBe(false);
    expect(RECEIVER_OUTCOMES as readonly string[]).not.toContain('presettled');
  });

  it('narrows the union on the event name (this test only has to compile)', () => {
    const e = { at: 1, node: 't1', event: 'TRANSFER_SETTLED', attempt: 1, outcome: 'presettled' } as EngineEvent;
    if (e.event === 'TRANSFER_SETTLED') expect(e.outcome).toBe('presettled');
  });
});
