// `npm run broker` as a real process: prints where to connect, serves AMQP over WebSocket and TCP,
// and on SIGTERM closes its connections with amqp:connection:forced and exits 0.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { EventContext } from 'rhea';
import { connectClient, next, openSender, sendAll, type TestBroker } from './brokerSupport.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('broker command', () => {
  it('prints its URLs, serves clients, and shuts down cleanly on SIGTERM', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'broker/main.ts', '--port', '0', '--tcp-port', '0', '--max-queue-depth', '50'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    child.stdout.on('data', (d) => { out += d; });
    const exited = new Promise<number | null>((ok) => child.on('exit', (code) => ok(code)));
    try {
      await new Promise<void>((ok, fail) => {
        const t = setTimeout(() => fail(new Error(`no URLs printed: ${out}`)), 20_000);
        child.stdout.on('data', () => { if (/Management:/.test(out)) { clearTimeout(t); ok(); } });
      });
      const ws = /Broker: (ws:\/\/\S+)/.exec(out)![1]!;
      const tcp = /AMQP over TCP: (amqp:\/\/[^\s)]+)/.exec(out)![1]!;
      const url = new URL(ws.replace('ws:', 'http:').replace('/amqp', '/')).href;
      const b = { url, wsUrl: ws, tcpPort: Number(new URL(tcp).port) } as TestBroker;
      const overWs = await connectClient(b, { over: 'ws' });
      const overTcp = await connectClient(b);
      expect(await sendAll(await openSender(overTcp, 'cli'), [{ body: 1 }])).toEqual(['accepted']);
      const queues = (await (await fetch(new URL('/api/queues', url))).json()) as { address: string; depth: number }[];
      expect(queues).toContainEqual(expect.objectContaining({ address: 'cli', depth: 1 }));
      const forced = next<EventContext>(overWs, 'connection_error', 10_000);
      child.kill('SIGTERM');
      expect((await forced).connection.error).toMatchObject({ condition: 'amqp:connection:forced' });
      expect(await exited).toBe(0);
      overTcp.close();
    } finally {
      child.kill('SIGKILL');
    }
  }, 40_000);
});
