// A program that Export code wrote, run as a user runs it: node with tsx, the given flags, its
// stdout read as one JSON object per line (the run's events, then its summary).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import type { EngineEvent } from '../../../src/engine/events.ts';
import type { RunSummary } from '../../../src/engine/run.ts';

export interface ProgramRun {
  code: number | null;
  stdout: string;
  stderr: string;
  events: EngineEvent[];
  summary: RunSummary | null;
}

export interface ProgramOptions {
  /** added to the environment (secrets the program reads) */
  env?: Record<string, string>;
  /** called after each event line, e.g. to write a command to the program's stdin */
  onEvent?: (events: EngineEvent[], child: ChildProcessWithoutNullStreams) => void;
}

/** Runs `file` with `args` and resolves when it exits; lines that are not JSON stay only in stdout. */
export function runExportedProgram(file: string, args: readonly string[], { env = {}, onEvent }: ProgramOptions = {}): Promise<ProgramRun> {
  const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
  const run: ProgramRun = { code: null, stdout: '', stderr: '', events: [], summary: null };
  let partial = '';
  const readLine = (line: string) => {
    let parsed: EngineEvent | { summary: RunSummary };
    try {
      parsed = JSON.parse(line) as EngineEvent | { summary: RunSummary };
    } catch {
      return;
    }
    if ('summary' in parsed) run.summary = parsed.summary;
    else {
      run.events.push(parsed);
      onEvent?.(run.events, child);
    }
  };
  child.stderr.on('data', (b: Buffer) => (run.stderr += b.toString()));
  child.stdout.on('data', (b: Buffer) => {
    run.stdout += b.toString();
    const lines = (partial + b.toString()).split('\n');
    partial = lines.pop() ?? '';
    lines.filter(Boolean).forEach(readLine);
  });
  return new Promise((resolve) =>
    child.on('close', (code) => {
      if (partial) readLine(partial);
      resolve({ ...run, code });
    }),
  );
}
