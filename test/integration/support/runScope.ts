// A test's brokers and engine runs, closed after each test (runs first, newest first), and a poll for
// what the broker shows without an engine event (queue depths). Call useRunScope() inside a describe.
import { afterEach } from 'vitest';
import type { BrokerOptions } from '../../../broker/broker.ts';
import type { RunningServer } from '../../../broker/server.ts';
import { startBroker, type Recorded } from '../engineHarness.ts';

export function useRunScope() {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  return {
    /** an embedded broker on a free port, closed after the test */
    async broker(options?: BrokerOptions): Promise<RunningServer> {
      const server = await startBroker(options);
      cleanups.push(() => server.close());
      return server;
    },
    /** a recorded run, stopped after the test */
    run(r: Recorded): Recorded {
      cleanups.push(() => r.run.stop());
      return r;
    },
  };
}

/** Polls a condition on the broker every 20 ms, for up to 10 s. */
export async function until(check: () => boolean, what: string): Promise<void> {
  for (let i = 0; i < 500; i++) {
    if (check()) return;
    await new Promise((ok) => setTimeout(ok, 20));
  }
  throw new Error(`never happened: ${what}`);
}
