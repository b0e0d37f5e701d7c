// run_to_open_ms: Run pressed to the connection shown open on the canvas (its CONNECTION_OPEN reached
// the page), against the embedded broker that served the page; the median of 20 presses, the first
// one (which also loads the engine's chunk) included.
import { importGraph, stopRun, timeRun } from './lib/app.ts';
import { startBenchBrowser } from './lib/browser.ts';
import { openOnlyGraph } from './lib/graphs.ts';
import { detail, figure, main } from './lib/report.ts';
import { median, percentile, round } from './lib/stats.ts';

const PRESSES = 20;

main(async () => {
  const bb = await startBenchBrowser();
  try {
    const page = await bb.openApp();
    await importGraph(page, openOnlyGraph());
    const times: number[] = [];
    for (let i = 0; i < PRESSES; i++) {
      times.push(await timeRun(page, { c1: 'state=open' }, 30_000));
      await stopRun(page);
    }
    console.log(`Run → open, ms: ${times.map((t) => t.toFixed(1)).join(', ')}`);
    detail('run_to_open_ms', { presses: PRESSES, ms: times.map((t) => round(t, 1)), p90: round(percentile(times, 90), 1) });
    figure('run_to_open_ms', round(median(times), 1), 'ms');
  } finally {
    await bb.close();
  }
});
