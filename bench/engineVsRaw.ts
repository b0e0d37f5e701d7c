// engine_vs_raw: messages/s through sender → embedded broker → receiver with the page's engine and
// every live view on (Run pressed on an imported flow), divided by a raw rhea client doing the same
// in the same page against the same broker: same count, size and credit window, alternating rounds.
import { importGraph, stopRun, timeRun } from './lib/app.ts';
import { startBenchBrowser } from './lib/browser.ts';
import { throughputGraph } from './lib/graphs.ts';
import { bundlePageScript } from './lib/pageBundle.ts';
import { detail, figure, main, quick } from './lib/report.ts';
import { median, round } from './lib/stats.ts';

const MESSAGES = quick ? 2_000 : 5_000;
const ROUNDS = quick ? 2 : 4;
const BODY = 100;
const CREDIT = 500;
const ADDRESS = 'bench-throughput';

main(async () => {
  const rawScript = await bundlePageScript('rawClient');
  const bb = await startBenchBrowser();
  try {
    const page = await bb.openApp();
    await page.addScriptTag({ content: rawScript });
    await importGraph(page, throughputGraph({ address: ADDRESS, messages: MESSAGES, bodySize: BODY, creditWindow: CREDIT }));

    const engineRound = async () => {
      const ms = await timeRun(page, { tx1: `${MESSAGES} accepted`, rx1: `${MESSAGES} received` });
      await stopRun(page);
      return MESSAGES / (ms / 1000);
    };
    const rawRound = async () => {
      const ms = await page.evaluate((o) => (globalThis as unknown as { __benchRaw: { run(o: unknown): Promise<number> } }).__benchRaw.run(o),
        { url: bb.server.wsUrl, address: ADDRESS, messages: MESSAGES, bodySize: BODY, creditWindow: CREDIT });
      return MESSAGES / (ms / 1000);
    };

    // Warm-up, not counted: loads the engine chunk, JIT-compiles both paths, creates the queue.
    await engineRound();
    await rawRound();
    const engine: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which goes first, so drift on a shared machine falls on both.
      if (i % 2 === 0) {
        engine.push(await engineRound());
        raw.push(await rawRound());
      } else {
        raw.push(await rawRound());
        engine.push(await engineRound());
      }
      console.log(`round ${i + 1}: engine ${engine[i]!.toFixed(0)} msg/s, raw ${raw[i]!.toFixed(0)} msg/s`);
    }
    const ratio = median(engine.map((e, i) => e / raw[i]!));
    detail('engine_vs_raw', { messages: MESSAGES, bodyBytes: BODY, creditWindow: CREDIT, rounds: ROUNDS,
      engineMsgPerSecond: engine.map(Math.round), rawMsgPerSecond: raw.map(Math.round) });
    figure('engine_vs_raw', round(ratio, 2), 'ratio');
  } finally {
    await bb.close();
  }
});
