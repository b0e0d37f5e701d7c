// engine_memory_mb: the engine's heap through 1,000,000 transfers in one run (200,000 with --quick)
// against the embedded broker in another process, keeping the last 100,000 events in a ring as the
// page's event log does. The heap is sampled after a full GC every 100,000 settled transfers.
import { runGraph } from '../src/engine/runGraph.ts';
import { nodeWebSocketFactory } from '../src/engine/wsFactory.ts';
import type { EngineEvent } from '../src/engine/events.ts';
import { startChildBroker } from './lib/broker.ts';
import { throughputGraph } from './lib/graphs.ts';
import { detail, figure, main, quick } from './lib/report.ts';
import { round } from './lib/stats.ts';

const TRANSFERS = quick ? 200_000 : 1_000_000;
const SAMPLE_EVERY = 100_000;
const LOG_RING = 100_000;

const gc = (globalThis as { gc?: () => void }).gc;

function heapMb(): number {
  gc!();
  gc!();
  return process.memoryUsage().heapUsed / 1e6;
}

main(async () => {
  if (!gc) throw new Error('global.gc is missing: run with NODE_OPTIONS=--expose-gc (npm run bench does)');
  const broker = await startChildBroker();
  try {
    const graph = throughputGraph({ address: `memory-${process.pid}`, messages: TRANSFERS, bodySize: 100, creditWindow: 500, url: broker.wsUrl });
    const baseline = heapMb();
    const ring: EngineEvent[] = new Array<EngineEvent>(LOG_RING);
    let written = 0;
    let settledCount = 0;
    let receivedCount = 0;
    let allReceived!: () => void;
    const received = new Promise<void>((ok) => (allReceived = ok));
    const samples: { transfers: number; heapMb: number }[] = [];
    const started = performance.now();
    const run = runGraph(graph, { createWebSocket: nodeWebSocketFactory });
    let nextSample = SAMPLE_EVERY;
    let sampling = Promise.resolve();
    run.subscribe((e) => {
      ring[written++ % LOG_RING] = e;
      if (e.event === 'MESSAGE_RECEIVED' && ++receivedCount === TRANSFERS) allReceived();
      if (e.event !== 'TRANSFER_SETTLED') return;
      settledCount++;
      if (settledCount === nextSample) {
        nextSample += SAMPLE_EVERY;
        const at = settledCount;
        // Outside the listener, so the sample does not hold the engine's stack.
        sampling = sampling.then(() => new Promise<void>((ok) => setImmediate(() => {
          const mb = heapMb();
          samples.push({ transfers: at, heapMb: round(mb, 1) });
          console.log(`${at} transfers settled: heap ${mb.toFixed(1)} MB (${((performance.now() - started) / 1000).toFixed(0)} s)`);
          ok();
        })));
      }
    });
    const summary = await run.settled;
    await received;
    await sampling;
    await run.stop();
    if (summary.accepted !== TRANSFERS) throw new Error(`expected ${TRANSFERS} accepted, got ${JSON.stringify(summary)}`);
    const first = samples[0]!.heapMb;
    const last = samples.at(-1)!.heapMb;
    const seconds = (performance.now() - started) / 1000;
    detail('engine_memory_mb', { transfers: TRANSFERS, received: summary.received, baselineMb: round(baseline, 1), samples, seconds: round(seconds, 1), ringEvents: Math.min(written, LOG_RING) });
    figure('engine_memory_mb', round(last, 1), 'MB');
    figure('engine_memory_growth_mb', round(last - first, 1), 'MB');
  } finally {
    await broker.close();
  }
});
