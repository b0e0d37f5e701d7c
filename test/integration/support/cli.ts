// The `amqp-flow` command line as a user runs it, for the CLI's integration tests: a real child
// process of bin/amqp-flow.js, its exit code and output, and flow files in a temporary folder.
import { spawn } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export interface CliResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `amqp-flow <args>` from the repository root and resolves once it exits. */
export function runCli(args: readonly string[]): Promise<CliResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['bin/amqp-flow.js', ...args], { cwd: ROOT });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** `amqp-flow run`'s output: one JSON object per line. */
export const jsonLines = (stdout: string) => stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);

/** A temporary folder for flow files (and what the CLI writes), removed by `remove`. */
export async function tempFolder(prefix: string) {
  const dir = await mkdtemp(join(tmpdir(), `amqp-flow-${prefix}-`));
  return {
    dir,
    /** writes `<name>.amqpflow.json` and returns its path */
    async flow(name: string, graph: object): Promise<string> {
      const file = join(dir, `${name}.amqpflow.json`);
      await writeFile(file, JSON.stringify(graph));
      return file;
    },
    remove: () => rm(dir, { recursive: true, force: true }),
  };
}

export type TempFolder = Awaited<ReturnType<typeof tempFolder>>;
