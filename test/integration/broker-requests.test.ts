// Request/reply at the embedded broker: dynamic reply queues and the $cbs put-token handshake.
import { describe, expect, it } from 'vitest';
import type { EventContext } from 'rhea';
import { brokerPerFile, next, openReceiver, openSender, queueInfo, sendAll, until } from './brokerSupport.ts';

const fx = brokerPerFile();
const client = () => fx.client();

describe('embedded broker request/reply', () => {
  it('gives a dynamic receiver a temporary queue that a reply can reach, and deletes it when the link closes', async () => {
    const requester = await client();
    const replies = requester.open_receiver({ source: { dynamic: true } } as never);
    await next(replies, 'receiver_open');
    const replyTo = (replies.source as { address: string }).address;
    expect(replyTo).toMatch(/\S/);
    expect(await queueInfo(fx.b, replyTo)).toMatchObject({ dynamic: true, consumers: 1 });

    const server = await client();
    const requests = await openReceiver(server, 'service', { credit_window: 10 });
    requests.on('message', (ctx: EventContext) => {
      const to = ctx.message!.reply_to!;
      const out = server.open_sender({ target: { address: to } } as never);
      out.once('sendable', () => { out.send({ correlation_id: ctx.message!.message_id, body: `echo ${ctx.message!.body}` }); });
    });
    const got: EventContext[] = [];
    replies.on('message', (ctx: EventContext) => { got.push(ctx); });
    await sendAll(await openSender(requester, 'service'), [{ message_id: 'q1', reply_to: replyTo, body: 'ping' }]);
    await until(() => got.length === 1);
    expect(got[0]!.message).toMatchObject({ correlation_id: 'q1', body: 'echo ping' });

    replies.close();
    await next(replies, 'receiver_close');
    await until(async () => (await queueInfo(fx.b, replyTo)) === undefined, 'temporary queue deleted', 5000);
  });

  it('answers a $cbs put-token request with status-code 202 and the request id as correlation-id', async () => {
    const c = await client();
    const replies = await openReceiver(c, '$cbs', { credit_window: 10 });
    const got: EventContext[] = [];
    replies.on('message', (ctx: EventContext) => { got.push(ctx); });
    const out = await sendAll(await openSender(c, '$cbs'), [{
      message_id: 'token-1', reply_to: '$cbs', body: 'SharedAccessSignature sr=x&sig=y',
      application_properties: { operation: 'put-token', type: 'servicebus.windows.net:sastoken', name: 'amqp://x/q' },
    }]);
    expect(out).toEqual(['accepted']);
    await until(() => got.length === 1);
    expect(got[0]!.message!.correlation_id).toBe('token-1');
    expect(got[0]!.message!.application_properties).toEqual({ 'status-code': 202, 'status-description': 'Accepted' });
  });

  it('answers a put-token request without a name with status-code 400 saying what is missing', async () => {
    const c = await client();
    const replies = await openReceiver(c, 'cbs-replies', { credit_window: 10 });
    const got: EventContext[] = [];
    replies.on('message', (ctx: EventContext) => { got.push(ctx); });
    await sendAll(await openSender(c, '$cbs'), [{ message_id: 7, reply_to: 'cbs-replies', body: 'tok', application_properties: { operation: 'put-token', type: 't' } }]);
    await until(() => got.length === 1);
    expect(got[0]!.message!.correlation_id).toBe(7);
    expect(got[0]!.message!.application_properties!['status-code']).toBe(400);
    expect(String(got[0]!.message!.application_properties!['status-description'])).toMatch(/"name"/);
  });

  it('simply accepts a message to $cbs that asks for no operation, like the seed example', async () => {
    const out = await sendAll(await openSender(await client(), '$cbs'), [{ body: 'Hello!' }]);
    expect(out).toEqual(['accepted']);
  });
});
