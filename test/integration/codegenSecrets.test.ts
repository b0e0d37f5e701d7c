// The exported rhea program never holds a connection's password: it reads it from AMQPFLOW_<ID>_PASSWORD,
// and with it opens against an embedded broker that requires SASL PLAIN.
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../broker/server.ts';
import { generateTypeScript } from '../../src/codegen/typescript.ts';
import { TEMPLATES } from '../../src/graph/templates.ts';
import type { Graph } from '../../src/graph/types.ts';
import { runExportedProgram } from './support/exportedProgram.ts';

const OUT_DIR = join(process.cwd(), '.tmp', `codegen-secrets-${process.pid}`);
const PASSWORD = 'correct-horse-battery';

function flowWithPassword(): Graph {
  const g = TEMPLATES.find((t) => t.id === 'send-receive')!.graph();
  const c1 = g.nodes.find((n) => n.id === 'c1')!;
  c1.props = { ...c1.props, sasl: { mechanism: 'PLAIN', username: 'alice', password: PASSWORD } };
  return g;
}

const runProgram = (file: string, url: string, env: Record<string, string>) =>
  runExportedProgram(file, ['--url', url, '--quiet-ms', '300', '--timeout-ms', '20000'], { env });

describe('exported TypeScript and secrets', () => {
  let server: RunningServer;
  const file = join(OUT_DIR, 'send-receive-plain.ts');
  beforeAll(async () => {
    await mkdir(OUT_DIR, { recursive: true });
    server = await startServer({ port: 0, tcpPort: false, broker: { users: { alice: PASSWORD } } });
    await writeFile(file, generateTypeScript(flowWithPassword()));
  });
  afterAll(async () => {
    await server.close();
    await rm(OUT_DIR, { recursive: true, force: true });
  });

  it('holds no password in its text, only the name of the variable it reads', () => {
    const src = generateTypeScript(flowWithPassword());
    expect(src).not.toContain(PASSWORD);
    expect(src).toMatch(/secretFromEnv\(["']AMQPFLOW_C1_PASSWORD["']/);
  });

  it('runs with the password from AMQPFLOW_C1_PASSWORD against a broker that requires it', async () => {
    const { code, summary, stderr } = await runProgram(file, server.wsUrl, { AMQPFLOW_C1_PASSWORD: PASSWORD });
    expect(stderr).toBe('');
    expect(summary).toMatchObject({ transfers: 5, accepted: 5, received: 5, errors: 0 });
    expect(code).toBe(0);
  });

  it('stops before opening anything when the variable is not set, and says which one', async () => {
    const { code, stderr, stdout } = await runProgram(file, server.wsUrl, { AMQPFLOW_C1_PASSWORD: '' });
    expect(code).toBe(2);
    expect(stderr).toContain('AMQPFLOW_C1_PASSWORD');
    expect(stdout).toBe('');
  });

  it('is refused by the broker with a wrong password from the environment', async () => {
    const { code, stdout } = await runProgram(file, server.wsUrl, { AMQPFLOW_C1_PASSWORD: 'wrong' });
    expect(code).toBe(1);
    expect(stdout).toContain('CONNECTION_ERROR');
  });
});
