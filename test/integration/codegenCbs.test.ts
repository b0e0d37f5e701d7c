// The exported TypeScript program signs in over $cbs as the engine does: it reads the SAS token from
// the environment, puts it to the embedded broker's $cbs, reports CBS_TOKEN 202 and only then
// begins the flow's sessions.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../broker/server.ts';
import { generateTypeScript } from '../../src/codegen/typescript.ts';
import { TEMPLATES } from '../../src/graph/templates.ts';
import type { Graph } from '../../src/graph/types.ts';
import { record } from './engineHarness.ts';
import { runExportedProgram } from './support/exportedProgram.ts';

const OUT_DIR = join(process.cwd(), '.tmp', `codegen-cbs-${process.pid}`);
const TOKEN = 'SharedAccessSignature sr=amqps%3A%2F%2F127.0.0.1%2F&sig=not-checked-by-the-embedded-broker&se=4102444800&skn=RootManageSharedAccessKey';

/** Send and receive, with the connection signing in over $cbs. */
function flowWithCbs(): Graph {
  const g = TEMPLATES.find((t) => t.id === 'send-receive')!.graph();
  const c1 = g.nodes.find((n) => n.id === 'c1')!;
  c1.props = { cbs: { token: TOKEN } };
  g.name = 'Send and receive over cbs';
  return g;
}

const runProgram = (file: string, url: string, env: Record<string, string>) =>
  runExportedProgram(file, ['--url', url, '--quiet-ms', '300', '--timeout-ms', '15000'], { env });

describe('exported TypeScript with claims-based security', () => {
  let server: RunningServer;
  beforeAll(async () => {
    await mkdir(OUT_DIR, { recursive: true });
    server = await startServer({ port: 0, tcpPort: false });
  });
  afterAll(async () => {
    await server.close();
    await rm(OUT_DIR, { recursive: true, force: true });
  });

  it('puts the token from the environment to $cbs, gets 202, then runs the flow like the engine', async () => {
    const graph = flowWithCbs();
    const source = generateTypeScript(graph);
    expect(source).not.toContain('not-checked-by-the-embedded-broker'); // the token stays out of the file
    const file = join(OUT_DIR, 'cbs.ts');
    await writeFile(file, source);

    const program = await runProgram(file, server.wsUrl, { AMQPFLOW_C1_CBS_TOKEN: TOKEN });
    expect(program.stderr).toBe('');
    expect(program.code).toBe(0);
    const names = program.events.map((e) => `${e.event} ${e.node}`);
    const cbs = program.events.find((e) => e.event === 'CBS_TOKEN');
    expect(cbs).toMatchObject({ node: 'c1', status: 202, description: 'Accepted', renewal: false });
    expect(names.indexOf('CBS_TOKEN c1')).toBeGreaterThan(names.indexOf('CONNECTION_OPEN c1'));
    expect(names.indexOf('SESSION_OPEN s1')).toBeGreaterThan(names.indexOf('CBS_TOKEN c1'));
    expect(program.summary).toMatchObject({ transfers: 5, accepted: 5, received: 5, errors: 0 });

    // The engine on the same flow reports the same handshake.
    const r = record({ ...graph, nodes: graph.nodes.map((n) => (n.kind === 'connection' ? { ...n, props: { ...n.props, url: server.wsUrl } } : n)) });
    const engineCbs = await r.waitFor((e) => e.event === 'CBS_TOKEN');
    expect(engineCbs).toMatchObject({ node: 'c1', status: 202, renewal: false });
    await r.run.stop();
  });

  it('without the token in the environment fails the connection and says which variable to set', async () => {
    const file = join(OUT_DIR, 'cbs-no-token.ts');
    await writeFile(file, generateTypeScript(flowWithCbs()));
    const program = await runProgram(file, server.wsUrl, { AMQPFLOW_C1_CBS_TOKEN: '' });
    expect(program.code).toBe(1);
    const error = program.events.find((e) => e.event === 'CONNECTION_ERROR');
    expect(error?.errorDetail?.description).toContain('AMQPFLOW_C1_CBS_TOKEN');
    expect(program.events.some((e) => e.event === 'SESSION_OPEN')).toBe(false);
  });

  it('exports a program with the handshake that type-checks under strict TypeScript', async () => {
    const file = join(OUT_DIR, 'typed-cbs.ts');
    await writeFile(file, generateTypeScript(flowWithCbs()));
    const program = ts.createProgram([file], {
      strict: true, noEmit: true, target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler, skipLibCheck: true, types: ['node'], esModuleInterop: true,
    });
    expect(ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'))).toEqual([]);
  }, 60_000);
});
