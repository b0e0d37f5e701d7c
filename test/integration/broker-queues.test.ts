// Queues of the embedded broker through real sockets: order, volume and competing consumers.
import { describe, expect, it } from 'vitest';
import type { EventContext } from 'rhea';
import { brokerPerFile, openReceiver, openSender, queueInfo, sendAll, until } from './brokerSupport.ts';

const fx = brokerPerFile();
const client = (over: 'tcp' | 'ws' = 'tcp') => fx.client({ over });

describe('embedded broker queues', () => {
  it('passes 10,000 messages through one queue with none lost and the order kept', async () => {
    const producer = await client();
    const consumer = await client('ws');
    const received: number[] = [];
    const r = await openReceiver(consumer, 'volume', { credit_window: 300 });
    r.on('message', (ctx: EventContext) => { received.push(ctx.message!.body as number); });
    const s = await openSender(producer, 'volume');
    const outcomes = await sendAll(s, Array.from({ length: 10_000 }, (_, i) => ({ body: i })));
    expect(outcomes.every((o) => o === 'accepted')).toBe(true);
    await until(() => received.length === 10_000, '10,000 messages', 20_000);
    expect(received).toEqual(Array.from({ length: 10_000 }, (_, i) => i));
    await until(async () => (await queueInfo(fx.b, 'volume'))?.dequeued === 10_000, 'all settled', 5000);
    const q = await queueInfo(fx.b, 'volume');
    expect(q).toMatchObject({ depth: 0, enqueued: 10_000, dequeued: 10_000, consumers: 1 });
  }, 60_000);

  it('shares one queue among competing consumers, each message going to exactly one of them', async () => {
    const [c1, c2, p] = [await client(), await client(), await client()];
    const got: Record<string, number[]> = { a: [], b: [] };
    const ra = await openReceiver(c1, 'shared', { credit_window: 10 });
    const rb = await openReceiver(c2, 'shared', { credit_window: 10 });
    ra.on('message', (ctx: EventContext) => { got.a!.push(ctx.message!.body as number); });
    rb.on('message', (ctx: EventContext) => { got.b!.push(ctx.message!.body as number); });
    const s = await openSender(p, 'shared');
    await sendAll(s, Array.from({ length: 200 }, (_, i) => ({ body: i })));
    await until(() => got.a!.length + got.b!.length === 200, '200 messages', 10_000);
    expect(got.a!.length).toBeGreaterThan(50);
    expect(got.b!.length).toBeGreaterThan(50);
    expect([...got.a!, ...got.b!].sort((x, y) => x - y)).toEqual(Array.from({ length: 200 }, (_, i) => i));
    expect((await queueInfo(fx.b, 'shared'))?.consumers).toBe(2);
  });

  it('stores pre-settled transfers without outcomes, more of them than one session window holds', async () => {
    const s = await openSender(await client(), 'fire-and-forget', { snd_settle_mode: 1 });
    let n = 0;
    await new Promise<void>((ok) => {
      const pump = () => {
        while (s.sendable() && n < 5000) s.send({ body: n++ });
        if (n === 5000) ok();
      };
      s.on('sendable', pump);
      pump();
    });
    await until(async () => (await queueInfo(fx.b, 'fire-and-forget'))?.enqueued === 5000, '5,000 pre-settled messages stored', 15_000);
  }, 30_000);

  it('hands a pre-settled consumer each message once and counts it as delivered', async () => {
    const s = await openSender(await client(), 'at-most-once');
    await sendAll(s, Array.from({ length: 20 }, (_, i) => ({ body: i })));
    const got: number[] = [];
    const r = await openReceiver(await client(), 'at-most-once', { snd_settle_mode: 1, credit_window: 50 });
    r.on('message', (ctx: EventContext) => { got.push(ctx.message!.body as number); });
    await until(() => got.length === 20);
    expect(got).toEqual(Array.from({ length: 20 }, (_, i) => i));
    expect(await queueInfo(fx.b, 'at-most-once')).toMatchObject({ depth: 0, dequeued: 20 });
  });
});
