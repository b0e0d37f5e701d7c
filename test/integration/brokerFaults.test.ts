// Faults injected into the embedded broker over its management API (POST /api/faults/<fault>),
// seen by the engine running a flow against it over a real WebSocket.
import { describe, expect, it } from 'vitest';
import type { RunningServer } from '../../broker/server.ts';
import { is, oneSession, record, type Recorded } from './engineHarness.ts';
import { useRunScope } from './support/runScope.ts';
import { until } from './support/wait.ts';

async function inject(server: RunningServer, fault: string, body: Record<string, unknown>): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(new URL(`/api/faults/${fault}`, server.url), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

const received = (r: Recorded, node = 'rx1') => r.of('MESSAGE_RECEIVED', node).length;

describe('faults injected into the embedded broker', () => {
  const { broker, run } = useRunScope();

  it('restart-broker: every connection is forced closed, the broker keeps its port and a reconnecting flow sends the rest', async () => {
    const server = await broker();
    const r = run(record(
      oneSession(server.wsUrl, [
        { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'restart-q' } },
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'restart-q' } },
        { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'tick', count: 6, intervalMs: 150 } },
      ], { reconnect: true }),
      { reconnect: { limit: 30, initialDelayMs: 100, maxDelayMs: 100 } },
    ));
    await r.waitFor((e) => e.event === 'TRANSFER_SETTLED' && e.attempt === 2);
    const res = await inject(server, 'restart-broker', { downMs: 300 });
    expect(res.status).toBe(200);
    expect(res.json).toMatchObject({ fault: 'restart-broker', connections: 1 });
    const drop = await r.waitFor(is('CONNECTION_ERROR', 'c1'));
    expect(drop.errorDetail).toMatchObject({ condition: 'amqp:connection:forced', description: 'the broker is restarting' });
    await r.waitFor((e) => e.event === 'CONNECTION_OPEN' && e.at > drop.at);
    const summary = await r.run.settled;
    expect(summary).toMatchObject({ transfers: 6, unsent: 0 });
    expect(summary.accepted + summary.lost).toBe(6);
    expect(r.of('TRANSFER_SETTLED', 't1').some((e) => e.outcome === 'accepted' && e.at > drop.at)).toBe(true);
    await r.waitFor((e) => e.event === 'MESSAGE_RECEIVED' && e.at > drop.at);
  });

  it('restart-broker loses what the queues held unless asked to keep it', async () => {
    const server = await broker();
    const send = (count: number) => run(record(oneSession(server.wsUrl, [
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'kept' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'x', count } },
    ])));
    await send(3).run.settled;
    expect(server.broker.queues().find((q) => q.address === 'kept')?.depth).toBe(3);
    expect((await inject(server, 'restart-broker', { keepQueues: true, downMs: 0 })).json).toMatchObject({ messagesLost: 0 });
    expect(server.broker.queues().find((q) => q.address === 'kept')?.depth).toBe(3);
    expect((await inject(server, 'restart-broker', { downMs: 0 })).json).toMatchObject({ messagesLost: 3 });
    expect(server.broker.queues().find((q) => q.address === 'kept')).toBeUndefined();
  });

  it('drop-connection cuts only the connection with that container-id, without a close frame', async () => {
    const server = await broker();
    const graph = oneSession(server.wsUrl, [{ id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'drop-q' } }], { containerId: 'victim' });
    const victim = run(record(graph));
    const bystander = run(record(oneSession(server.wsUrl, [{ id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'drop-q' } }], { containerId: 'bystander' })));
    await victim.waitFor(is('RECEIVER_OPEN', 'rx1'));
    await bystander.waitFor(is('RECEIVER_OPEN', 'rx1'));
    expect((await inject(server, 'drop-connection', { containerId: 'victim' })).json).toMatchObject({ dropped: 1 });
    const err = await victim.waitFor(is('CONNECTION_ERROR', 'c1'));
    expect(err.errorDetail?.condition).toBe('amqp-flow:connection-lost');
    expect(server.broker.connections().map((c) => c.containerId)).toEqual(['bystander']);
    expect(bystander.of('CONNECTION_ERROR')).toEqual([]);
    expect((await inject(server, 'drop-connection', { containerId: 'nobody' })).status).toBe(400);
  });

  it('pause-queue holds deliveries (the messages wait in the queue) until resume-queue', async () => {
    const server = await broker();
    expect((await inject(server, 'pause-queue', { address: 'paused-q' })).status).toBe(200);
    const r = run(record(oneSession(server.wsUrl, [
      { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'paused-q' } },
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'paused-q' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'held', count: 4 } },
    ])));
    await r.run.settled;
    await until(() => server.broker.queues().find((q) => q.address === 'paused-q')?.depth === 4, 'four messages waiting in paused-q');
    expect(received(r)).toBe(0);
    const state = (await (await fetch(new URL('/api/faults', server.url))).json()) as { paused: string[] };
    expect(state.paused).toEqual(['paused-q']);
    await inject(server, 'resume-queue', { address: 'paused-q' });
    await until(() => received(r) === 4, 'four messages received after resume');
  });

  it('slow-queue spaces deliveries out: the messages wait in the queue and arrive one by one', async () => {
    const server = await broker();
    await inject(server, 'slow-queue', { address: 'slow-q', perSecond: 4 });
    const r = run(record(oneSession(server.wsUrl, [
      { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'slow-q' } },
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'slow-q' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'slow', count: 6 } },
    ])));
    await r.run.settled;
    // every message is stored at once, but they leave the queue at the limited rate
    expect(server.broker.queues().find((q) => q.address === 'slow-q')!.depth).toBeGreaterThan(0);
    await until(() => received(r) === 6, 'six messages received');
    const ats = r.of('MESSAGE_RECEIVED', 'rx1').map((e) => e.at);
    expect(new Set(ats).size).toBe(6); // never two in the same millisecond: one at a time
    await inject(server, 'slow-queue', { address: 'slow-q', perSecond: 0 });
    expect(((await (await fetch(new URL('/api/faults', server.url))).json()) as { slow: unknown[] }).slow).toEqual([]);
  });

  it('reject-next rejects the next N messages to an address with the chosen condition, then stores again', async () => {
    const server = await broker();
    await inject(server, 'reject-next', { address: 'rej-q', count: 2, condition: 'amqp:resource-limit-exceeded' });
    const r = run(record(oneSession(server.wsUrl, [
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'rej-q' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'maybe', count: 4 } },
    ])));
    await r.run.settled;
    const settled = r.of('TRANSFER_SETTLED', 't1').sort((a, b) => a.attempt - b.attempt);
    expect(settled.map((e) => e.outcome)).toEqual(['rejected', 'rejected', 'accepted', 'accepted']);
    expect(settled[0]!.errorDetail?.condition).toBe('amqp:resource-limit-exceeded');
    expect(server.broker.queues().find((q) => q.address === 'rej-q')?.depth).toBe(2);
  });

  it('refuses requests it cannot trust or understand', async () => {
    const server = await broker();
    const plain = await fetch(new URL('/api/faults/pause-queue', server.url), { method: 'POST', body: '{"address":"x"}' });
    expect(plain.status).toBe(415);
    const foreign = await fetch(new URL('/api/faults/pause-queue', server.url), { method: 'POST', headers: { 'content-type': 'application/json', origin: 'http://evil.example' }, body: '{"address":"x"}' });
    expect(foreign.status).toBe(403);
    expect((await inject(server, 'pause-queue', {})).status).toBe(400);
    expect((await inject(server, 'no-such-fault', {})).status).toBe(404);
    expect((await fetch(new URL('/api/faults/pause-queue', server.url))).status).toBe(405);
  });
});
