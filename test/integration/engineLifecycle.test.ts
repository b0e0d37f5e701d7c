import { describe, expect, it } from 'vitest';
import { is, oneSession, record } from './engineHarness.ts';
import { sharedBroker } from './support/runScope.ts';

describe('engine lifecycle against the embedded broker', () => {
  const shared = sharedBroker();

  it('sends "Hello!" to $cbs with the seed event sequence and an accepted outcome', async () => {
    const r = record(
      oneSession(shared.server.wsUrl, [
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: '$cbs' } },
        { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'Hello!' } },
      ]),
    );
    const summary = await r.run.settled;
    const names = r.events.map((e) => e.event);
    const order = ['CONNECTION_OPEN', 'SESSION_OPEN', 'SENDER_OPEN', 'CREDIT', 'TRANSFER_QUEUED', 'TRANSFER_SENT', 'TRANSFER_SETTLED'];
    const firsts = order.map((n) => names.indexOf(n as never));
    expect(firsts.every((i) => i >= 0)).toBe(true);
    expect([...firsts].sort((a, b) => a - b)).toEqual(firsts);
    const settled = r.of('TRANSFER_SETTLED');
    expect(settled).toHaveLength(1);
    expect(settled[0]).toMatchObject({ node: 't1', attempt: 1, outcome: 'accepted' });
    expect(r.of('CONNECTION_OPEN')[0]).toMatchObject({ node: 'c1', url: shared.server.wsUrl, containerId: 'amqp-flow-c1' });
    expect(r.of('SENDER_OPEN')[0]).toMatchObject({ node: 'tx1', address: '$cbs' });
    expect(summary).toMatchObject({ transfers: 1, accepted: 1, errors: 0 });
    await r.run.stop();
    expect(r.events.slice(-3).map((e) => `${e.event} ${e.node}`)).toEqual(['SENDER_CLOSED tx1', 'SESSION_CLOSED s1', 'CONNECTION_CLOSED c1']);
  });

  it('round-trips a message to a receiver with its properties and auto-accepts it', async () => {
    const r = record(
      oneSession(shared.server.wsUrl, [
        { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'lifecycle-q1' } },
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'lifecycle-q1' } },
        { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: { n: 1 }, subject: 'greeting', applicationProperties: { k: 'v' }, replyTo: '@rx1' } },
      ]),
    );
    const got = await r.waitFor(is('MESSAGE_RECEIVED', 'rx1'));
    expect(got).toMatchObject({ body: { n: 1 }, properties: { subject: 'greeting', messageId: 't1-1', replyTo: 'lifecycle-q1' }, applicationProperties: { k: 'v' } });
    await r.waitFor(is('MESSAGE_SETTLED', 'rx1'));
    expect(r.of('MESSAGE_SETTLED')[0]).toMatchObject({ outcome: 'accepted' });
    await r.run.stop();
    expect(r.of('RECEIVER_CLOSED', 'rx1')).toHaveLength(1);
  });

  it('reports the broker-assigned address of a dynamic receiver and uses it for replyTo "@rx"', async () => {
    const r = record(
      oneSession(shared.server.wsUrl, [
        { id: 'rx', kind: 'receiver', parent: 's1', props: { dynamic: true } },
        { id: 'requests', kind: 'receiver', parent: 's1', props: { address: 'dynamic-requests' } },
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'dynamic-requests' } },
        { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'answer me', replyTo: '@rx' } },
      ]),
    );
    const open = await r.waitFor(is('RECEIVER_OPEN', 'rx'));
    const address = (open as { address: string }).address;
    expect(address).toBeTruthy();
    await r.run.settled;
    const request = await r.waitFor(is('MESSAGE_RECEIVED', 'requests'));
    expect(request).toMatchObject({ properties: { replyTo: address } });
    expect(r.of('TRANSFER_SETTLED', 't1')[0]).toMatchObject({ outcome: 'accepted' });
    // the message went out only after the receiver opened
    const order = r.events.map((e) => e.event);
    expect(order.indexOf('RECEIVER_OPEN')).toBeLessThan(order.indexOf('TRANSFER_SENT'));
    await r.run.stop();
  });

  it('closes a deleted sender during the run, its transfers first, and leaves the rest open', async () => {
    const r = record(
      oneSession(shared.server.wsUrl, [
        { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'close-node-q' } },
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'close-node-q' } },
        { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'slow', count: 5, intervalMs: 10_000 } },
      ]),
    );
    await r.waitFor((e) => e.event === 'TRANSFER_SETTLED' && e.node === 't1');
    await r.run.closeNode('tx1');
    const tail = r.events.filter((e) => e.event !== 'CREDIT').slice(-5).map((e) => `${e.event} ${e.node}`);
    expect(tail.filter((x) => x === 'TRANSFER_SETTLED t1')).toHaveLength(4);
    expect(tail.at(-1)).toBe('SENDER_CLOSED tx1');
    expect(r.of('TRANSFER_SETTLED', 't1').slice(1).every((e) => e.outcome === 'unsent')).toBe(true);
    expect(r.of('SESSION_CLOSED')).toHaveLength(0);
    expect(await r.run.settled).toMatchObject({ transfers: 5, accepted: 1, unsent: 4 });
    await r.run.stop();
    expect(r.of('RECEIVER_CLOSED', 'rx1')).toHaveLength(1);
    await expect(r.run.closeNode('nope')).rejects.toThrow(/not a node of this run/);
  });
});
