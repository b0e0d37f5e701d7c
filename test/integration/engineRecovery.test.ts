// After an outage the engine recovered from, every link comes back as configured: a manual-credit
// receiver gets its initial credit again, deliveries it held unsettled show as returned to the broker
// (and, redelivered, as duplicates), and in-flight transfers are resent when asked to.
import { describe, expect, it } from 'vitest';
import { is, oneSession, record } from './engineHarness.ts';
import { useRunScope } from './support/runScope.ts';

const reconnect = { limit: 30, initialDelayMs: 100, maxDelayMs: 100 };

describe('recovering from an outage', () => {
  const { broker, run } = useRunScope();

  it('a manual-credit receiver gets its initial credit again; its unsettled deliveries are returned and come back as duplicates', async () => {
    const server = await broker();
    const r = run(record(oneSession(server.wsUrl, [
      { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'rec-manual', creditWindow: 0, initialCredit: 2, autoAccept: false } },
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'rec-manual' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'x', count: 6 } },
    ], { reconnect: true }), { reconnect }));
    await r.waitFor((e) => e.event === 'MESSAGE_RECEIVED' && e.deliveryId === 1);
    await r.run.injectFault({ fault: 'restart-broker', target: 'c1', keepQueues: true, downMs: 200 });
    const back = await r.waitFor((e) => e.event === 'CONNECTION_OPEN' && e.recovered === true);
    // both held deliveries are shown as returned to the broker
    const returned = r.of('MESSAGE_SETTLED', 'rx1');
    expect(returned.map((e) => [e.deliveryId, e.outcome])).toEqual([[0, 'released'], [1, 'released']]);
    expect(returned[0]!.note).toMatch(/returned to the broker/);
    // the new link has its initial credit again: the two returned messages come back first, flagged
    await r.waitFor((e) => e.event === 'MESSAGE_RECEIVED' && e.at > back.at && e.deliveryId === 1);
    const again = r.of('MESSAGE_RECEIVED', 'rx1').filter((e) => e.at > back.at);
    expect(again.map((e) => [e.properties.messageId, e.duplicate])).toEqual([['t1-1', true], ['t1-2', true]]);
    await r.waitFor((e) => e.event === 'CREDIT' && e.node === 'rx1' && e.at > back.at && e.credit === 0);
  });

  it('resends in-flight transfers after the reconnect when asked to, so every attempt is accepted and the run has no error', async () => {
    const server = await broker();
    const r = run(record(oneSession(server.wsUrl, [
      { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'rec-resend' } },
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'rec-resend' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'x', count: 3, startAfterMs: 300, intervalMs: 100 } },
    ], { reconnect: true }), { reconnect: { ...reconnect, resendInFlight: true } }));
    await r.waitFor(is('SENDER_OPEN', 'tx1'));
    // the first transfer never reaches the broker, so it is still in flight when the connection drops
    await r.run.injectFault({ fault: 'drop-next-frame', target: 't1' });
    await r.waitFor((e) => e.event === 'TRANSFER_SETTLED' && e.attempt === 3);
    await r.run.injectFault({ fault: 'drop-connection', target: 'c1' });
    const summary = await r.run.settled;
    expect(r.of('TRANSFER_SENT', 't1').filter((e) => e.attempt === 1)).toHaveLength(2); // sent again
    expect(r.of('TRANSFER_SETTLED', 't1').map((e) => [e.attempt, e.outcome]).sort()).toEqual([[1, 'accepted'], [2, 'accepted'], [3, 'accepted']]);
    expect(summary).toMatchObject({ transfers: 3, accepted: 3, lost: 0, errors: 0 });
  });
});
