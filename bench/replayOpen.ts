// replay_open_100k_ms: a recording of 100,004 events and 25,000 frames opened through Open recording's file
// input, timed in the page from the file chooser's change event until the replay shows its last
// item; a fresh page for each of 3 opens, the median reported. (The e2e journey only checks it opens.)
import { BIG_RECORDING_ITEMS, bigRecording } from '../e2e/bigRecording.ts';
import { startBenchBrowser } from './lib/browser.ts';
import { detail, figure, main } from './lib/report.ts';
import { median, round } from './lib/stats.ts';

const OPENS = 3;

main(async () => {
  const bb = await startBenchBrowser();
  const text = Buffer.from(bigRecording());
  try {
    const times: number[] = [];
    for (let i = 0; i < OPENS; i++) {
      const page = await bb.openApp();
      await page.evaluate((last) => {
        document.addEventListener('change', () => {
          const chosen = performance.now();
          const seen = () => {
            if (document.querySelector('[aria-label="Replay position"]')?.textContent?.startsWith(`${last} / ${last}`)) {
              (window as unknown as { openMs: number }).openMs = performance.now() - chosen;
            } else requestAnimationFrame(seen);
          };
          requestAnimationFrame(seen);
        }, { capture: true });
      }, BIG_RECORDING_ITEMS);
      const chooser = page.waitForEvent('filechooser');
      await page.getByRole('button', { name: 'Open recording' }).click();
      await (await chooser).setFiles({ name: 'big.amqpflow-run.json', mimeType: 'application/json', buffer: text });
      const ms = await page.waitForFunction(() => (window as unknown as { openMs?: number }).openMs, undefined, { timeout: 60_000 }).then((h) => h.jsonValue());
      times.push(ms!);
      await page.close();
    }
    console.log(`recording open, ms: ${times.map((t) => t.toFixed(0)).join(', ')}`);
    detail('replay_open_100k_ms', { opens: OPENS, events: 100_004, frames: 25_000, ms: times.map((t) => round(t, 0)) });
    figure('replay_open_100k_ms', round(median(times), 0), 'ms');
  } finally {
    await bb.close();
  }
});
