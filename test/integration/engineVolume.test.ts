import { describe, expect, it } from 'vitest';
import { CREATED_AHEAD } from '../../src/engine/transferRunner.ts';
import { oneSession, record } from './engineHarness.ts';
import { sharedBroker } from './support/runScope.ts';

const COUNT = CREATED_AHEAD * 3 + 7;

describe('volume: a large transfer count is created a window ahead of credit, never all at once', () => {
  const shared = sharedBroker();

  it('queues, sends and settles every attempt of two big transfers exactly once, in order per transfer', async () => {
    const r = record(
      oneSession(shared.server.wsUrl, [
        { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'volume-q', creditWindow: 300 } },
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'volume-q' } },
        { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'a', count: COUNT } },
        { id: 't2', kind: 'transfer', parent: 'tx1', props: { body: 'b', count: 5 } },
      ]),
    );
    let received = 0;
    const all = new Promise<void>((ok) => r.run.subscribe((e) => e.event === 'MESSAGE_RECEIVED' && ++received === COUNT + 5 && ok()));
    const summary = await r.run.settled;
    await all;
    await r.run.stop();
    expect(summary).toMatchObject({ transfers: COUNT + 5, accepted: COUNT + 5, unsent: 0, lost: 0 });
    for (const [node, n] of [['t1', COUNT], ['t2', 5]] as const) {
      const want = Array.from({ length: n }, (_, i) => i + 1);
      expect(r.of('TRANSFER_QUEUED', node).map((e) => e.attempt)).toEqual(want);
      expect(r.of('TRANSFER_SENT', node).map((e) => e.attempt)).toEqual(want);
      expect(r.of('TRANSFER_SETTLED', node).map((e) => e.attempt).sort((a, b) => a - b)).toEqual(want);
    }
    // t2 queued behind t1: its first attempt goes out only after t1's last
    const sent = r.of('TRANSFER_SENT');
    expect(sent.findIndex((e) => e.node === 't2')).toBe(COUNT);
    // at no moment were more than the window of t1's attempts created and not yet sent (plus the one being sent)
    let ahead = 0;
    let most = 0;
    for (const e of r.events) {
      if (e.node !== 't1') continue;
      if (e.event === 'TRANSFER_QUEUED') most = Math.max(most, ++ahead);
      if (e.event === 'TRANSFER_SENT') ahead--;
    }
    expect(most).toBeGreaterThanOrEqual(CREATED_AHEAD);
    expect(most).toBeLessThanOrEqual(CREATED_AHEAD + 1);
  });

  it('ends the attempts not yet created as unsent when the run stops while they wait for credit', async () => {
    const r = record(
      oneSession(shared.server.wsUrl, [
        { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'volume-stall', creditWindow: 0, initialCredit: 0 } },
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'volume-stall' } },
        { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'stalled', count: COUNT } },
      ]),
    );
    await r.waitFor((e) => e.event === 'CREDIT' && e.node === 'tx1' && e.queued > 0);
    await r.run.stop();
    const summary = await r.run.settled;
    const settled = r.of('TRANSFER_SETTLED', 't1').map((e) => e.attempt).sort((a, b) => a - b);
    expect(settled).toEqual(Array.from({ length: COUNT }, (_, i) => i + 1));
    expect(summary.transfers).toBe(COUNT);
    expect(summary.accepted + summary.unsent + summary.lost).toBe(COUNT);
    expect(r.of('TRANSFER_QUEUED', 't1').length).toBeLessThanOrEqual(r.of('TRANSFER_SENT', 't1').length + CREATED_AHEAD);
    expect(r.of('TRANSFER_QUEUED', 't1').length).toBeLessThan(COUNT);
  });
});
