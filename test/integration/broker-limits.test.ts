// Security and limits of the embedded broker: SASL PLAIN, max connections, frame size, message size,
// queue depth. Each refusal carries its AMQP condition and the broker keeps serving.
import { afterEach, describe, expect, it } from 'vitest';
import type { Connection, EventContext } from 'rhea';
import { closeClient, connectClient, connectOutcome, next, openReceiver, openSender, queueInfo, sendAll, sleep, startTestBroker, until, type TestBroker } from './brokerSupport.ts';

const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => { for (const c of cleanups.splice(0).reverse()) await c(); });

async function broker(opts: Parameters<typeof startTestBroker>[0] = {}) {
  const b = await startTestBroker(opts);
  cleanups.push(() => b.close());
  return b;
}
async function client(b: TestBroker, opts: Parameters<typeof connectClient>[1] = {}) {
  const c = await connectClient(b, opts);
  cleanups.push(() => closeClient(c));
  return c;
}
const kept: Connection[] = [];
afterEach(async () => { await Promise.all(kept.splice(0).map(closeClient)); });

describe('embedded broker security and limits', () => {
  it('requires SASL PLAIN when users are configured: good credentials in, wrong ones refused as unauthorized-access', async () => {
    const b = await broker({ users: { alice: 'secret' } });
    await client(b, { username: 'alice', password: 'secret' });
    expect(await connectOutcome(b, { username: 'alice', password: 'wrong' })).toBe('amqp:unauthorized-access');
    expect(await connectOutcome(b, { username: 'anonymous' })).toBe('amqp:unauthorized-access');
    await client(b, { username: 'alice', password: 'secret', over: 'ws' });
  });

  it('refuses a connection beyond max-connections with resource-limit-exceeded and takes one again after a close', async () => {
    const b = await broker({ maxConnections: 2 });
    const first = await client(b);
    await client(b);
    expect(await connectOutcome(b)).toBe('amqp:resource-limit-exceeded');
    await closeClient(first);
    await until(async () => (await (await fetch(new URL('/api/connections', b.url))).json() as unknown[]).length <= 1);
    await client(b);
  });

  it('closes a connection that sends a frame over max-frame-size with a framing error, and only that one', async () => {
    const b = await broker({ maxFrameSize: 1024 });
    const bystander = await client(b);
    // rhea ignores the broker's max-frame-size when told its own is larger, so it sends one big frame
    const big = await client(b);
    (big as unknown as { remote: { open: { max_frame_size: number } } }).remote.open.max_frame_size = 1 << 20;
    const s = await openSender(big, 'big');
    const closed = next<EventContext>(big, 'connection_error');
    s.send({ body: 'x'.repeat(5000) });
    const ctx = await closed;
    expect((ctx.connection.error as { condition: string }).condition).toBe('amqp:connection:framing-error');
    expect(await sendAll(await openSender(bystander, 'still-fine'), [{ body: 1 }])).toEqual(['accepted']);
  });

  it('refuses a client whose max-frame-size is below 512 with frame-size-too-small', async () => {
    const b = await broker();
    expect(await connectOutcome(b, { max_frame_size: 256 })).toBe('amqp:frame-size-too-small');
  });

  it('detaches a sender whose message exceeds max-message-size with message-size-exceeded', async () => {
    const b = await broker({ maxMessageSize: 2000 });
    const c = await client(b);
    const s = await openSender(c, 'sized');
    expect((s as unknown as { max_message_size: number }).max_message_size).toBe(2000);
    expect(await sendAll(s, [{ body: 'small' }])).toEqual(['accepted']);
    const detached = next<EventContext>(s, 'sender_error');
    s.send({ body: 'y'.repeat(10_000) });
    const ctx = await detached;
    expect((ctx.sender!.error as { condition: string }).condition).toBe('amqp:link:message-size-exceeded');
    expect(await sendAll(await openSender(c, 'sized'), [{ body: 'after' }])).toEqual(['accepted']);
    expect((await queueInfo(b, 'sized'))?.depth).toBe(2);
  });

  it('stops granting credit when a queue reaches max-queue-depth and grants it again as messages leave', async () => {
    const b = await broker({ maxQueueDepth: 5 });
    const s = await openSender(await client(b), 'full');
    let accepted = 0;
    s.on('accepted', () => { accepted++; });
    for (let i = 0; i < 8; i++) s.send({ body: i }); // rhea holds them until credit allows
    await until(() => accepted >= 5, '5 accepted');
    await sleep(300); // a "nothing more arrives" window: no 6th accepted while the queue is full
    expect(accepted).toBe(5);
    expect((s as unknown as { credit: number }).credit).toBe(0);
    expect((await queueInfo(b, 'full'))?.depth).toBe(5);
    const r = await openReceiver(await client(b), 'full', { credit_window: 0 });
    r.add_credit(3);
    await until(() => accepted === 8, 'credit after the queue drained', 5000);
    expect((await queueInfo(b, 'full'))?.depth).toBe(5);
  });

  it('never crashes on many connections at once: the limit answers and the broker keeps working', async () => {
    const b = await broker({ maxConnections: 5 });
    const results = await Promise.all(Array.from({ length: 20 }, () => connectOutcome(b, {}, kept)));
    expect(results.filter((r) => r === 'connected').length).toBe(5);
    expect(results.filter((r) => r === 'amqp:resource-limit-exceeded').length).toBe(15);
  });

  it('refuses a receiver without a source address with invalid-field', async () => {
    const b = await broker();
    const c: Connection = await client(b);
    const r = c.open_receiver({ source: {} } as never);
    const ctx = await next<EventContext>(r, 'receiver_error');
    expect((ctx.receiver!.error as { condition: string }).condition).toBe('amqp:invalid-field');
  });
});
