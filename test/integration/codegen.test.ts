// The exported rhea program against the embedded broker: it must end the same way the engine does on the same flow.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../broker/server.ts';
import { generateTypeScript } from '../../src/codegen/typescript.ts';
import type { EngineEvent } from '../../src/engine/events.ts';
import type { RunSummary } from '../../src/engine/run.ts';
import { runGraph } from '../../src/engine/runGraph.ts';
import { runUntilQuiet } from '../../src/engine/runUntilQuiet.ts';
import { nodeWebSocketFactory } from '../../src/engine/wsFactory.ts';
import { TEMPLATES } from '../../src/graph/templates.ts';
import { graphOf } from '../../src/graph/fixtures/factory.ts';
import type { Graph } from '../../src/graph/types.ts';
import { runExportedProgram } from './support/exportedProgram.ts';

const OUT_DIR = join(process.cwd(), '.tmp', `codegen-${process.pid}`);
const QUIET_MS = 500;
const template = (id: string): Graph => TEMPLATES.find((t) => t.id === id)!.graph();

interface Outcome {
  summary: RunSummary;
  events: EngineEvent[];
}

/** A follow-up action once a condition on the events so far holds (the credit grant of the starvation case). */
interface FollowUp {
  when: (events: EngineEvent[]) => boolean;
  grant: { receiver: string; credit: number };
}

async function runEngine(graph: Graph, url: string, followUp?: FollowUp): Promise<Outcome> {
  const run = runGraph(graph, { createWebSocket: nodeWebSocketFactory, urlOverride: url });
  const events: EngineEvent[] = [];
  let granted = false;
  run.subscribe((e) => {
    events.push(e);
    if (followUp && !granted && followUp.when(events)) {
      granted = true;
      setTimeout(() => run.addCredit(followUp.grant.receiver, followUp.grant.credit), 0); // out of the event handler
    }
  });
  const { summary } = await runUntilQuiet(run, { quietMs: QUIET_MS, timeoutMs: 20_000 });
  return { summary, events };
}

async function runProgram(file: string, url: string, followUp?: FollowUp): Promise<Outcome & { code: number | null; stderr: string }> {
  let granted = false;
  const { summary, events, code, stderr } = await runExportedProgram(file, ['--url', url, '--quiet-ms', String(QUIET_MS), '--timeout-ms', '20000'], {
    onEvent(events, child) {
      if (followUp && !granted && followUp.when(events)) {
        granted = true;
        child.stdin.write(`credit ${followUp.grant.receiver} ${followUp.grant.credit}\n`);
      }
    },
  });
  if (!summary) throw new Error(`the program printed no summary (exit ${code}):\n${stderr}`);
  return { summary, events, code, stderr };
}

/** What must match between the engine and the program: per node, how many of each event (credit aside). */
function eventCounts(events: EngineEvent[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const e of events) {
    if (e.event === 'CREDIT') continue;
    const key = `${e.node} ${e.event}${e.event === 'TRANSFER_SETTLED' ? ` ${e.outcome}` : ''}`;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
}

const received = (events: EngineEvent[]) =>
  events
    .flatMap((e) => (e.event === 'MESSAGE_RECEIVED' ? [`${e.node} ${String(e.properties.messageId)} ${JSON.stringify(e.body)}`] : []))
    .sort();

describe('exported TypeScript program', () => {
  let server: RunningServer;
  let starving: RunningServer;
  beforeAll(async () => {
    await mkdir(OUT_DIR, { recursive: true });
    server = await startServer({ port: 0, tcpPort: false });
    // A queue of 3, as in the engine's credit test: the broker gives the sender credit only for the room left.
    starving = await startServer({ port: 0, tcpPort: false, broker: { maxQueueDepth: 3 } });
  });
  afterAll(async () => {
    await server.close();
    await starving.close();
    await rm(OUT_DIR, { recursive: true, force: true });
  });

  async function compare(id: string, broker: () => RunningServer, followUp?: FollowUp, graph: Graph = template(id)) {
    const file = join(OUT_DIR, `${id}.ts`);
    await writeFile(file, generateTypeScript(graph));
    const engine = await runEngine(graph, broker().wsUrl, followUp);
    const program = await runProgram(file, broker().wsUrl, followUp);
    expect(program.stderr).toBe('');
    expect(program.summary).toEqual(engine.summary);
    expect(eventCounts(program.events)).toEqual(eventCounts(engine.events));
    expect(received(program.events)).toEqual(received(engine.events));
    return { engine, program };
  }

  it('sends "Hello!" to $cbs and ends accepted, exactly as the engine does', async () => {
    const { program } = await compare('hello-cbs', () => server);
    expect(program.code).toBe(0);
    expect(program.summary).toMatchObject({ transfers: 1, accepted: 1, errors: 0 });
    expect(program.events.map((e) => e.event).filter((n) => n.endsWith('_OPEN'))).toEqual(['CONNECTION_OPEN', 'SESSION_OPEN', 'SENDER_OPEN']);
  });

  it('sends five messages and receives the same five back, like the engine', async () => {
    const { program } = await compare('send-receive', () => server);
    expect(program.summary).toMatchObject({ transfers: 5, accepted: 5, received: 5 });
  });

  it('starves at three credits, then delivers all ten after the same follow-up grant the engine got', async () => {
    const followUp: FollowUp = {
      // starved: three received and the receiver's credit reported used up (not a pause that hopes so)
      when: (events) =>
        events.filter((e) => e.event === 'MESSAGE_RECEIVED').length === 3 && events.some((e) => e.event === 'CREDIT' && e.node === 'rx1' && e.credit === 0),
      grant: { receiver: 'rx1', credit: 7 },
    };
    const { program } = await compare('credit-starvation', () => starving, followUp);
    expect(program.summary).toMatchObject({ transfers: 10, accepted: 10, received: 10, unsent: 0, lost: 0 });
    const starved = program.events.filter((e) => e.event === 'CREDIT' && e.node === 'rx1');
    expect(starved.some((e) => e.event === 'CREDIT' && e.credit === 0)).toBe(true);
  });

  it('puts the dynamic receiver\'s address into replyTo of the request, like the engine', async () => {
    const { program } = await compare('request-reply', () => server);
    const dynamic = program.events.find((e) => e.event === 'RECEIVER_OPEN' && e.node === 'rx1');
    const request = program.events.find((e) => e.event === 'MESSAGE_RECEIVED' && e.node === 'rx2');
    expect(dynamic && 'address' in dynamic && dynamic.address).toBeTruthy();
    expect(request?.event === 'MESSAGE_RECEIVED' && request.properties.replyTo).toBe(dynamic && 'address' in dynamic ? dynamic.address : 'none');
  });

  it('ends pre-settled sends as presettled, like the engine, and exits 0', async () => {
    const graph = template('send-receive');
    for (const n of graph.nodes) if (n.kind === 'sender') n.props = { ...n.props, sndSettleMode: 'settled' };
    const { program } = await compare('presettled', () => server, undefined, graph);
    expect(program.code).toBe(0);
    expect(program.summary).toMatchObject({ transfers: 5, accepted: 0, presettled: 5, received: 5 });
  });

  it('sends each application property number as the AMQP type the engine would, the picked one or int/long/double', async () => {
    const props = { applicationProperties: { picked: 7, small: 202, big: 2 ** 40, ratio: 0.25, name: 'x' }, applicationPropertyTypes: { picked: 'long' as const } };
    const send = graphOf('typed send', [['c1', 'connection'], ['s1', 'session'], ['tx1', 'sender', { address: 'typed-props' }], ['t1', 'transfer', props]], [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1']]);
    const file = join(OUT_DIR, 'typed-props.ts');
    await writeFile(file, generateTypeScript(send));
    const program = await runProgram(file, server.wsUrl);
    expect(program.summary).toMatchObject({ transfers: 1, accepted: 1 });
    const receive = graphOf('typed receive', [['c1', 'connection'], ['s1', 'session'], ['rx1', 'receiver', { address: 'typed-props' }]], [['c1', 's1'], ['s1', 'rx1']]);
    const got = (await runEngine(receive, server.wsUrl)).events.find((e) => e.event === 'MESSAGE_RECEIVED');
    expect(got?.event === 'MESSAGE_RECEIVED' && got.applicationPropertyTypes).toEqual({ picked: 'long', small: 'int', big: 'long', ratio: 'double', name: 'string' });
  });

  it('exports programs that type-check under strict TypeScript, runtime included', async () => {
    const files: string[] = [];
    for (const t of TEMPLATES) {
      const file = join(OUT_DIR, `typed-${t.id}.ts`);
      await writeFile(file, generateTypeScript(t.graph()));
      files.push(file);
    }
    const program = ts.createProgram(files, {
      strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, types: ['node'], esModuleInterop: true,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName ?? ''}: ${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`);
    expect(problems).toEqual([]);
  }, 60_000);

  it('refuses to start without a URL and says how to give one', async () => {
    const graph = template('hello-cbs');
    const file = join(OUT_DIR, 'no-url.ts');
    await writeFile(file, generateTypeScript(graph));
    const { code, stderr } = await runExportedProgram(file, []);
    expect(code).toBe(2);
    expect(stderr).toContain('c1.url: connection "c1" has no URL; pass --url');
  });
});
