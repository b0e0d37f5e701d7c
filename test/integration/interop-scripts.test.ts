// scripts/brokers/start-all.sh and stop-all.sh, run for real in a state folder of their own: free
// loopback ports, only `export` lines on stdout, reuse of a running set, leases, and a clean stop.
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readdir, rm } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { makeGraph, skipInterop, uniqueName } from './support/brokers.ts';
import { runLogged } from './support/loggedRun.ts';

const exec = promisify(execFile);
const SCRIPTS = new URL('../../scripts/brokers/', import.meta.url).pathname;

/** Runs one of the broker scripts with this folder's state and a lease holder; returns its stdout. */
async function script(name: string, env: Record<string, string>, args: string[] = []) {
  const { stdout } = await exec('bash', [join(SCRIPTS, name), ...args], { env: { ...process.env, ...env }, timeout: 90_000 });
  return { stdout };
}

function exportsOf(stdout: string): Record<string, string> {
  return Object.fromEntries(stdout.trim().split('\n').map((line) => /^export (\w+)=(.*)$/.exec(line)!.slice(1, 3) as [string, string]));
}

const portOpen = (port: number) =>
  new Promise<boolean>((ok) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => (socket.destroy(), ok(true)));
    socket.once('error', () => ok(false));
  });

const portOf = (url: string) => Number(new URL(url).port);

describe.skipIf(skipInterop)('the broker scripts', () => {
  let dir = '';
  let holder: ChildProcess;
  let env: Record<string, string> = {};
  let first = { stdout: '' };

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'amqpflow-brokers-test-'));
    await chmod(dir, 0o755); // the RabbitMQ node runs as user rabbitmq and must reach its folder
    holder = spawn('sleep', ['600'], { stdio: 'ignore' });
    env = { AMQPFLOW_BROKERS_DIR: dir, AMQPFLOW_BROKERS_HOLDER: String(holder.pid) };
    first = await script('start-all.sh', env);
  }, 90_000);

  afterAll(async () => {
    await script('stop-all.sh', env, ['--force']).catch(() => undefined);
    holder.kill();
    await rm(dir, { recursive: true, force: true });
  });

  it('prints only export lines with both brokers’ WebSocket and TCP URLs on loopback', () => {
    const vars = exportsOf(first.stdout);
    expect(Object.keys(vars).sort()).toEqual(['AMQPFLOW_PROTON_TCP_URL', 'AMQPFLOW_PROTON_WS_URL', 'AMQPFLOW_RABBITMQ_TCP_URL', 'AMQPFLOW_RABBITMQ_WS_URL']);
    for (const [key, url] of Object.entries(vars)) {
      expect(url, key).toMatch(key.endsWith('_WS_URL') ? /^ws:\/\/127\.0\.0\.1:\d+\/$/ : /^amqp:\/\/127\.0\.0\.1:\d+$/);
    }
    expect(new Set(Object.values(vars).map(portOf)).size).toBe(4);
  });

  it('leaves both brokers accepting a transfer through their websockify', async () => {
    const vars = exportsOf(first.stdout);
    for (const [url, address] of [
      [vars.AMQPFLOW_RABBITMQ_WS_URL!, `/queue/${uniqueName('scripts')}`],
      [vars.AMQPFLOW_PROTON_WS_URL!, uniqueName('scripts')],
    ]) {
      const { run, log } = runLogged(
        makeGraph('Scripts', [['c1', 'connection', { url }], ['s1', 'session'], ['tx1', 'sender', { address }], ['t1', 'transfer', { body: 'up' }]], [
          ['c1', 's1'],
          ['s1', 'tx1'],
          ['tx1', 't1'],
        ]),
      );
      try {
        expect((await log.waitFor('TRANSFER_SETTLED', 't1')).outcome).toBe('accepted');
      } finally {
        await run.stop();
      }
    }
  });

  it('reuses the running set on a second call, with the same URLs', async () => {
    const again = await script('start-all.sh', env);
    expect(again.stdout).toBe(first.stdout);
  });

  it('keeps the brokers while another process holds a lease, then stops exactly them', async () => {
    const ports = Object.values(exportsOf(first.stdout)).map(portOf);
    // This test process holds no lease: stopping on its behalf leaves the holder's brokers running.
    await script('stop-all.sh', { AMQPFLOW_BROKERS_DIR: dir, AMQPFLOW_BROKERS_HOLDER: String(process.pid) });
    expect(await Promise.all(ports.map(portOpen))).toEqual([true, true, true, true]);

    await script('stop-all.sh', env);
    expect(await Promise.all(ports.map(portOpen))).toEqual([false, false, false, false]);
    expect(await readdir(join(dir, 'rabbitmq'))).not.toContain('state');
    expect(await readdir(join(dir, 'proton'))).not.toContain('state');
  });
});
