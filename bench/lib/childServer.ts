// Starts a server script of bench/lib in its own Node process and stops it, so a benchmark's heap
// or CPU figures are its client's alone. The script prints one JSON line (its URLs) once listening
// and exits when its stdin closes (brokerProcess.ts, sinkProcess.ts).
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ChildServer {
  pid: number;
  close(): Promise<void>;
}

/** Runs `script` (a file beside this one) and resolves with the URLs it printed; `what` names it in errors. */
export async function startChildServer<Urls extends object>(script: string, what: string): Promise<Urls & ChildServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const first = await new Promise<string>((ok, fail) => {
    createInterface({ input: child.stdout! }).once('line', ok);
    child.once('exit', (code) => fail(new Error(`${what} exited (${code}) before listening`)));
  });
  return {
    ...(JSON.parse(first) as Urls),
    pid: child.pid!,
    async close() {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

/** The script's side: prints `urls` as the line startChildServer waits for, then runs `close` and
 * exits when its stdin closes (the parent ended it or died) or on SIGTERM. */
export function serveUntilStdinCloses(urls: object, close: () => Promise<void>): void {
  console.log(JSON.stringify(urls));
  const stop = () => void close().finally(() => process.exit(0));
  process.stdin.on('end', stop).on('close', stop).resume();
  process.on('SIGTERM', stop);
}
