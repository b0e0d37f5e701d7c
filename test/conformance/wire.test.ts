// The rules no ready-made client lets you break, checked with hand-written frames (a handle used
// twice, a channel above channel-max, a flow asking for an echo), and two links of one name with
// rhea, whose client, unlike Qpid Proton's, sends the second attach.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventContext } from 'rhea';
import { closeClient, connectClient, next, openReceiver, openSender, sendAll, type TestBroker } from '../integration/brokerSupport.ts';
import { embeddedBroker } from './proton.ts';
import { RawClient, type Frame } from './rawClient.ts';

type Server = Awaited<ReturnType<typeof embeddedBroker>>;
let server: Server;
let tcpPort = 0;
const clients: RawClient[] = [];

beforeAll(async () => {
  server = await embeddedBroker();
  tcpPort = Number(new URL(server.tcpUrl).port);
});
afterAll(async () => {
  for (const c of clients) c.close();
  await server.close();
});

async function rawClient(): Promise<RawClient> {
  const c = await RawClient.open(tcpPort);
  clients.push(c);
  return c;
}

const errorOf = (f: Frame) => f.fields.error as { condition?: string; description?: string } | undefined;

describe('the embedded broker at the edges of the wire protocol', () => {
  it('row 7: a second attach on a handle in use ends that session with amqp:session:handle-in-use; the connection goes on', async () => {
    const c = await rawClient();
    await c.begin(0);
    c.attach(0, 0, 'first', 'sender', 'wire-handles');
    await c.next((f) => f.name === 'attach' && f.fields.name === 'first');
    c.attach(0, 0, 'second', 'sender', 'wire-handles');
    const end = await c.next((f) => f.name === 'end' && f.channel === 0);
    expect(errorOf(end)).toMatchObject({ condition: 'amqp:session:handle-in-use', description: expect.stringContaining('handle 0') });
    expect(c.frames.some((f) => f.name === 'close')).toBe(false);
    await c.begin(1); // the connection still takes new sessions
  });

  it('row 8: a flow with echo=true is answered with the link’s state, on both kinds of link', async () => {
    const c = await rawClient();
    await c.begin(0);
    c.attach(0, 0, 'echo-in', 'receiver', 'wire-echo');
    await c.next((f) => f.name === 'attach' && f.fields.name === 'echo-in');
    const before = c.frames.length;
    c.send(0, 'flow', { next_incoming_id: 0, incoming_window: 2048, next_outgoing_id: 0, outgoing_window: 2048, handle: 0, delivery_count: 0, link_credit: 7, echo: true });
    const answer = await c.next((f) => f.name === 'flow' && f.fields.handle === 0, before);
    expect(answer.fields).toMatchObject({ handle: 0, link_credit: 7, delivery_count: 0 });

    c.attach(0, 1, 'echo-out', 'sender', 'wire-echo');
    await c.next((f) => f.name === 'attach' && f.fields.name === 'echo-out');
    const granted = await c.next((f) => f.name === 'flow' && f.fields.handle === 1);
    const mark = c.frames.length;
    c.send(0, 'flow', { next_incoming_id: 0, incoming_window: 2048, next_outgoing_id: 0, outgoing_window: 2048, handle: 1, delivery_count: 0, link_credit: 0, echo: true });
    const echoed = await c.next((f) => f.name === 'flow' && f.fields.handle === 1, mark);
    expect(echoed.fields).toMatchObject({ handle: 1, link_credit: granted.fields.link_credit, delivery_count: 0 });
  });

  it('row 9: a begin on a channel above the announced channel-max closes the connection with amqp:connection:framing-error', async () => {
    const c = await rawClient();
    const open = c.frames.find((f) => f.name === 'open')!;
    expect(open.fields.channel_max).toBe(255);
    c.send(300, 'begin', { next_outgoing_id: 0, incoming_window: 2048, outgoing_window: 2048 });
    const close = await c.next((f) => f.name === 'close');
    expect(errorOf(close)).toMatchObject({ condition: 'amqp:connection:framing-error', description: expect.stringContaining('channel 300') });
  });

  it('row 16: a second receiver with a link name in use is refused alone (amqp:invalid-field naming the clash); the first link and the connection go on', async () => {
    const conn = await connectClient({ ...server, tcpPort } as TestBroker);
    try {
      const first = await openReceiver(conn, 'wire-names', { name: 'same-name', autoaccept: true });
      const second = conn.open_receiver({ source: { address: 'wire-names' }, name: 'same-name' } as never);
      const refused = await next<EventContext>(second, 'receiver_error');
      const error = refused.receiver!.error as { condition?: string; description?: string };
      expect(error).toMatchObject({ condition: 'amqp:invalid-field', description: expect.stringContaining('"same-name"') });
      // on another session of the same connection too
      const session = conn.create_session();
      session.begin();
      const third = session.open_receiver({ source: { address: 'wire-names' }, name: 'same-name' } as never);
      expect(((await next<EventContext>(third, 'receiver_error')).receiver!.error as { condition?: string }).condition).toBe('amqp:invalid-field');
      const sender = await openSender(conn, 'wire-names');
      const got = next<EventContext>(first, 'message');
      expect(await sendAll(sender, [{ body: 'to the first link' }])).toEqual(['accepted']);
      expect((await got).message!.body).toBe('to the first link');
      expect(conn.is_open()).toBe(true);
    } finally {
      await closeClient(conn);
    }
  });
});
