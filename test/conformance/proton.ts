// Runs one Qpid Proton conformance case (test/conformance/run.py) against a broker URL and returns
// what the case reports. Python runs in a child process so the broker in this process keeps serving.
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startServer, type RunningServer } from '../../broker/server.ts';
import type { BrokerOptions } from '../../broker/broker.ts';

export const PYTHON = '/usr/bin/python3';
const RUNNER = fileURLToPath(new URL('./run.py', import.meta.url));

export interface CaseOptions {
  /** address prefix: "/queue/" on RabbitMQ */
  prefix?: string;
  /** the broker dead-letters to `<address>.dlq` */
  dlq?: boolean;
  [key: string]: unknown;
}

/** Run a case; resolves with its result, rejects with the Python error and trace. */
export function runCase<T = Record<string, unknown>>(name: string, url: string, options: CaseOptions = {}): Promise<T> {
  return new Promise((ok, fail) => {
    execFile(PYTHON, ['-B', RUNNER, name, url, JSON.stringify(options)], { timeout: 60_000 }, (error, stdout, stderr) => {
      const line = stdout.trim().split('\n').pop() ?? '';
      let report: { ok?: T; error?: string; trace?: string };
      try {
        report = JSON.parse(line) as typeof report;
      } catch {
        return fail(new Error(`case ${name} printed no result (${error?.message ?? 'no error'}):\n${stdout}\n${stderr}`));
      }
      if (report.error !== undefined) return fail(new Error(`case ${name}: ${report.error}\n${report.trace ?? ''}`));
      ok(report.ok as T);
    });
  });
}

/** The embedded broker on free ports (HTTP/WebSocket and plain TCP), for one case. */
export async function embeddedBroker(options: BrokerOptions = {}): Promise<RunningServer & { tcpUrl: string }> {
  const server = await startServer({ host: '127.0.0.1', port: 0, tcpPort: 0, broker: options });
  return server as RunningServer & { tcpUrl: string };
}

/** Start the embedded broker, run one case against its TCP port, close the broker. */
export async function onEmbedded<T = Record<string, unknown>>(name: string, broker: BrokerOptions = {}, options: CaseOptions = {}): Promise<T> {
  const server = await embeddedBroker(broker);
  try {
    return await runCase<T>(name, server.tcpUrl, { dlq: true, ...options });
  } finally {
    await server.close();
  }
}
