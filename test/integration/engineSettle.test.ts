import { describe, expect, it } from 'vitest';
import { oneSession, record } from './engineHarness.ts';
import { runHandSettled } from './support/handSettled.ts';
import { sharedBroker } from './support/runScope.ts';
import { until } from './support/wait.ts';

describe('settling received messages by hand', () => {
  const shared = sharedBroker();

  it('sends each hand-picked outcome on the wire, even when four different ones are settled in the same tick', async () => {
    const { r, ids } = await runHandSettled(shared.server.wsUrl, 'hand-q', { count: 4, receiver: { creditWindow: 0, initialCredit: 4 } });
    expect(r.of('MESSAGE_SETTLED')).toHaveLength(0);
    r.run.settle('rx1', ids[0]!, 'rejected');
    r.run.settle('rx1', ids[1]!, 'released');
    r.run.settle('rx1', ids[2]!, 'modified', { deliveryFailed: true, undeliverableHere: true });
    r.run.settle('rx1', ids[3]!, 'accepted');
    await r.waitFor(() => r.of('MESSAGE_SETTLED', 'rx1').length === 4);
    expect(r.of('MESSAGE_SETTLED', 'rx1').map((e) => [e.deliveryId, e.outcome])).toEqual([
      [ids[0], 'rejected'],
      [ids[1], 'released'],
      [ids[2], 'modified'],
      [ids[3], 'accepted'],
    ]);
    const dispositions = () => r.frames.filter((f) => f.dir === 'out' && f.performative === 'disposition');
    await until(() => dispositions().length >= 4, 'four dispositions out');
    const states = dispositions().map((f) => (f.fields.state as { descriptor: string }).descriptor);
    expect(states).toEqual(['rejected', 'released', 'modified', 'accepted']);
    expect(() => r.run.settle('rx1', ids[3]!, 'accepted')).toThrow(/no unsettled delivery/);
    expect(() => r.run.addCredit('tx1', 1)).toThrow(/not a receiver/);
    await r.run.stop();
  });

  it('drains a manual receiver: the broker uses up or returns the credit', async () => {
    const r = record(
      oneSession(shared.server.wsUrl, [{ id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'drain-q', creditWindow: 0, initialCredit: 5 } }]),
      { frames: true },
    );
    await r.waitFor((e) => e.event === 'CREDIT' && e.node === 'rx1' && e.credit === 5);
    r.run.drain('rx1');
    await r.waitFor((e) => e.event === 'CREDIT' && e.node === 'rx1' && e.credit === 0);
    expect(r.frames.some((f) => f.dir === 'out' && f.performative === 'flow' && f.fields.drain === true)).toBe(true);
    await r.run.stop();
  });
});
