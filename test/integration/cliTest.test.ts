// `amqp-flow test` as a user runs it: every template (with its expectations) against the embedded
// broker, RabbitMQ and the Qpid Proton example broker (those two through the WebSocket → TCP relay),
// a failing expectation, the JUnit report, and `amqp-flow run --sequence`.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../broker/server.ts';
import { serializeGraph } from '../../src/graph/file.ts';
import { TEMPLATES } from '../../src/graph/templates.ts';
import { flowWithOwnAddresses, newAddressTag } from '../../src/lessons/lessonAddresses.ts';
import { externalBrokerUrl, releaseExternalBrokers, skipInterop } from './support/brokers.ts';
import { runCli, tempFolder, type TempFolder } from './support/cli.ts';

const escape = (text: string) => text.replace(/[$/.*+?()[\]{}|\\^]/g, '\\$&');

let folder: TempFolder;
let dir = '';
let templates = '';
let embedded: RunningServer;

beforeAll(async () => {
  folder = await tempFolder('test');
  dir = folder.dir;
  templates = join(dir, 'templates');
  await mkdir(templates);
  // queues of this run's own: another suite beside this one (or a demo) may use the same shared brokers
  const tag = newAddressTag();
  for (const t of TEMPLATES) await writeFile(join(templates, `${t.id}.amqpflow.json`), serializeGraph(flowWithOwnAddresses(t.graph(), tag)));
  embedded = await startServer({ port: 0, tcpPort: false });
});
afterAll(async () => {
  await embedded.close();
  await folder.remove();
  await releaseExternalBrokers();
});

describe('amqp-flow test against the embedded broker', () => {
  it('passes every template, one ✓ line per flow and "N passed, 0 failed", and writes JUnit XML', async () => {
    const junit = join(dir, 'embedded.xml');
    const { code, stdout } = await runCli(['test', templates, '--url', embedded.wsUrl, '--junit', junit]);
    const lines = stdout.trim().split('\n');
    for (const t of TEMPLATES) {
      const line = new RegExp(`^✓ ${escape(t.name)} — .*${t.id}\\.amqpflow\\.json \\(\\d+ checks\\)$`);
      expect(lines.some((l) => line.test(l)), `${line} in\n${stdout}`).toBe(true);
    }
    expect(lines.filter((l) => l.startsWith('✓'))).toHaveLength(TEMPLATES.length);
    expect(lines.at(-1)).toBe(`${TEMPLATES.length} passed, 0 failed`);
    expect(code).toBe(0);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain(`<testsuites name="amqp-flow test" tests="${TEMPLATES.length}" failures="0" skipped="0"`);
    expect(xml.match(/<testcase /g)).toHaveLength(TEMPLATES.length);
  }, 120_000);

  it('fails a flow whose expectation is not met, listing it, and exits 1', async () => {
    const g = TEMPLATES.find((t) => t.id === 'send-receive')!.graph();
    g.name = 'Expects too much';
    g.expect = { nodes: { rx1: { received: 6 }, t1: { outcomes: { accepted: 5 } } } };
    const file = join(dir, 'too-much.amqpflow.json');
    await writeFile(file, serializeGraph(g));
    const junit = join(dir, 'failing.xml');
    const { code, stdout } = await runCli(['test', file, join(templates, 'hello-cbs.amqpflow.json'), '--url', embedded.wsUrl, '--junit', junit]);
    expect(stdout.trim().split('\n')).toEqual([
      `✗ Expects too much — ${file} (2 checks)`,
      '    ✗ rx1 received = 6: 5 received',
      expect.stringMatching(/^✓ Hello over \$cbs — /),
      '1 passed, 1 failed',
    ]);
    expect(code).toBe(1);
    const xml = await readFile(junit, 'utf8');
    expect(xml).toContain('<failure message="rx1 received = 6: 5 received">');
  }, 60_000);

  it('fails a flow that cannot run, and one without expectations that errors', async () => {
    const bad = join(dir, 'bad.amqpflow.json');
    await writeFile(bad, '{"format": "amqp-flow", "version": 1, "nodes": [], "edges": [], "expect": {"timeLimitMs": 0}}');
    const { code, stdout } = await runCli(['test', bad, '--url', embedded.wsUrl]);
    expect(stdout).toMatch(/✗ .*bad\.amqpflow\.json\n {4}✗ expect\.timeLimitMs: .*whole number of milliseconds/);
    expect(stdout.trim().split('\n').at(-1)).toBe('0 passed, 1 failed');
    expect(code).toBe(1);
  }, 60_000);

  it('run --sequence writes the frames as a Mermaid sequenceDiagram, --canvas the flow as SVG', async () => {
    const out = join(dir, 'hello.mmd');
    const picture = join(dir, 'hello.svg');
    const { code } = await runCli(['run', join(templates, 'hello-cbs.amqpflow.json'), '--url', embedded.wsUrl, '--sequence', out, '--canvas', picture]);
    expect(code).toBe(0);
    const svg = await readFile(picture, 'utf8');
    expect(svg.match(/<g class="node"/g)).toHaveLength(4);
    expect(svg).toContain('>Hello over $cbs</text>');
    const text = await readFile(out, 'utf8');
    expect(text.split('\n').slice(0, 4)).toEqual(['sequenceDiagram', '  title Hello over $cbs', '  participant page_c1 as c1 (page)', '  participant broker_c1 as broker (c1)']);
    expect(text).toMatch(/page_c1->>broker_c1: \d+ ms attach handle=0 role=sender target=\$cbs/);
    expect(text).toMatch(/broker_c1-->>page_c1: \d+ ms disposition .*state=accepted/);
  }, 60_000);
});

describe.skipIf(skipInterop)('amqp-flow test against RabbitMQ and the Proton example broker, through the relay', () => {
  let relays: RunningServer | null = null;
  let unavailable: Error | null = null;
  beforeAll(async () => {
    try {
      const tcp = async (name: 'rabbitmq' | 'proton') => new URL((await externalBrokerUrl(name)).tcpUrl);
      const [rabbit, proton] = [await tcp('rabbitmq'), await tcp('proton')];
      relays = await startServer({
        port: 0,
        tcpPort: false,
        relays: [
          { name: 'rabbitmq', host: rabbit.hostname, port: Number(rabbit.port) },
          { name: 'proton', host: proton.hostname, port: Number(proton.port) },
        ],
      });
    } catch (e) {
      unavailable = e as Error;
    }
  }, 180_000);
  afterAll(async () => {
    await relays?.close();
  });

  // Competing consumers and Request / reply are marked embedded-only (see templateExpectations.ts).
  const embeddedOnly = TEMPLATES.filter((t) => t.graph().expect?.embeddedOnly !== undefined);
  for (const broker of ['rabbitmq', 'proton'] as const) {
    it(`passes every template on ${broker}, skipping the embedded-only ones with their reason`, async () => {
      if (unavailable) throw unavailable;
      const { code, stdout } = await runCli(['test', templates, '--url', relays!.relayUrls[broker]!]);
      const lines = stdout.trim().split('\n');
      expect(lines.at(-1)).toBe(`${TEMPLATES.length - embeddedOnly.length} passed, 0 failed, ${embeddedOnly.length} skipped`);
      for (const t of embeddedOnly) {
        const line = new RegExp(`^- ${escape(t.name)} — .* skipped: embedded broker only: `);
        expect(lines.some((l) => line.test(l)), `${line} in\n${stdout}`).toBe(true);
      }
      expect(code).toBe(0);
    }, 120_000);
  }
});
