// A client that is not rhea: Debian's Qpid Proton (python3-qpid-proton) sends and receives through
// the embedded broker over plain TCP, showing it speaks AMQP 1.0 and not only rhea to rhea.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestBroker, queueInfo, type TestBroker } from './brokerSupport.ts';

const PYTHON = '/usr/bin/python3';
const SCRIPT = fileURLToPath(new URL('./python/send_receive.py', import.meta.url));

let b: TestBroker;
beforeAll(async () => { b = await startTestBroker(); });
afterAll(async () => { await b.close(); });

/** Runs the script without blocking this process's event loop, where the broker lives. */
function runPython(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((ok) => {
    execFile(PYTHON, [SCRIPT, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      ok({ code: error ? Number((error as { code?: number }).code ?? 1) : 0, stdout, stderr });
    });
  });
}

describe('embedded broker with a Qpid Proton client', () => {
  it('lets a Python Proton client send, receive, release and accept over TCP', async () => {
    expect(existsSync(PYTHON), 'python3-qpid-proton is installed by scripts/install-test-deps.sh').toBe(true);
    const run = await runPython([new URL(b.tcpUrl!).href, 'proton-interop', '5']);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const report = JSON.parse(run.stdout) as { received: string[]; properties: number[]; delivery_counts: number[]; offered: string[] };
    expect(report.received.slice(0, 5)).toEqual(['proton 0', 'proton 1', 'proton 2', 'proton 3', 'proton 4']);
    expect(report.received[5]).toBe('proton 0'); // the released one, redelivered
    expect(report.properties).toEqual([0, 1, 2, 3, 4, 0]);
    expect(report.delivery_counts).toEqual([0, 0, 0, 0, 0, 0]);
    expect(report.offered).toContain('ANONYMOUS-RELAY');
    expect(await queueInfo(b, 'proton-interop')).toMatchObject({ depth: 0, enqueued: 5, dequeued: 5 });
  });
});
