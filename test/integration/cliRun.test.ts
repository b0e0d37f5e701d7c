import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { oneSession } from './engineHarness.ts';
import { jsonLines, runCli, tempFolder } from './support/cli.ts';
import { sharedBroker } from './support/runScope.ts';

const fixture = (name: string) => `test/fixtures/graphs/${name}.amqpflow.json`;

describe('amqp-flow run', () => {
  const shared = sharedBroker();

  it('exits 0 after the seed flow, printing one event per line and the summary last', async () => {
    const { code, stdout } = await runCli(['run', fixture('hello-cbs'), '--url', shared.server.wsUrl]);
    const out = jsonLines(stdout);
    expect(code).toBe(0);
    expect(out.at(-1)).toEqual({ summary: { transfers: 1, accepted: 1, rejected: 0, released: 0, modified: 0, presettled: 0, lost: 0, unsent: 0, received: 0, errors: 0 } });
    expect(out.slice(0, -1).map((e) => e.event)).toEqual(expect.arrayContaining(['CONNECTION_OPEN', 'SESSION_OPEN', 'SENDER_OPEN', 'TRANSFER_SETTLED', 'CONNECTION_CLOSED']));
  }, 60_000);

  it('waits for the receiver to go quiet and prints frames with --frames', async () => {
    const { code, stdout } = await runCli(['run', fixture('round-trip'), '--url', shared.server.wsUrl, '--frames', '--quiet-ms', '300']);
    const out = jsonLines(stdout);
    expect(code).toBe(0);
    expect(out.at(-1)).toMatchObject({ summary: { transfers: 3, accepted: 3, received: 3 } });
    const frames = out.filter((l) => 'frame' in l).map((l) => l.frame as { performative: string; dir: string });
    expect(frames.some((f) => f.dir === 'out' && f.performative === 'open')).toBe(true);
    expect(frames.some((f) => f.dir === 'in' && f.performative === 'transfer')).toBe(true);
  }, 60_000);

  it('counts pre-settled sends as presettled, not accepted, and exits 0', async () => {
    const folder = await tempFolder('cli');
    const file = await folder.flow('presettled', oneSession('', [
      { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'cli-presettled-q' } },
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'cli-presettled-q', sndSettleMode: 'settled' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'fire and forget', count: 3 } },
    ]));
    try {
      const { code, stdout } = await runCli(['run', file, '--url', shared.server.wsUrl, '--quiet-ms', '300']);
      const out = jsonLines(stdout);
      expect(out.at(-1)).toMatchObject({ summary: { transfers: 3, accepted: 0, presettled: 3, received: 3, errors: 0 } });
      expect(out.filter((e) => e.event === 'TRANSFER_SETTLED').map((e) => e.outcome)).toEqual(['presettled', 'presettled', 'presettled']);
      expect(code).toBe(0);
    } finally {
      await folder.remove();
    }
  }, 60_000);

  it('exits 1 with the hint when nothing listens at the URL', async () => {
    const s = createServer();
    await new Promise<void>((r) => s.listen(0, '127.0.0.1', () => r()));
    const { port } = s.address() as AddressInfo;
    await new Promise<void>((r) => s.close(() => r()));
    const { code, stdout } = await runCli(['run', fixture('hello-cbs'), '--url', `ws://127.0.0.1:${port}/`]);
    const out = jsonLines(stdout);
    expect(code).toBe(1);
    expect(out.find((e) => e.event === 'CONNECTION_ERROR')).toMatchObject({ errorDetail: { condition: 'amqp-flow:connection-refused' } });
    expect(out.at(-1)).toMatchObject({ summary: { unsent: 1, errors: 1 } });
  }, 60_000);

  it('exits 1 and reports unsent transfers when the timeout comes first', async () => {
    // the flow is fine; 1 ms is too short for the connection to open, so no attempt reaches the broker
    const { code, stdout } = await runCli(['run', fixture('round-trip'), '--url', shared.server.wsUrl, '--timeout-ms', '1']);
    const out = jsonLines(stdout);
    expect(code).toBe(1);
    expect(out.at(-1)).toMatchObject({ summary: { transfers: 3 } });
    const s = out.at(-1)!.summary as Record<string, number>;
    expect((s.unsent ?? 0) + (s.lost ?? 0)).toBeGreaterThan(0);
  }, 60_000);

  it('exits 2 with one line per problem, naming node and field, for an invalid flow', async () => {
    const { code, stdout, stderr } = await runCli(['run', fixture('invalid-wiring'), '--url', shared.server.wsUrl]);
    expect(code).toBe(2);
    expect(stdout).toBe('');
    const problems = stderr.trim().split('\n');
    expect(problems).toContain('rx1.address: Receiver "rx1" needs an address to receive from, or dynamic turned on');
    expect(problems.some((p) => p.startsWith('t1: '))).toBe(true);
  }, 60_000);

  it('exits 2 and asks for --url when a connection has no URL', async () => {
    const { code, stderr } = await runCli(['run', fixture('hello-cbs')]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/c1\.url: .*pass --url/);
  }, 60_000);

  it('prints usage with --help and exits 2 on an unknown option', async () => {
    const help = await runCli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/Usage: amqp-flow run <graph.amqpflow.json>/);
    const bad = await runCli(['run', fixture('hello-cbs'), '--nope']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/Unknown option --nope/);
  }, 60_000);
});
