import { describe, expect, it } from 'vitest';
import { makeGraph } from '../graph/fixtures/factory.ts';
import type { FlowExpectations } from '../graph/expectations.ts';
import type { Graph } from '../graph/types.ts';
import { allMet, checkExpectations } from './checkExpectations.ts';
import type { EngineEvent } from './events.ts';

const graphWith = (expect: FlowExpectations): Graph => ({ ...makeGraph({ receivers: 1 }), expect });

/** The events of a run where c1…rx1 open, t1 sends 3 attempts (2 accepted, 1 rejected) and rx1 gets two messages. */
function runEvents(): EngineEvent[] {
  let at = 0;
  const e = (ev: Record<string, unknown>) => ({ at: (at += 1), ...ev }) as EngineEvent;
  return [
    e({ node: 'c1', event: 'CONNECTION_OPEN', url: 'ws://x/', containerId: 'c' }),
    e({ node: 's1', event: 'SESSION_OPEN' }),
    e({ node: 'tx1', event: 'SENDER_OPEN', address: 'examples' }),
    e({ node: 'rx1', event: 'RECEIVER_OPEN', address: 'examples' }),
    e({ node: 't1', event: 'TRANSFER_SETTLED', attempt: 1, outcome: 'accepted' }),
    e({ node: 't1', event: 'TRANSFER_SETTLED', attempt: 2, outcome: 'accepted' }),
    e({ node: 't1', event: 'TRANSFER_SETTLED', attempt: 3, outcome: 'rejected' }),
    e({ node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: 0, body: 'one', properties: {}, applicationProperties: {} }),
    e({ node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: 1, body: { n: 2 }, properties: {}, applicationProperties: {} }),
    e({ node: 'rx1', event: 'MESSAGE_SETTLED', deliveryId: 0, outcome: 'accepted' }),
    // the runner stops the flow here
    e({ node: 'rx1', event: 'RECEIVER_CLOSED', address: 'examples' }),
    e({ node: 'tx1', event: 'SENDER_CLOSED', address: 'examples' }),
    e({ node: 'c1', event: 'CONNECTION_CLOSED', url: 'ws://x/' }),
  ];
}
const BEFORE_STOP = 10;

describe('checking a run against its expectations', () => {
  it('has nothing to say about a flow without expectations', () => {
    expect(checkExpectations(makeGraph(), runEvents())).toEqual([]);
  });

  it('meets outcome counts, ranges, received messages, bodies and the state before the stop', () => {
    const results = checkExpectations(
      graphWith({
        nodes: {
          t1: { outcomes: { accepted: 2, rejected: { min: 1 }, unsent: 0 } },
          tx1: { outcomes: { accepted: { max: 2 } }, state: 'open', error: false },
          rx1: { received: 2, bodies: ['one', { n: 2 }], state: 'open' },
        },
      }),
      runEvents(),
      { eventsBeforeStop: BEFORE_STOP },
    );
    expect(results.map((r) => [r.label, r.status])).toEqual([
      ['t1 accepted = 2', 'met'],
      ['t1 rejected ≥ 1', 'met'],
      ['t1 unsent = 0', 'met'],
      ['tx1 accepted ≤ 2', 'met'],
      ['tx1 state open', 'met'],
      ['tx1 no error', 'met'],
      ['rx1 received = 2', 'met'],
      ['rx1 bodies (2)', 'met'],
      ['rx1 state open', 'met'],
    ]);
    expect(allMet(results)).toBe(true);
  });

  it('says what happened when an expectation fails', () => {
    const results = checkExpectations(
      graphWith({ nodes: { t1: { outcomes: { accepted: 3 } }, rx1: { received: { min: 5 }, bodies: ['one', 'two'], state: 'closed' }, ghost: { received: 1 } } }),
      runEvents(),
      { eventsBeforeStop: BEFORE_STOP },
    );
    expect(results.map((r) => [r.label, r.status, r.message])).toEqual([
      ['t1 accepted = 3', 'failed', '2 accepted'],
      ['rx1 received ≥ 5', 'failed', '2 received'],
      ['rx1 bodies (2)', 'failed', 'message 2 was {"n":2}, expected "two"'],
      ['rx1 state closed', 'failed', 'ended open'],
      ['ghost', 'failed', 'this flow has no node "ghost"; remove its expectations'],
    ]);
    expect(allMet(results)).toBe(false);
  });

  it('counts closes the broker caused (before the stop) as the final state', () => {
    const results = checkExpectations(graphWith({ nodes: { rx1: { state: 'closed' } } }), runEvents());
    expect(results[0]).toMatchObject({ status: 'met', message: 'ended closed' });
  });

  it('expects an error condition, or none', () => {
    const failed: EngineEvent = { at: 1, node: 'c1', event: 'CONNECTION_ERROR', url: 'ws://x/', errorDetail: { condition: 'amqp:unauthorized-access', description: 'no' } };
    const g = graphWith({ nodes: { c1: { error: 'amqp:unauthorized-access', state: 'error' }, s1: { error: false } } });
    expect(checkExpectations(g, [failed]).map((r) => r.status)).toEqual(['met', 'met', 'met']);
    const other = checkExpectations(graphWith({ nodes: { c1: { error: 'amqp:not-found' } } }), [failed]);
    expect(other[0]).toMatchObject({ status: 'failed', message: 'failed with amqp:unauthorized-access' });
    expect(checkExpectations(graphWith({ nodes: { c1: { error: false } } }), [failed])[0]!.status).toBe('failed');
  });

  it('meets the time limit only when the run finished by itself in time', () => {
    const g = graphWith({ timeLimitMs: 1000 });
    expect(checkExpectations(g, [], { finishedAt: 999 })[0]).toMatchObject({ label: 'finishes within 1000 ms', status: 'met' });
    expect(checkExpectations(g, [], { finishedAt: 1001 })[0]!.status).toBe('failed');
    expect(checkExpectations(g, [])[0]).toMatchObject({ status: 'failed', message: 'did not finish within 1000 ms' });
  });

  it('skips embedded-only expectations on another broker, with the reason', () => {
    const g = graphWith({ embeddedOnly: 'needs dynamic receivers', nodes: { rx1: { received: 9 } } });
    expect(checkExpectations(g, runEvents())[0]!.status).toBe('failed');
    const skipped = checkExpectations(g, runEvents(), { onEmbeddedBroker: false });
    expect(skipped).toEqual([{ nodeId: 'rx1', label: 'rx1 received = 9', status: 'skipped', message: 'embedded broker only: needs dynamic receivers' }]);
    expect(allMet(skipped)).toBe(true);
  });
});
