// Starts the embedded broker in a child process (bench/lib/brokerProcess.ts) and stops it.
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

export interface ChildBroker {
  wsUrl: string;
  tcpUrl: string;
  pid: number;
  close(): Promise<void>;
}

export async function startChildBroker(): Promise<ChildBroker> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('./brokerProcess.ts', import.meta.url))], {
    stdio: ['pipe', 'pipe', 'inherit'],
    env: { ...process.env, NODE_OPTIONS: '' },
  });
  const exited = new Promise<void>((ok) => child.once('exit', () => ok()));
  const first = await new Promise<string>((ok, fail) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', ok);
    child.once('exit', (code) => fail(new Error(`the broker process exited (${code}) before listening`)));
  });
  const { wsUrl, tcpUrl } = JSON.parse(first) as { wsUrl: string; tcpUrl: string };
  return {
    wsUrl,
    tcpUrl,
    pid: child.pid!,
    async close() {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}
