import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../../src/engine/events.ts';
import { oneSession, record } from './engineHarness.ts';
import { sleep, until } from './support/wait.ts';
import { sharedBroker } from './support/runScope.ts';

const creditOf = (events: EngineEvent[], node: string) => events.filter((e) => e.event === 'CREDIT' && e.node === node).at(-1);

describe('credit: transfers wait in the engine until their link has credit', () => {
  // a queue of 3: the broker gives a sender credit only for the room left
  const shared = sharedBroker({ maxQueueDepth: 3 });

  it('queues 7 of 10 attempts behind 3 credits, delivers exactly 3 for 3 manual credits, and settles all 10 after more credit', async () => {
    const r = record(
      oneSession(shared.server.wsUrl, [
        { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'starve-q', creditWindow: 0, initialCredit: 0 } },
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'starve-q' } },
        { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'starving', count: 10 } },
      ]),
    );
    await r.waitFor((e) => e.event === 'CREDIT' && e.node === 'tx1' && e.queued === 7);
    await until(() => r.of('TRANSFER_QUEUED', 't1').length >= 10 && r.of('TRANSFER_SENT', 't1').length >= 3, '10 queued and 3 sent');
    await sleep(300); // a "nothing more arrives" window: no 4th send, no message without receiver credit
    expect(r.of('TRANSFER_QUEUED', 't1')).toHaveLength(10);
    expect(r.of('TRANSFER_SENT', 't1')).toHaveLength(3);
    expect(creditOf(r.events, 'tx1')).toMatchObject({ credit: 0, queued: 7 });
    expect(r.of('MESSAGE_RECEIVED')).toHaveLength(0);

    r.run.addCredit('rx1', 3);
    await r.waitFor(() => r.of('MESSAGE_RECEIVED').length >= 3);
    await r.waitFor((e) => e.event === 'CREDIT' && e.node === 'rx1' && e.credit === 0);
    await sleep(300); // a "nothing more arrives" window: no 4th message for 3 credits
    expect(r.of('MESSAGE_RECEIVED', 'rx1')).toHaveLength(3);
    expect(creditOf(r.events, 'rx1')).toMatchObject({ credit: 0 });

    r.run.addCredit('rx1', 20);
    const summary = await r.run.settled;
    expect(summary).toMatchObject({ transfers: 10, accepted: 10, unsent: 0, lost: 0, errors: 0 });
    await r.waitFor(() => r.of('MESSAGE_RECEIVED').length >= 10);
    expect(r.of('MESSAGE_RECEIVED').map((e) => e.properties.messageId)).toEqual(Array.from({ length: 10 }, (_, i) => `t1-${i + 1}`));
    // every attempt ends exactly once
    const settledAttempts = r.of('TRANSFER_SETTLED', 't1').map((e) => e.attempt).sort((a, b) => a - b);
    expect(settledAttempts).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await r.run.stop();
  });

  it('keeps one sender flowing while another sender on the same session starves', async () => {
    const r = record(
      oneSession(shared.server.wsUrl, [
        { id: 'full', kind: 'sender', parent: 's1', props: { address: 'two-full-q' } },
        { id: 'tFull', kind: 'transfer', parent: 'full', props: { body: 'stuck', count: 5 } },
        { id: 'rx2', kind: 'receiver', parent: 's1', props: { address: 'two-flowing-q' } },
        { id: 'flowing', kind: 'sender', parent: 's1', props: { address: 'two-flowing-q' } },
        { id: 'tFlow', kind: 'transfer', parent: 'flowing', props: { body: 'moving', count: 8, intervalMs: 5 } },
      ]),
    );
    await r.waitFor(() => r.of('TRANSFER_SETTLED', 'tFlow').length === 8);
    expect(r.of('TRANSFER_SETTLED', 'tFlow').every((e) => e.outcome === 'accepted')).toBe(true);
    await r.waitFor(() => r.of('MESSAGE_RECEIVED', 'rx2').length === 8);
    expect(creditOf(r.events, 'full')).toMatchObject({ credit: 0, queued: 2 });
    expect(r.of('TRANSFER_SETTLED', 'tFull')).toHaveLength(3);
    await r.run.stop();
    const unsent = r.of('TRANSFER_SETTLED', 'tFull').filter((e) => e.outcome === 'unsent');
    expect(unsent.map((e) => e.attempt)).toEqual([4, 5]);
  });

  it('ends pre-settled sends as presettled (never accepted) at send time with a note', async () => {
    const r = record(
      oneSession(shared.server.wsUrl, [
        { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'presettled-q' } },
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'presettled-q', sndSettleMode: 'settled' } },
        { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'fire and forget', count: 2 } },
      ]),
      { frames: true },
    );
    const summary = await r.run.settled;
    expect(summary).toMatchObject({ transfers: 2, accepted: 0, presettled: 2 });
    for (const e of r.of('TRANSFER_SETTLED', 't1')) expect(e).toMatchObject({ outcome: 'presettled', note: expect.stringMatching(/pre-settled/) });
    const transfers = r.frames.filter((f) => f.dir === 'out' && f.performative === 'transfer');
    expect(transfers.map((f) => f.fields.settled)).toEqual([true, true]);
    expect(transfers[0]!.message).toMatchObject({ summary: 'fire and forget' });
    await r.waitFor(() => r.of('MESSAGE_RECEIVED', 'rx1').length === 2);
    await r.run.stop();
  });

  it('never counts a pre-settled send as accepted when the queue cannot hold it all', async () => {
    const r = record(
      oneSession(shared.server.wsUrl, [
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'presettled-full-q', sndSettleMode: 'settled' } },
        { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'no room', count: 8 } },
      ]),
    );
    // the queue holds 3: the rest wait for credit that never comes, or go out and are dropped
    await r.waitFor((e) => e.event === 'CREDIT' && e.node === 'tx1' && e.credit === 0 && r.of('TRANSFER_SENT', 't1').length > 0);
    await r.run.stop();
    const outcomes = r.of('TRANSFER_SETTLED', 't1').map((e) => e.outcome);
    expect(outcomes).toHaveLength(8);
    expect(outcomes).not.toContain('accepted');
    const sent = r.of('TRANSFER_SENT', 't1').length;
    expect(outcomes.filter((o) => o === 'presettled')).toHaveLength(sent);
    expect(r.run.summary()).toMatchObject({ accepted: 0, presettled: sent, unsent: 8 - sent });
  });
});
