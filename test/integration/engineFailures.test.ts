import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer } from 'ws';
import { describe, expect, it } from 'vitest';
import { is, oneSession, record, startBroker } from './engineHarness.ts';
import { sharedBroker } from './support/runScope.ts';

/** A port that was free a moment ago: nothing listens there. */
async function deadPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((r) => s.close(() => r()));
  return port;
}

const helloSender = [
  { id: 'tx1', kind: 'sender' as const, parent: 's1', props: { address: 'fail-q' } },
  { id: 't1', kind: 'transfer' as const, parent: 'tx1', props: { body: 'x' } },
];

describe('the connection doctor explains failures', () => {
  const shared = sharedBroker({ users: { alice: 'secret' } });

  it('says nothing is listening when the port is closed, and ends the transfer as unsent', async () => {
    const url = `ws://127.0.0.1:${await deadPort()}/`;
    const r = record(oneSession(url, helloSender));
    const e = await r.waitFor(is('CONNECTION_ERROR', 'c1'));
    expect(e.errorDetail).toMatchObject({ condition: 'amqp-flow:connection-refused' });
    expect(e.errorDetail?.hint).toMatch(/Nothing is listening/);
    const summary = await r.run.settled;
    expect(summary).toMatchObject({ transfers: 1, unsent: 1, errors: 1 });
  });

  it('keeps the broker condition for a wrong password and hints at the credentials', async () => {
    const r = record(oneSession(shared.server.wsUrl, helloSender, { sasl: { mechanism: 'PLAIN', username: 'alice', password: 'wrong' } }));
    const e = await r.waitFor(is('CONNECTION_ERROR', 'c1'));
    expect(e.errorDetail?.condition).toBe('amqp:unauthorized-access');
    expect(e.errorDetail?.hint).toMatch(/credentials/);
    await r.run.settled;
  });

  it('names the missing SASL mechanism when the broker does not offer it', async () => {
    const r = record(oneSession(shared.server.wsUrl, helloSender, { sasl: { mechanism: 'ANONYMOUS' } }));
    const e = await r.waitFor(is('CONNECTION_ERROR', 'c1'));
    expect(e.errorDetail?.condition).toBe('amqp:unauthorized-access');
    expect(e.errorDetail?.description).toMatch(/PLAIN/);
    expect(e.errorDetail?.hint).toMatch(/SASL mechanism/);
  });

  it('opens with the right password', async () => {
    const r = record(oneSession(shared.server.wsUrl, helloSender, { sasl: { mechanism: 'PLAIN', username: 'alice', password: 'secret' } }));
    expect(await r.run.settled).toMatchObject({ accepted: 1, errors: 0 });
    await r.run.stop();
  });

  it('explains a WebSocket upgrade refused over the subprotocol, as websockify does with HTTP 400', async () => {
    const http = createServer((_req, res) => res.writeHead(400).end('Invalid protocol selected'));
    await new Promise<void>((r) => http.listen(0, '127.0.0.1', () => r()));
    const { port } = http.address() as AddressInfo;
    try {
      const r = record(oneSession(`ws://127.0.0.1:${port}/`, helloSender, { subprotocols: ['amqp'] }));
      const e = await r.waitFor(is('CONNECTION_ERROR', 'c1'));
      expect(e.errorDetail).toMatchObject({ condition: 'amqp-flow:websocket-rejected' });
      expect(e.errorDetail?.description).toMatch(/400/);
      expect(e.errorDetail?.hint).toMatch(/subprotocols \(amqp\)/);
    } finally {
      http.closeAllConnections();
      await new Promise<void>((r) => http.close(() => r()));
    }
  });

  it('explains a shared.server that agrees to none of the offered subprotocols', async () => {
    const wss = new WebSocketServer({ host: '127.0.0.1', port: 0, handleProtocols: () => false });
    await new Promise<void>((r) => wss.once('listening', () => r()));
    const { port } = wss.address() as AddressInfo;
    try {
      const r = record(oneSession(`ws://127.0.0.1:${port}/`, helloSender, { subprotocols: ['made-up'] }));
      const e = await r.waitFor(is('CONNECTION_ERROR', 'c1'));
      expect(e.errorDetail).toMatchObject({ condition: 'amqp-flow:no-subprotocol' });
      expect(e.errorDetail?.hint).toMatch(/made-up/);
    } finally {
      await new Promise<void>((r) => wss.close(() => r()));
    }
  });

  it('refuses a URL that is not ws:// or wss:// before opening anything', async () => {
    const r = record(oneSession('http://127.0.0.1:1/', helloSender));
    const e = await r.waitFor(is('CONNECTION_ERROR', 'c1'));
    expect(e.errorDetail).toMatchObject({ condition: 'amqp-flow:invalid-url' });
    expect(await r.run.settled).toMatchObject({ unsent: 1 });
  });
});

describe('a broker that goes away mid-run', () => {
  it('reports sent transfers as lost, queued ones as unsent, and the connection error, children first', async () => {
    const server = await startBroker();
    const r = record(
      oneSession(server.wsUrl, [
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'kill-q' } },
        { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'in flight', count: 3, startAfterMs: 100 } },
        { id: 't2', kind: 'transfer', parent: 'tx1', props: { body: 'later', count: 2, startAfterMs: 60_000 } },
      ]),
    );
    await r.waitFor(is('SENDER_OPEN', 'tx1'));
    // hold outgoing frames so the three transfers are sent but never reach the broker to be settled
    r.run.setStepMode(true);
    await r.waitFor(() => r.of('TRANSFER_SENT', 't1').length === 3);
    await server.close();
    const err = await r.waitFor(is('CONNECTION_ERROR', 'c1'));
    expect(err.errorDetail?.condition).toMatch(/^(amqp-flow:connection-lost|amqp:connection:forced)$/);
    const summary = await r.run.settled;
    expect(summary).toMatchObject({ transfers: 5, lost: 3, unsent: 2, errors: 1 });
    const order = r.events.map((e) => `${e.event} ${e.node}`);
    const errorAt = order.indexOf('CONNECTION_ERROR c1');
    expect(order.indexOf('SENDER_CLOSED tx1')).toBeLessThan(errorAt);
    expect(order.indexOf('SESSION_CLOSED s1')).toBeLessThan(errorAt);
    expect(r.of('TRANSFER_SETTLED').every((e) => order.indexOf(`TRANSFER_SETTLED ${e.node}`) < errorAt)).toBe(true);
    await r.run.stop();
  });
});
