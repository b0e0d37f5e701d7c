import { describe, expect, it } from 'vitest';
import { startTcpRelay as startRelay } from './support/tcpRelay.ts';
import { startServer, type RunningServer } from '../../broker/server.ts';
import type { EngineEvent } from '../../src/engine/events.ts';
import { is, oneSession, record, startBroker, type Recorded } from './engineHarness.ts';
import { useRunScope } from './support/runScope.ts';
import { sleep } from './support/wait.ts';


const portOf = (server: RunningServer) => Number(new URL(server.wsUrl).port);

/** Every attempt of the transfer ended exactly once; returns the outcomes by attempt. */
function outcomesOf(r: Recorded, transfer: string, count: number): Record<number, string> {
  const settled = r.of('TRANSFER_SETTLED', transfer);
  const attempts = settled.map((e) => e.attempt).sort((a, b) => a - b);
  expect(attempts).toEqual(Array.from({ length: count }, (_, i) => i + 1));
  return Object.fromEntries(settled.map((e) => [e.attempt, e.outcome]));
}

const opens = (events: EngineEvent[]) => events.filter((e) => /_OPEN$/.test(e.event)).map((e) => `${e.event} ${e.node}`);

describe('a connection with reconnect on', () => {
  const scope = useRunScope();

  it('survives a broker restart on the same port: reports the drop once, opens everything again and sends the rest', async () => {
    let server = await startBroker();
    const port = portOf(server);
    scope.later(() => server.close()); // whichever broker is on the port by then
    const r = record(
      oneSession(
        server.wsUrl,
        [
          { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'restart-back' } },
          { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'restart-q' } },
          { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'tick', count: 8, intervalMs: 150 } },
          { id: 'tx2', kind: 'sender', parent: 's1', props: { address: 'restart-back' } },
          { id: 't2', kind: 'transfer', parent: 'tx2', props: { body: 'back', count: 4, intervalMs: 300 } },
        ],
        { reconnect: true },
      ),
      { reconnect: { limit: 20, initialDelayMs: 200, maxDelayMs: 200 } }, // past the broker's own shutdown
    );
    scope.run(r);
    await r.waitFor((e) => e.event === 'TRANSFER_SETTLED' && e.attempt === 2);
    await server.close();
    const drop = await r.waitFor(is('CONNECTION_ERROR', 'c1'));
    expect(drop.errorDetail).toMatchObject({ condition: 'amqp:connection:forced', description: 'the broker is shutting down' });
    expect(drop.errorDetail?.hint).toMatch(/Reconnecting…$/);
    await sleep(400); // paces the scenario: a few refused tries while the broker is down (nothing asserted counts them)
    server = await startServer({ port, tcpPort: false });
    const summary = await r.run.settled;

    const once = ['CONNECTION_OPEN c1', 'SESSION_OPEN s1', 'RECEIVER_OPEN rx1', 'SENDER_OPEN tx1', 'SENDER_OPEN tx2'];
    const all = opens(r.events);
    expect(all).toHaveLength(10);
    expect(all[0]).toBe('CONNECTION_OPEN c1');
    expect(all[5]).toBe('CONNECTION_OPEN c1');
    expect(all.slice(0, 5).sort()).toEqual([...once].sort());
    expect(all.slice(5).sort()).toEqual([...once].sort());
    // the receiver, attached again, gets what is sent to it on the new broker
    const back = r.events.filter((e) => e.event === 'MESSAGE_RECEIVED' && e.node === 'rx1' && e.at > drop.at);
    expect(back.length).toBeGreaterThanOrEqual(1);
    outcomesOf(r, 't2', 4);
    expect(r.of('CONNECTION_ERROR').map((e) => e.errorDetail?.description)).toEqual(['the broker is shutting down']);
    const outcomes = outcomesOf(r, 't1', 8);
    expect(Object.values(outcomes).every((o) => o === 'accepted' || o === 'lost')).toBe(true);
    expect(summary).toMatchObject({ transfers: 12, unsent: 0 });
    expect(summary.accepted + summary.lost).toBe(12);
    // what was sent after the reconnect reached the new broker
    const q = server.broker.queues().find((x) => x.address === 'restart-q');
    expect(q?.enqueued).toBeGreaterThanOrEqual(1);
    expect(q?.enqueued).toBe(r.of('TRANSFER_SETTLED', 't1').filter((e) => e.outcome === 'accepted' && e.at > drop.at).length);
  });

  it('ends sent but unsettled attempts as lost when the socket drops, keeps queued ones and sends them after reconnecting', async () => {
    const server = await scope.broker();
    const relay = await startRelay(portOf(server));
    scope.later(() => relay.close());
    const r = record(
      oneSession(
        `ws://127.0.0.1:${relay.port}/amqp`,
        [
          { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'drop-q' } },
          { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'tick', count: 10, intervalMs: 100 } },
        ],
        { reconnect: true },
      ),
      { reconnect: { initialDelayMs: 300, maxDelayMs: 300 } },
    );
    scope.run(r);
    await r.waitFor((e) => e.event === 'TRANSFER_SETTLED' && e.attempt === 2);
    relay.silenceBroker(); // outcomes stop arriving
    await r.waitFor((e) => e.event === 'TRANSFER_SENT' && e.attempt === 4);
    relay.cut();
    const drop = await r.waitFor(is('CONNECTION_ERROR', 'c1'));
    expect(drop.errorDetail?.condition).toBe('amqp-flow:connection-lost');
    expect(drop.errorDetail?.hint).toMatch(/Reconnecting…$/);
    const lostNow = r.of('TRANSFER_SETTLED', 't1').filter((e) => e.outcome === 'lost');
    expect(lostNow.map((e) => e.attempt)).toEqual(expect.arrayContaining([3, 4]));
    expect(lostNow.every((e) => e.note === 'the connection dropped before the broker settled it')).toBe(true);
    // attempts created during the 300 ms backoff wait in the queue, then go out on the new link
    await r.waitFor((e) => e.event === 'TRANSFER_QUEUED' && e.at > drop.at);
    const summary = await r.run.settled;
    const outcomes = outcomesOf(r, 't1', 10);
    const reopenedAt = r.events.filter(is('SENDER_OPEN', 'tx1'))[1]?.at ?? Infinity;
    expect(reopenedAt).toBeLessThan(Infinity);
    const queuedInOutage = r.of('TRANSFER_QUEUED', 't1').filter((e) => e.at > drop.at && e.at < reopenedAt);
    expect(queuedInOutage.length).toBeGreaterThanOrEqual(1);
    for (const q of queuedInOutage) expect(outcomes[q.attempt]).toBe('accepted');
    expect(summary).toMatchObject({ transfers: 10, unsent: 0, lost: lostNow.length });
    expect(r.of('CONNECTION_OPEN', 'c1')).toHaveLength(2);
    expect(r.of('SESSION_OPEN', 's1')).toHaveLength(2);
  });

  it('gives up after the reconnect limit when the broker stays down, and ends the rest as unsent', async () => {
    const server = await startBroker();
    const r = record(
      oneSession(
        server.wsUrl,
        [
          { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'dead-q' } },
          { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'tick', count: 20, intervalMs: 100 } },
        ],
        { reconnect: true },
      ),
      { reconnect: { limit: 3, initialDelayMs: 200, maxDelayMs: 200 } }, // past the broker's own shutdown
    );
    scope.run(r);
    await r.waitFor((e) => e.event === 'TRANSFER_SETTLED' && e.attempt === 1);
    await server.close();
    const summary = await r.run.settled;
    const errors = r.of('CONNECTION_ERROR', 'c1');
    expect(errors).toHaveLength(2);
    expect(errors[0]!.errorDetail?.hint).toMatch(/Reconnecting…$/);
    expect(errors[0]!.errorDetail).toMatchObject({ condition: 'amqp:connection:forced', description: 'the broker is shutting down' });
    expect(errors[1]!.errorDetail?.condition).toBe('amqp-flow:connection-refused');
    expect(errors[1]!.errorDetail?.hint).toMatch(/^Nothing is listening at .* Gave up after 3 reconnect attempts\.$/);
    expect(r.of('CONNECTION_OPEN')).toHaveLength(1);
    outcomesOf(r, 't1', 20);
    expect(summary.unsent).toBeGreaterThanOrEqual(10);
    expect(summary.accepted + summary.lost + summary.unsent).toBe(20);
    expect(r.events.at(-1)).toMatchObject({ event: 'CONNECTION_ERROR' });
  });

  it('stops cleanly while waiting to reconnect: everything ends unsent and no further connection is made', async () => {
    let server = await startBroker();
    const port = portOf(server);
    scope.later(() => server.close());
    const r = record(
      oneSession(
        server.wsUrl,
        [
          { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'stop-q' } },
          { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'tick', count: 10, intervalMs: 100 } },
        ],
        { reconnect: true },
      ),
      { reconnect: { initialDelayMs: 1500, maxDelayMs: 1500 } },
    );
    await r.waitFor((e) => e.event === 'TRANSFER_SETTLED' && e.attempt === 1);
    await server.close();
    await r.waitFor(is('CONNECTION_ERROR', 'c1'));
    server = await startServer({ port, tcpPort: false });
    await r.run.stop();
    const summary = await r.run.settled;
    outcomesOf(r, 't1', 10);
    expect(summary.unsent).toBeGreaterThanOrEqual(5);
    expect(summary.accepted + summary.lost + summary.unsent).toBe(10);
    expect(r.events.slice(-3).map((e) => `${e.event} ${e.node}`)).toEqual(['SENDER_CLOSED tx1', 'SESSION_CLOSED s1', 'CONNECTION_CLOSED c1']);
    await sleep(2000); // a "nothing more arrives" window: past the scheduled retry, no reconnect after the stop
    expect(server.broker.connections()).toHaveLength(0);
    expect(r.of('CONNECTION_OPEN')).toHaveLength(1);
  });

  it('without reconnect, a broker restart fails the connection for good', async () => {
    let server = await startBroker();
    const port = portOf(server);
    scope.later(() => server.close());
    const r = record(
      oneSession(server.wsUrl, [
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'plain-q' } },
        { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'tick', count: 10, intervalMs: 100 } },
      ]),
    );
    await r.waitFor((e) => e.event === 'TRANSFER_SETTLED' && e.attempt === 1);
    await server.close();
    server = await startServer({ port, tcpPort: false });
    const summary = await r.run.settled;
    const errors = r.of('CONNECTION_ERROR', 'c1');
    expect(errors).toHaveLength(1);
    expect(errors[0]!.errorDetail?.condition).toBe('amqp:connection:forced');
    expect(errors[0]!.errorDetail?.hint).not.toMatch(/Reconnecting/);
    expect(r.of('CONNECTION_OPEN')).toHaveLength(1);
    outcomesOf(r, 't1', 10);
    expect(summary.unsent).toBeGreaterThanOrEqual(5);
    await sleep(300); // a "nothing more arrives" window: no reconnect to the restarted broker
    expect(server.broker.connections()).toHaveLength(0);
  });
});
