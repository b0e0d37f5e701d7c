// Lifetimes of what engine tests start: useRunScope() gives a test its brokers and engine runs,
// closed after it (runs first, newest first); sharedBroker() gives a describe one broker for all its
// tests. Call either inside a describe.
import { afterAll, afterEach, beforeAll } from 'vitest';
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
    /** anything else to close after the test (e.g. a broker started again on the same port) */
    later(close: () => Promise<void>): void {
      cleanups.push(close);
    },
    /** a recorded run, stopped after the test */
    run(r: Recorded): Recorded {
      cleanups.push(() => r.run.stop());
      return r;
    },
  };
}

/** One embedded broker shared by the calling describe's tests: started before them, closed after them. */
export function sharedBroker(options?: BrokerOptions): { readonly server: RunningServer } {
  let server: RunningServer | undefined;
  beforeAll(async () => {
    server = await startBroker(options);
  });
  afterAll(async () => {
    await server?.close();
  });
  return {
    get server() {
      if (!server) throw new Error('the broker starts in beforeAll: use it inside a test');
      return server;
    },
  };
}
