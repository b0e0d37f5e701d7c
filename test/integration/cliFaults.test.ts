// `amqp-flow run … --fault <spec>` against the embedded broker: the fault is injected when its
// moment comes, printed as a FAULT line, and what it causes follows.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningServer } from '../../broker/server.ts';
import { oneSession, startBroker } from './engineHarness.ts';
import { jsonLines, runCli, tempFolder, type TempFolder } from './support/cli.ts';

describe('amqp-flow run --fault', () => {
  let server: RunningServer;
  let folder: TempFolder;
  beforeAll(async () => {
    server = await startBroker();
    folder = await tempFolder('faults');
  });
  afterAll(async () => {
    await server.close();
    await folder.remove();
  });
  const flow = (name: string, graph: object) => folder.flow(name, graph);

  it('injects reject-next after the sender opens: one FAULT line, then the rejected attempt', async () => {
    const file = await flow('reject', oneSession('', [
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'cli-rej' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'x', count: 3, startAfterMs: 300 } },
    ]));
    const { code, stdout, stderr } = await runCli(['run', file, '--url', server.wsUrl, '--fault', 'reject-next:tx1,count=1,condition=amqp:not-allowed@after:SENDER_OPEN:tx1']);
    expect(stderr).toBe('');
    const out = jsonLines(stdout);
    const faults = out.filter((e) => e.event === 'FAULT');
    expect(faults).toEqual([expect.objectContaining({ node: 'tx1', fault: 'reject-next', target: 'cli-rej', count: 1, condition: 'amqp:not-allowed' })]);
    const outcomes = out.filter((e) => e.event === 'TRANSFER_SETTLED').map((e) => e.outcome);
    expect(outcomes.sort()).toEqual(['accepted', 'accepted', 'rejected']);
    expect(code).toBe(0); // rejected is an outcome the broker gave
  }, 60_000);

  it('restart-broker with reconnect on (and --resend-in-flight): the outage is reported, recovered from, and the run exits 0', async () => {
    const file = await flow('restart', oneSession('', [
      { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'cli-restart' } },
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'cli-restart' } },
      { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'x', count: 6, intervalMs: 250 } },
    ], { reconnect: true }));
    // an attempt in flight when the broker goes (the machine may be slow) is sent again rather than lost
    const { code, stdout, stderr } = await runCli(['run', file, '--url', server.wsUrl, '--resend-in-flight', '--fault', 'restart-broker,downMs=300@after:TRANSFER_SETTLED:t1:2']);
    expect(stderr).toBe('');
    const out = jsonLines(stdout);
    const names = out.map((e) => e.event);
    const fault = names.indexOf('FAULT');
    const error = names.indexOf('CONNECTION_ERROR');
    const reopened = out.findIndex((e) => e.event === 'CONNECTION_OPEN' && e.recovered === true);
    expect(fault).toBeGreaterThan(0);
    expect(error).toBeGreaterThan(fault);
    expect(reopened).toBeGreaterThan(error);
    expect(out[error]).toMatchObject({ reconnecting: true, errorDetail: { condition: 'amqp:connection:forced' } });
    expect(out.at(-1)).toMatchObject({ summary: { transfers: 6, accepted: 6, lost: 0, unsent: 0, errors: 0 } });
    expect(code).toBe(0);
  }, 60_000);

  it('refuses a fault it cannot read or aim, with exit 2', async () => {
    const file = await flow('plain', oneSession('', [{ id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'q' } }]));
    const unknown = await runCli(['run', file, '--url', server.wsUrl, '--fault', 'melt-broker@10']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/unknown fault "melt-broker"/);
    const misaimed = await runCli(['run', file, '--url', server.wsUrl, '--fault', 'withhold-credit:tx1']);
    expect(misaimed.code).toBe(2);
    expect(misaimed.stderr).toMatch(/Withhold credit: select a receiver first/);
  }, 60_000);
});
