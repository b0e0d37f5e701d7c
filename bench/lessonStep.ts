// lesson_step_ms: how soon a lesson's `do` step moves on after the learner's action, in Chromium. Two
// actions, each on a fresh page opened with ?lesson=<id>: adding a Sender from the palette (the
// lifecycle lesson's first do step, met by the document) and pressing Run (the starvation lesson's
// "Press Run", met by the run). Each is timed in the page from the click event (its timeStamp) to
// the animation frame after the lesson's "Current step" turned to the next step; the figure is the
// slower action's median.
import type { Page } from 'playwright-core';
import { startBenchBrowser } from './lib/browser.ts';
import { detail, figure, main, quick } from './lib/report.ts';
import { median, round } from './lib/stats.ts';

const ROUNDS = quick ? 3 : 7;

const lesson = (page: Page) => page.getByRole('region', { name: 'Lesson' });

async function waitStep(page: Page, step: number) {
  await page.waitForFunction((n) => document.querySelector('[aria-label="Current step"]')?.getAttribute('data-step') === String(n), step, { timeout: 30_000 });
}

/** Arms the page: the next click starts the clock; the frame after "Current step" shows `step` stops it. */
async function armTimer(page: Page, step: number) {
  await page.evaluate((target) => {
    const w = window as unknown as { stepMs?: number };
    delete w.stepMs;
    let clicked = -1;
    document.addEventListener('click', (e) => {
      clicked = e.timeStamp;
    }, { capture: true, once: true });
    const shows = () => document.querySelector('[aria-label="Current step"]')?.getAttribute('data-step') === String(target);
    const observer = new MutationObserver(() => {
      if (clicked < 0 || !shows()) return;
      observer.disconnect();
      requestAnimationFrame(() => {
        w.stepMs = performance.now() - clicked;
      });
    });
    observer.observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-step'] });
  }, step);
}

async function measured(page: Page): Promise<number> {
  return page.waitForFunction(() => (window as unknown as { stepMs?: number }).stepMs, undefined, { timeout: 30_000 }).then((h) => h.jsonValue() as Promise<number>);
}

/** The lifecycle lesson's "Add a Sender" step (step index 1), met when the palette's Sender lands on the canvas. */
async function addSender(page: Page): Promise<number> {
  await waitStep(page, 0);
  await lesson(page).getByRole('button', { name: 'Next', exact: true }).click();
  await waitStep(page, 1);
  await armTimer(page, 2);
  await page.getByRole('button', { name: 'Sender', exact: true }).click();
  return measured(page);
}

/** The starvation lesson's "Press Run" step (step index 2), met when the run starts. */
async function pressRun(page: Page): Promise<number> {
  await waitStep(page, 0);
  await lesson(page).getByRole('button', { name: 'Next', exact: true }).click();
  await waitStep(page, 1);
  await lesson(page).getByRole('spinbutton', { name: 'Your prediction' }).fill('3');
  await lesson(page).getByRole('button', { name: 'Predict', exact: true }).click();
  await lesson(page).getByRole('button', { name: 'Next', exact: true }).click();
  await waitStep(page, 2);
  await armTimer(page, 3);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  const ms = await measured(page);
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  return ms;
}

main(async () => {
  const bb = await startBenchBrowser();
  const actions = { addSender: { lesson: 'lifecycle', act: addSender }, pressRun: { lesson: 'starvation', act: pressRun } };
  const times: Record<string, number[]> = { addSender: [], pressRun: [] };
  try {
    for (let r = 0; r < ROUNDS; r++) {
      for (const [name, { lesson: id, act }] of Object.entries(actions)) {
        const page = await bb.openApp();
        await page.goto(new URL(`?lesson=${id}`, bb.server.url).href);
        times[name]!.push(await act(page));
        await page.context().close();
      }
    }
    for (const [name, ms] of Object.entries(times)) console.log(`${name}: click → next step shown, ms: ${ms.map((t) => t.toFixed(1)).join(', ')}`);
    const medians = Object.fromEntries(Object.entries(times).map(([name, ms]) => [name, round(median(ms), 1)]));
    detail('lesson_step_ms', { rounds: ROUNDS, medians, ms: Object.fromEntries(Object.entries(times).map(([name, ms]) => [name, ms.map((t) => round(t, 1))])) });
    figure('lesson_step_ms', Math.max(...Object.values(medians)), 'ms');
  } finally {
    await bb.close();
  }
});
