// The embedded broker's WebSocket endpoint: subprotocol choice, any path, and the management API.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { closeClient, connectClient, openSender, sendAll, startTestBroker, type TestBroker } from './brokerSupport.ts';

let b: TestBroker;
beforeAll(async () => { b = await startTestBroker(); });
afterAll(async () => { await b.close(); });

/** The subprotocol the server picked, '' for none, or the handshake error. */
function handshake(url: string, protocols: string[]): Promise<string> {
  return new Promise((ok) => {
    const ws = new WebSocket(url, protocols);
    ws.on('open', () => { ok(ws.protocol); ws.close(); });
    ws.on('error', (e) => ok(`error: ${e.message}`));
  });
}

describe('embedded broker over WebSocket', () => {
  it('chooses the first subprotocol the client offers among amqp, AMQPWSB10 and binary', async () => {
    expect(await handshake(b.wsUrl, ['binary', 'AMQPWSB10', 'amqp'])).toBe('binary');
    expect(await handshake(b.wsUrl, ['AMQPWSB10', 'amqp'])).toBe('AMQPWSB10');
    expect(await handshake(b.wsUrl, ['amqp'])).toBe('amqp');
    expect(await handshake(b.wsUrl, ['mqtt', 'amqp'])).toBe('amqp');
    expect(await handshake(b.wsUrl, [])).toBe('');
    expect(await handshake(b.wsUrl, ['mqtt'])).toMatch(/error: .*400/);
  });

  it('speaks AMQP on any path with each accepted subprotocol', async () => {
    for (const protocols of [['binary'], ['AMQPWSB10'], ['amqp'], []]) {
      const url = protocols.length === 1 ? b.wsUrl.replace('/amqp', '/') : b.wsUrl;
      const c = await connectClient({ ...b, wsUrl: url }, { over: 'ws', protocols });
      expect(await sendAll(await openSender(c, 'ws-paths'), [{ body: protocols.join() }])).toEqual(['accepted']);
      await closeClient(c);
    }
  });

  it('lists queues and connections as JSON on the same port and refuses writes', async () => {
    const c = await connectClient(b, { over: 'ws', container_id: 'watcher' });
    await openSender(c, 'listed');
    const queues = await (await fetch(new URL('/api/queues', b.url))).json();
    expect(queues).toContainEqual({ address: 'listed', depth: 0, consumers: 0, enqueued: 0, dequeued: 0, deadLettered: 0, dynamic: false });
    const res = await fetch(new URL('/api/connections', b.url));
    expect(res.headers.get('content-type')).toMatch(/application\/json/);
    const conns = (await res.json()) as { containerId: string; transport: string; sessions: number; links: number; remote: string; openedAt: string }[];
    const mine = conns.find((x) => x.containerId === 'watcher');
    expect(mine).toMatchObject({ transport: 'ws', sessions: 1, links: 1 });
    expect(Date.parse(mine!.openedAt)).not.toBeNaN();
    expect((await fetch(new URL('/api/queues', b.url), { method: 'POST' })).status).toBe(405);
    await closeClient(c);
  });
});
