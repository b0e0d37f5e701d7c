// The WebSocket → TCP relay (`npm start -- --relay name=amqp://host:port`): flows reach brokers that
// speak only plain TCP, byte for byte, and nothing but the configured targets is reachable.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { startServer, type RunningServer } from '../../broker/server.ts';
import { parseCommandLine } from '../../broker/cli.ts';
import type { FrameRecord } from '../../src/engine/events.ts';
import { TRAITS, externalBrokerUrl, makeGraph, releaseExternalBrokers, skipInterop, uniqueName, type BrokerName } from './support/brokers.ts';
import { runLogged } from './support/loggedRun.ts';

afterAll(releaseExternalBrokers);

/** A port nothing listens on. */
async function closedPort(): Promise<number> {
  const s = createServer();
  await new Promise<void>((ok) => s.listen(0, '127.0.0.1', ok));
  const { port } = s.address() as AddressInfo;
  await new Promise<void>((ok) => s.close(() => ok()));
  return port;
}

/** Opens a raw WebSocket and reports how the handshake ended: the agreed subprotocol, or the HTTP status and body. */
function handshake(url: string, protocols: string[]): Promise<{ protocol?: string; status?: number; body?: string }> {
  return new Promise((resolve) => {
    const ws = new WebSocket(url, protocols);
    ws.on('open', () => {
      resolve({ protocol: ws.protocol });
      ws.close();
    });
    ws.on('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (d: Buffer) => (body += d.toString()));
      res.on('end', () => resolve({ status: res.statusCode, body }));
    });
    ws.on('error', () => undefined);
  });
}

/** Sends five messages through `url` to a fresh queue and receives them back. */
async function sendAndReceive(url: string, address: string) {
  const { run, log } = runLogged(
    makeGraph(
      'Send and receive over the relay',
      [['c1', 'connection', { url }], ['s1', 'session'], ['tx1', 'sender', { address }], ['t1', 'transfer', { body: 'Hello!', count: 5 }], ['rx1', 'receiver', { address }]],
      [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1']],
    ),
    { frames: true },
  );
  const frames: FrameRecord[] = [];
  run.subscribeFrames((f) => frames.push(f));
  try {
    const received = await log.waitForCount('MESSAGE_RECEIVED', 'rx1', 5);
    await log.waitForCount('TRANSFER_SETTLED', 't1', 5);
    const brokerOpen = frames.find((f) => f.dir === 'in' && f.performative === 'open');
    return { log, received, brokerContainerId: brokerOpen?.fields.container_id };
  } finally {
    await run.stop();
  }
}

describe('the relay to the embedded broker over plain TCP', () => {
  let server: RunningServer;
  beforeAll(async () => {
    // the server relays to its own TCP port, so this part needs nothing else running
    const first = await startServer({ port: 0, tcpPort: 0 });
    const tcpPort = Number(new URL(first.tcpUrl!).port);
    await first.close();
    server = await startServer({ port: 0, tcpPort, relays: [{ name: 'self', host: '127.0.0.1', port: tcpPort }, { name: 'dead', host: '127.0.0.1', port: await closedPort() }] });
  });
  afterAll(async () => {
    await server.close();
  });

  it('runs a flow through ws://…/relay/<name>, the broker seeing a TCP connection', async () => {
    expect(server.relayUrls.self).toMatch(/^ws:\/\/127\.0\.0\.1:\d+\/relay\/self$/);
    const { received, log, brokerContainerId } = await sendAndReceive(server.relayUrls.self!, uniqueName('relay'));
    expect(brokerContainerId).toBe('amqp-flow-broker');
    expect(received.map((m) => m.body)).toEqual(Array(5).fill('Hello!'));
    expect(log.of('TRANSFER_SETTLED', 't1').every((t) => t.outcome === 'accepted')).toBe(true);
    expect(log.of('CONNECTION_OPEN', 'c1')[0]?.url).toBe(server.relayUrls.self);
  });

  it('answers the subprotocols amqp and binary, or none, and refuses others with HTTP 400', async () => {
    expect(await handshake(server.relayUrls.self!, ['amqp'])).toEqual({ protocol: 'amqp' });
    expect(await handshake(server.relayUrls.self!, ['binary', 'amqp'])).toEqual({ protocol: 'binary' });
    expect(await handshake(server.relayUrls.self!, [])).toEqual({ protocol: '' });
    const refused = await handshake(server.relayUrls.self!, ['AMQPWSB10']);
    expect(refused.status).toBe(400);
    expect(refused.body).toMatch(/amqp, binary/);
  });

  it('is no open proxy: an unknown relay name gets HTTP 404 listing the configured ones', async () => {
    const url = server.relayUrls.self!.replace(/self$/, 'elsewhere');
    const refused = await handshake(url, ['amqp']);
    expect(refused.status).toBe(404);
    expect(refused.body).toBe('no relay named "elsewhere"; this server relays only to: self, dead');
    const { run, log } = runLogged(makeGraph('Unknown relay', [['c1', 'connection', { url }]], []));
    const error = await log.waitFor('CONNECTION_ERROR', 'c1');
    await run.stop();
    expect(error.errorDetail?.condition).toBe('amqp-flow:websocket-rejected');
  });

  it('answers HTTP 502 when the configured broker cannot be reached', async () => {
    const refused = await handshake(server.relayUrls.dead!, ['amqp']);
    expect(refused.status).toBe(502);
    expect(refused.body).toMatch(/relay "dead" cannot reach 127\.0\.0\.1:\d+: .*ECONNREFUSED/);
  });

  it('keeps the plain broker endpoint working beside the relays', async () => {
    const { received } = await sendAndReceive(server.wsUrl, uniqueName('beside'));
    expect(received).toHaveLength(5);
  });
});

describe('relay options', () => {
  it('listens on loopback unless --host says otherwise, and takes repeated --relay options', () => {
    const args = parseCommandLine(['--relay', 'rabbitmq=amqp://127.0.0.1:5672', '--relay', 'proton=amqp://[::1]:5674'], {});
    expect(args.host).toBe('127.0.0.1');
    expect(args.relays).toEqual([
      { name: 'rabbitmq', host: '127.0.0.1', port: 5672 },
      { name: 'proton', host: '::1', port: 5674 },
    ]);
  });

  it('reads relays from a JSON config file beside the --relay options', () => {
    const dir = mkdtempSync(join(tmpdir(), 'relay-config-'));
    try {
      const file = join(dir, 'relays.json');
      writeFileSync(file, JSON.stringify({ rabbitmq: 'amqp://127.0.0.1:5672' }));
      expect(parseCommandLine(['--relay-config', file, '--relay', 'proton=amqp://localhost'], {}).relays).toEqual([
        { name: 'rabbitmq', host: '127.0.0.1', port: 5672 },
        { name: 'proton', host: 'localhost', port: 5672 },
      ]);
      writeFileSync(file, '["amqp://127.0.0.1:5672"]');
      expect(() => parseCommandLine(['--relay-config', file], {})).toThrow(/expected an object like/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses targets that are not amqp://host:port and names used twice', () => {
    expect(() => parseCommandLine(['--relay', 'x=amqps://h:5671'], {})).toThrow(/only amqp:\/\/host:port targets/);
    expect(() => parseCommandLine(['--relay', 'x=http://h:80'], {})).toThrow(/only amqp:\/\/host:port/);
    expect(() => parseCommandLine(['--relay', 'no-target'], {})).toThrow(/name=amqp:\/\/host:port/);
    expect(() => parseCommandLine(['--relay', 'a/b=amqp://h:1'], {})).toThrow(/letters, digits/);
    expect(() => parseCommandLine(['--relay', 'a=amqp://h:1', '--relay', 'a=amqp://h:2'], {})).toThrow(/configured twice/);
  });
});

const EXTERNAL: ('rabbitmq' | 'proton')[] = ['rabbitmq', 'proton'];
describe.skipIf(skipInterop)('the relay to RabbitMQ and the Qpid Proton example broker over plain TCP (no websockify)', () => {
  let server: RunningServer | null = null;
  let unavailable: Error | null = null;
  beforeAll(async () => {
    try {
      const targets = await Promise.all(EXTERNAL.map(async (name) => ({ name, tcp: new URL((await externalBrokerUrl(name)).tcpUrl) })));
      server = await startServer({ port: 0, tcpPort: false, relays: targets.map((t) => ({ name: t.name, host: t.tcp.hostname, port: Number(t.tcp.port) })) });
    } catch (e) {
      unavailable = e as Error;
    }
  }, 180_000);
  afterAll(async () => {
    await server?.close();
  });

  for (const name of EXTERNAL) {
    const traits = TRAITS[name as BrokerName];
    it(`sends five messages to ${traits.label.replace(/ behind websockify$/, '')} and receives them back`, async () => {
      if (unavailable) throw unavailable;
      const url = server!.relayUrls[name]!;
      const address = traits.addressFor(uniqueName('relay'));
      const { received, log, brokerContainerId } = await sendAndReceive(url, address);
      expect(received.map((m) => m.body)).toEqual(Array(5).fill('Hello!'));
      expect(log.of('TRANSFER_SETTLED', 't1').map((t) => t.outcome)).toEqual(Array(5).fill('accepted'));
      // the answer came from that broker, not from ours
      expect(brokerContainerId).toEqual(expect.any(String));
      expect(brokerContainerId).not.toBe('amqp-flow-broker');
    }, 30_000);
  }

  it('creates a dynamic address on the Proton broker through the relay (request/reply)', async () => {
    if (unavailable) throw unavailable;
    const { run, log } = runLogged(
      makeGraph(
        'Dynamic over the relay',
        [['c1', 'connection', { url: server!.relayUrls.proton! }], ['s1', 'session'], ['rx1', 'receiver', { dynamic: true }], ['tx1', 'sender', { address: '' }], ['t1', 'transfer', { body: 'reply', to: '@rx1' }]],
        [['c1', 's1'], ['s1', 'rx1'], ['s1', 'tx1'], ['tx1', 't1']],
      ),
    );
    try {
      const open = await log.waitFor('RECEIVER_OPEN', 'rx1');
      expect(open.address).not.toBe('');
    } finally {
      await run.stop();
    }
  }, 30_000);
});
