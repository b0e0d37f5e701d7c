import { describe, expect, it } from 'vitest';
import { settlementOf, type RemoteState } from './deliveryOutcome.ts';

const state = (kind: string | undefined, more: Partial<RemoteState> = {}): RemoteState => ({ kind, deliveryFailed: false, undeliverableHere: false, ...more });

describe('mapping a broker’s delivery state to an outcome', () => {
  it('maps the four outcomes to themselves', () => {
    expect(settlementOf(state('accepted'))).toEqual({ outcome: 'accepted' });
    expect(settlementOf(state('released'))).toEqual({ outcome: 'released' });
    expect(settlementOf(state('modified'))).toEqual({ outcome: 'modified' });
  });

  it('keeps the broker’s condition and words on a rejection, with a hint', () => {
    const s = settlementOf(state('rejected', { error: { condition: 'amqp:precondition-failed', description: 'no "to"' } }));
    expect(s).toMatchObject({ outcome: 'rejected', errorDetail: { condition: 'amqp:precondition-failed', description: 'no "to"' } });
    expect(settlementOf(state('rejected'))?.errorDetail?.condition).toBe('amqp:internal-error');
  });

  it('names the modified flags the broker set', () => {
    expect(settlementOf(state('modified', { deliveryFailed: true, undeliverableHere: true }))).toEqual({ outcome: 'modified', note: 'delivery-failed, undeliverable-here' });
  });

  it('waits on `received` and treats a settlement without a state as released', () => {
    expect(settlementOf(state('received'))).toBeNull();
    expect(settlementOf(state(undefined))).toEqual({ outcome: 'released', note: 'settled by the broker without an outcome' });
  });
});
