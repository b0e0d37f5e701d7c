// Faults injected through the engine (Run.injectFault) against the embedded broker over a real
// WebSocket: each is reported as a FAULT event, and what follows is what AMQP says should follow.
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../broker/server.ts';
import { is, oneSession, record } from './engineHarness.ts';
import { useRunScope } from './support/runScope.ts';
import { until } from './support/wait.ts';

const depth = (server: RunningServer, address: string) => server.broker.queues().find((q) => q.address === address)?.depth ?? 0;

describe('faults injected through the engine', () => {
  const { broker, run } = useRunScope();

  it('restart-broker through the engine: a FAULT event, then the outage and the reconnect', async () => {
    const server = await broker();
    const r = run(record(oneSession(server.wsUrl, [
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'eng-restart' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'x', count: 4, intervalMs: 200 } },
    ], { reconnect: true }), { reconnect: { limit: 30, initialDelayMs: 100, maxDelayMs: 100 } }));
    await r.waitFor(is('TRANSFER_SETTLED', 't1'));
    await r.run.injectFault({ fault: 'restart-broker', target: 'tx1', downMs: 200 });
    const fault = await r.waitFor(is('FAULT'));
    expect(fault).toMatchObject({ node: 'tx1', fault: 'restart-broker', target: server.wsUrl, downMs: 200 });
    const drop = await r.waitFor(is('CONNECTION_ERROR', 'c1'));
    expect(drop.at).toBeGreaterThanOrEqual(fault.at);
    await r.waitFor((e) => e.event === 'CONNECTION_OPEN' && e.at > drop.at);
    expect(await r.run.settled).toMatchObject({ transfers: 4, unsent: 0 });
  });

  it('drop-connection names the connection by its container-id', async () => {
    const server = await broker();
    const r = run(record(oneSession(server.wsUrl, [{ id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'eng-drop' } }])));
    await r.waitFor(is('RECEIVER_OPEN', 'rx1'));
    await r.run.injectFault({ fault: 'drop-connection', target: 'rx1' });
    expect(await r.waitFor(is('FAULT'))).toMatchObject({ fault: 'drop-connection', target: 'amqp-flow-c1' });
    expect((await r.waitFor(is('CONNECTION_ERROR', 'c1'))).errorDetail?.condition).toBe('amqp-flow:connection-lost');
  });

  it('reject-next through the engine takes the address from the selected sender', async () => {
    const server = await broker();
    const r = run(record(oneSession(server.wsUrl, [
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'eng-rej' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'x', count: 3, startAfterMs: 300 } },
    ])));
    await r.waitFor(is('SENDER_OPEN', 'tx1'));
    await r.run.injectFault({ fault: 'reject-next', target: 't1', count: 1, condition: 'amqp:not-allowed' });
    await r.run.settled;
    expect(r.of('FAULT')[0]).toMatchObject({ target: 'eng-rej', count: 1, condition: 'amqp:not-allowed' });
    expect(r.of('TRANSFER_SETTLED', 't1').map((e) => e.outcome).sort()).toEqual(['accepted', 'accepted', 'rejected']);
    const rejected = r.of('TRANSFER_SETTLED', 't1').find((e) => e.outcome === 'rejected')!;
    expect(rejected.errorDetail).toMatchObject({ condition: 'amqp:not-allowed', hint: expect.stringMatching(/^The broker rejects messages to this address on purpose/) });
  });

  it('drop-next-frame: the broker never sees the transfer, so the attempt stays unsettled and ends lost', async () => {
    const server = await broker();
    const r = run(record(oneSession(server.wsUrl, [
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'eng-dropframe' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'x', count: 3, intervalMs: 100, startAfterMs: 200 } },
    ])));
    await r.waitFor(is('SENDER_OPEN', 'tx1'));
    await r.run.injectFault({ fault: 'drop-next-frame', target: 't1' });
    const hit = await r.waitFor((e) => e.event === 'FAULT' && e.frame !== undefined);
    expect(hit).toMatchObject({ fault: 'drop-next-frame', frame: 'transfer (delivery-id 0)' });
    await r.waitFor((e) => e.event === 'TRANSFER_SETTLED' && e.attempt === 3);
    await until(() => depth(server, 'eng-dropframe') === 2, 'the other two stored');
    expect(r.of('TRANSFER_SETTLED', 't1').map((e) => e.attempt)).toEqual([2, 3]);
    await r.run.stop();
    expect(r.of('TRANSFER_SETTLED', 't1').find((e) => e.attempt === 1)?.outcome).toBe('lost');
  });

  it('duplicate-next-transfer: the broker sees the same delivery-id twice and closes the connection', async () => {
    const server = await broker();
    const r = run(record(oneSession(server.wsUrl, [
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'eng-dup' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'x', count: 2, startAfterMs: 200, intervalMs: 200 } },
    ])));
    await r.waitFor(is('SENDER_OPEN', 'tx1'));
    await r.run.injectFault({ fault: 'duplicate-next-transfer', target: 'tx1' });
    await r.waitFor((e) => e.event === 'FAULT' && e.frame !== undefined);
    const err = await r.waitFor(is('CONNECTION_ERROR', 'c1'));
    expect(err.errorDetail).toMatchObject({ condition: 'amqp:illegal-state' });
    expect(err.errorDetail?.description).toMatch(/expected 1, got 0/);
    // the hint tells the audience why, in plain words
    expect(err.errorDetail?.hint).toMatch(/^A transfer was sent twice on purpose.*\(Faults → Duplicate next transfer at \d+\.\d s\)/);
  });

  it('delay-frames: each frame waits the given time each way, so a settlement comes at least twice that after its transfer', async () => {
    const server = await broker();
    const r = run(record(oneSession(server.wsUrl, [
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'eng-delay' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'x', count: 2, startAfterMs: 200 } },
    ])));
    await r.waitFor(is('SENDER_OPEN', 'tx1'));
    await r.run.injectFault({ fault: 'delay-frames', target: 'c1', ms: 150 });
    await r.run.settled;
    for (const attempt of [1, 2]) {
      const sent = r.of('TRANSFER_SENT', 't1').find((e) => e.attempt === attempt)!;
      const settled = r.of('TRANSFER_SETTLED', 't1').find((e) => e.attempt === attempt)!;
      expect(settled.outcome).toBe('accepted');
      expect(settled.at - sent.at).toBeGreaterThanOrEqual(295);
    }
  });

  it('withhold-credit: the receiver stops granting credit, messages wait in the queue, and flow again when it is lifted', async () => {
    const server = await broker();
    const r = run(record(oneSession(server.wsUrl, [
      { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'eng-withhold', creditWindow: 2 } },
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'eng-withhold' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'x', count: 8, startAfterMs: 300 } },
    ])));
    await r.waitFor(is('RECEIVER_OPEN', 'rx1'));
    await r.run.injectFault({ fault: 'withhold-credit', target: 'rx1' });
    await until(() => r.of('TRANSFER_SETTLED', 't1').length === 8, 'all eight sent');
    await until(() => depth(server, 'eng-withhold') > 0 && r.of('MESSAGE_RECEIVED', 'rx1').length + depth(server, 'eng-withhold') === 8, 'messages held in the queue');
    expect(r.of('MESSAGE_RECEIVED', 'rx1').length).toBeLessThanOrEqual(2);
    await r.run.injectFault({ fault: 'withhold-credit', target: 'rx1', on: false });
    await until(() => r.of('MESSAGE_RECEIVED', 'rx1').length === 8, 'all eight received once credit flows again');
    expect(r.of('FAULT').map((e) => e.description)).toEqual([
      'rx1 stops sending flow frames: the broker\'s credit for it runs out and deliveries stop.',
      'rx1 sends flow frames again: the broker learns its credit.',
    ]);
  });

  it('refuses a fault the selection does not fit, in plain words', async () => {
    const server = await broker();
    const r = run(record(oneSession(server.wsUrl, [{ id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'q' } }])));
    await r.waitFor(is('SENDER_OPEN', 'tx1'));
    await expect(r.run.injectFault({ fault: 'withhold-credit', target: 'tx1' })).rejects.toThrow('Withhold credit: select a receiver first');
    await expect(r.run.injectFault({ fault: 'pause-queue', target: 'c1' })).rejects.toThrow(/Pause queue: select a sender or receiver/);
    expect(r.of('FAULT')).toEqual([]);
  });
});
