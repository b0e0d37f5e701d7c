import { describe, expect, it } from 'vitest';
import { startTcpRelay as startRelay, type TcpRelay as Relay } from './support/tcpRelay.ts';
import type { RunningServer } from '../../broker/server.ts';
import { is, oneSession, record, type Recorded } from './engineHarness.ts';
import { useRunScope } from './support/runScope.ts';
import { sleep } from './support/wait.ts';


function expectEachAttemptSettledOnce(r: Recorded, transfer: string, count: number): void {
  const attempts = r.of('TRANSFER_SETTLED', transfer).map((e) => e.attempt).sort((a, b) => a - b);
  expect(attempts).toEqual(Array.from({ length: count }, (_, i) => i + 1));
}

describe('the idle timeout', () => {
  const scope = useRunScope();
  let server: RunningServer;
  let relay: Relay;
  const start = async () => {
    server = await scope.broker();
    relay = await startRelay(Number(new URL(server.wsUrl).port));
    scope.later(() => relay.close());
    return `ws://127.0.0.1:${relay.port}/amqp`;
  };

  const ticking = (count: number) => [
    { id: 'tx1', kind: 'sender' as const, parent: 's1', props: { address: 'idle-q' } },
    { id: 't1', kind: 'transfer' as const, parent: 'tx1', props: { body: 'tick', count, intervalMs: 100 } },
  ];

  it('keeps a quiet connection open while the broker answers with heartbeats', async () => {
    const url = await start();
    const r = scope.run(record(oneSession(url, [{ id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'idle-quiet' } }], { idleTimeoutMs: 500 })));
    await r.waitFor(is('RECEIVER_OPEN', 'rx1'));
    await sleep(1800); // a "nothing more arrives" window: no idle-timeout error over several idle periods
    expect(r.of('CONNECTION_ERROR')).toEqual([]);
    expect(server.broker.connections()).toHaveLength(1);
  });

  it('fails the connection with the idle-timeout condition and hint when the broker goes silent', async () => {
    const url = await start();
    const r = scope.run(record(oneSession(url, ticking(30), { idleTimeoutMs: 500 })));
    await r.waitFor((e) => e.event === 'TRANSFER_SETTLED' && e.attempt === 2);
    const silentAt = r.events.at(-1)!.at;
    relay.silenceBroker();
    const e = await r.waitFor(is('CONNECTION_ERROR', 'c1'), 5000);
    expect(e.errorDetail).toMatchObject({ condition: 'amqp:resource-limit-exceeded', description: 'max idle time exceeded' });
    expect(e.errorDetail?.hint).toMatch(/^Nothing arrived within the idle timeout/);
    // Not before the idle time (how long after it is rhea's business and the machine's load).
    expect(e.at - silentAt).toBeGreaterThanOrEqual(400);
    const summary = await r.run.settled;
    expectEachAttemptSettledOnce(r, 't1', 30);
    expect(summary.lost).toBeGreaterThanOrEqual(1); // sent while the broker was silent
    expect(summary.unsent).toBeGreaterThanOrEqual(1);
    expect(summary.accepted + summary.lost + summary.unsent).toBe(30);
    expect(r.events.find(is('SESSION_CLOSED', 's1'))?.errorDetail?.condition).toBe('amqp-flow:parent-failed');
    expect(r.of('CONNECTION_ERROR')).toHaveLength(1);
  });

  it('with reconnect on, an idle timeout is retried and the rest is sent on the new connection', async () => {
    const url = await start();
    const r = scope.run(record(oneSession(url, ticking(12), { idleTimeoutMs: 500, reconnect: true }), { reconnect: { initialDelayMs: 100, maxDelayMs: 100 } }));
    await r.waitFor((e) => e.event === 'TRANSFER_SETTLED' && e.attempt === 2);
    relay.silenceBroker();
    const e = await r.waitFor(is('CONNECTION_ERROR', 'c1'), 5000);
    expect(e.errorDetail).toMatchObject({ condition: 'amqp:resource-limit-exceeded', description: 'max idle time exceeded' });
    expect(e.errorDetail?.hint).toMatch(/Reconnecting…$/);
    const summary = await r.run.settled;
    expectEachAttemptSettledOnce(r, 't1', 12);
    expect(r.of('CONNECTION_OPEN', 'c1')).toHaveLength(2);
    expect(r.of('SENDER_OPEN', 'tx1')).toHaveLength(2);
    expect(summary).toMatchObject({ transfers: 12, unsent: 0 });
    const after = r.of('TRANSFER_SETTLED', 't1').filter((x) => x.at > e.at);
    expect(after.some((x) => x.outcome === 'accepted')).toBe(true);
    // the new connection is not closed with the old idle error
    await r.run.stop();
    expect(r.of('CONNECTION_CLOSED', 'c1')).toHaveLength(1);
    expect(r.of('CONNECTION_ERROR')).toHaveLength(1);
  });
});
