// Starts the one-hop sink (bench/lib/sinkProcess.ts) in a child process and stops it.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ChildSink {
  tcpUrl: string;
  close(): Promise<void>;
}

export async function startChildSink(): Promise<ChildSink> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./sinkProcess.ts', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const first = await new Promise<string>((ok, fail) => {
    createInterface({ input: child.stdout! }).once('line', ok);
    child.once('exit', (code) => fail(new Error(`the sink process exited (${code}) before listening`)));
  });
  const { tcpUrl } = JSON.parse(first) as { tcpUrl: string };
  return {
    tcpUrl,
    async close() {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
