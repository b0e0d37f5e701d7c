// Credit and settlement at the embedded broker: exact credit, drain, and every outcome's effect on the queue.
import { describe, expect, it } from 'vitest';
import type { EventContext, Receiver } from 'rhea';
import { brokerPerFile, connectClient, next, openReceiver, openSender, queueInfo, sendAll, sleep, until } from './brokerSupport.ts';

const fx = brokerPerFile();
const client = () => fx.client();

async function fill(address: string, count: number) {
  const s = await openSender(await client(), address);
  expect(await sendAll(s, Array.from({ length: count }, (_, i) => ({ body: `m${i}` })))).toEqual(new Array(count).fill('accepted'));
}

function collect(r: Receiver) {
  const got: EventContext[] = [];
  r.on('message', (ctx: EventContext) => { got.push(ctx); });
  return got;
}

describe('embedded broker credit and outcomes', () => {
  it('gives a receiver with credit 3 exactly 3 messages until it grants more', async () => {
    await fill('credit', 10);
    const r = await openReceiver(await client(), 'credit', { credit_window: 0, autoaccept: true });
    const got = collect(r);
    r.add_credit(3);
    await until(() => got.length >= 3, '3 messages', 5000);
    await sleep(300); // a "nothing more arrives" window: no 4th message for 3 credits
    expect(got.length).toBe(3);
    r.add_credit(2);
    await until(() => got.length >= 5, '5 messages', 5000);
    await sleep(300); // a "nothing more arrives" window: no 6th message for 5 credits
    expect(got.map((c) => c.message!.body)).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('answers drain by sending what it has, then giving back the rest of the credit', async () => {
    await fill('drain', 2);
    const r = await openReceiver(await client(), 'drain', { credit_window: 0 });
    const got = collect(r);
    r.add_credit(5);
    r.drain_credit();
    await next(r, 'receiver_drained');
    expect(got.length).toBe(2);
    expect((r as unknown as { credit: number }).credit).toBe(0);
    expect((await queueInfo(fx.b, 'drain'))?.depth).toBe(0);
  });

  it('answers drain when the credit is used up exactly, and when none was granted', async () => {
    await fill('drain-exact', 2);
    const r = await openReceiver(await client(), 'drain-exact', { credit_window: 0 });
    const got = collect(r);
    r.add_credit(2);
    r.drain_credit();
    await next(r, 'receiver_drained');
    expect(got.length).toBe(2);
    const empty = await openReceiver(await client(), 'drain-nothing', { credit_window: 0 });
    empty.drain_credit();
    await next(empty, 'receiver_drained');
    expect((empty as unknown as { credit: number }).credit).toBe(0);
  });

  it('redelivers a released message first, to the next receiver that asks', async () => {
    await fill('release', 2);
    const r = await openReceiver(await client(), 'release', { credit_window: 0, autoaccept: false });
    const got = collect(r);
    r.add_credit(1);
    await until(() => got.length === 1);
    got[0]!.delivery!.release();
    r.add_credit(1);
    await until(() => got.length === 2);
    expect(got[1]!.message!.body).toBe('m0');
    expect(got[1]!.message!.delivery_count ?? 0).toBe(0);
  });

  it('counts a modified delivery-failed outcome in the redelivered message header', async () => {
    await fill('modified', 1);
    const r = await openReceiver(await client(), 'modified', { credit_window: 0, autoaccept: false });
    const got = collect(r);
    r.add_credit(1);
    await until(() => got.length === 1);
    got[0]!.delivery!.modified({ delivery_failed: true });
    r.add_credit(1);
    await until(() => got.length === 2);
    expect(got[1]!.message!.body).toBe('m0');
    expect(got[1]!.message!.delivery_count).toBe(1);
    expect(got[1]!.message!.first_acquirer).toBe(false);
  });

  it('keeps an undeliverable-here message away from that link while another receiver can take it', async () => {
    await fill('elsewhere', 1);
    const r1 = await openReceiver(await client(), 'elsewhere', { credit_window: 0, autoaccept: false });
    const got1 = collect(r1);
    r1.add_credit(1);
    await until(() => got1.length === 1);
    const r2 = await openReceiver(await client(), 'elsewhere', { credit_window: 0, autoaccept: false });
    const got2 = collect(r2);
    got1[0]!.delivery!.modified({ undeliverable_here: true });
    r1.add_credit(1);
    await sleep(300); // a "nothing more arrives" window: the message must not come back to r1
    expect(got1.length).toBe(1);
    r2.add_credit(1);
    await until(() => got2.length === 1);
    expect(got2[0]!.message!.body).toBe('m0');
  });

  it('moves a rejected message to the dead-letter queue <address>.dlq', async () => {
    await fill('poison', 1);
    const r = await openReceiver(await client(), 'poison', { credit_window: 0, autoaccept: false });
    const got = collect(r);
    r.add_credit(1);
    await until(() => got.length === 1);
    got[0]!.delivery!.reject({ condition: 'amqp:invalid-field', description: 'bad order' });
    await until(async () => (await queueInfo(fx.b, 'poison.dlq'))?.depth === 1);
    expect(await queueInfo(fx.b, 'poison')).toMatchObject({ depth: 0, deadLettered: 1 });
    const dead = collect(await openReceiver(await client(), 'poison.dlq', { credit_window: 1 }));
    await until(() => dead.length === 1);
    expect(dead[0]!.message!.body).toBe('m0');
    expect(dead[0]!.message!.message_annotations).toEqual({
      'x-opt-deadletter-queue': 'poison', 'x-opt-deadletter-reason': 'amqp:invalid-field', 'x-opt-deadletter-description': 'bad order',
    });
  });

  it('applies each outcome of a receiver that settles several deliveries differently', async () => {
    await fill('mixed', 4);
    const r = await openReceiver(await client(), 'mixed', { credit_window: 0, autoaccept: false });
    const got = collect(r);
    r.add_credit(4);
    await until(() => got.length === 4);
    // one per tick: rhea 3.0.5 clients would otherwise merge these dispositions themselves
    const tick = () => new Promise((ok) => setImmediate(ok));
    got[0]!.delivery!.accept();
    await tick();
    got[1]!.delivery!.reject({ condition: 'amqp:invalid-field', description: 'no' });
    await tick();
    got[2]!.delivery!.accept();
    await tick();
    got[3]!.delivery!.release();
    await until(async () => (await queueInfo(fx.b, 'mixed'))?.dequeued === 3);
    expect(await queueInfo(fx.b, 'mixed')).toMatchObject({ depth: 1, deadLettered: 1 });
    expect((await queueInfo(fx.b, 'mixed.dlq'))?.depth).toBe(1);
  });

  it('sends each sender its own outcome when the broker settles different outcomes at once', async () => {
    const s = await openSender(await client(), null);
    const outcomes = await sendAll(s, [
      { to: 'relay', body: 1 }, { body: 'no to' }, { to: 'relay', body: 2 }, { body: 'no to either' }, { to: 'relay', body: 3 },
    ]);
    expect(outcomes).toEqual(['accepted', 'rejected', 'accepted', 'rejected', 'accepted']);
    expect((await queueInfo(fx.b, 'relay'))?.depth).toBe(3);
  });

  it('returns unsettled deliveries of a dropped connection to the queue for another receiver', async () => {
    await fill('dropped', 3);
    const doomed = await connectClient(fx.b);
    const r1 = await openReceiver(doomed, 'dropped', { credit_window: 0, autoaccept: false });
    const got1 = collect(r1);
    r1.add_credit(3);
    await until(() => got1.length === 3);
    (doomed as unknown as { socket: { destroy(): void } }).socket.destroy();
    await until(async () => (await queueInfo(fx.b, 'dropped'))?.depth === 3, 'messages back in the queue', 5000);
    const got2 = collect(await openReceiver(await client(), 'dropped', { credit_window: 10 }));
    await until(() => got2.length === 3);
    expect(got2.map((c) => c.message!.body)).toEqual(['m0', 'm1', 'm2']);
    expect(got2.every((c) => c.message!.delivery_count === 1)).toBe(true);
  });

  it('returns unsettled deliveries to the queue when their receiver link closes', async () => {
    await fill('detached', 2);
    const r1 = await openReceiver(await client(), 'detached', { credit_window: 0, autoaccept: false });
    const got1 = collect(r1);
    r1.add_credit(2);
    await until(() => got1.length === 2);
    got1[0]!.delivery!.accept();
    r1.close();
    await next(r1, 'receiver_close');
    await until(async () => (await queueInfo(fx.b, 'detached'))?.depth === 1, 'the unsettled one back', 5000);
    expect(await queueInfo(fx.b, 'detached')).toMatchObject({ dequeued: 1, consumers: 0 });
    const got2 = collect(await openReceiver(await client(), 'detached', { credit_window: 5 }));
    await until(() => got2.length === 1);
    expect(got2[0]!.message!.body).toBe('m1');
  });

  it('settles after the outcome of a receiver in rcv-settle-mode second, removing the message once', async () => {
    await fill('second', 2);
    const r = await openReceiver(await client(), 'second', { credit_window: 0, autoaccept: false, rcv_settle_mode: 1 });
    const got = collect(r);
    const settled: unknown[] = [];
    r.on('settled', (ctx: EventContext) => { settled.push(ctx.delivery!.id); });
    r.add_credit(2);
    await until(() => got.length === 2);
    got[0]!.delivery!.accept();
    await until(() => settled.length === 1, 'the broker settling after our outcome', 5000);
    expect(await queueInfo(fx.b, 'second')).toMatchObject({ depth: 0, dequeued: 1 });
  });
});

