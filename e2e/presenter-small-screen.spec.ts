// Presenter mode on a projector's screen (1280×720, 1366×768, 1920×1080) with a template running: the
// canvas keeps most of the height, nothing lies over a card (the figures, the scene card, the run
// panels), the view is fitted to the canvas the room sees, and the figures stay large and whole.
import type { Page } from '@playwright/test';
import { startServer } from '../broker/server.ts';
import { expect, test } from './fixtures.ts';
import { canvasOf, loadTemplate, nodesOf } from './editorSteps.ts';
import { saveScreenshot } from './screenshots.ts';

const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1366, height: 768 },
  { width: 1920, height: 1080 },
];
/** The canvas's share of the window's height the room must see at least. */
const CANVAS_SHARE = 0.55;
/** A figure's value on screen, in px: readable from the back of a room on a projector. */
const FIGURE_PX = 24;

/** How many px of the canvas's column at `x` show the canvas itself (not something lying over it). */
async function visibleCanvasHeight(page: Page): Promise<number> {
  return canvasOf(page).evaluate((canvas) => {
    const box = canvas.getBoundingClientRect();
    let least = Infinity;
    for (const share of [0.3, 0.5, 0.7]) {
      const x = box.left + box.width * share;
      let shown = 0;
      for (let y = 0; y < innerHeight; y += 2) if (canvas.contains(document.elementFromPoint(x, y))) shown += 2;
      least = Math.min(least, shown);
    }
    return least;
  });
}

/**
 * Points of cards inside the canvas's box (centre and near each corner) where something else is on
 * top: a panel or band lying over a card. A card beyond the canvas's edge is a pan away, not covered.
 */
async function coveredCards(page: Page): Promise<{ covered: string[]; whole: number }> {
  return canvasOf(page).evaluate((canvas) => {
    const view = canvas.querySelector('.react-flow')!.getBoundingClientRect();
    const inside = (x: number, y: number) => x >= view.left && x < view.right && y >= view.top && y < view.bottom;
    const covered: string[] = [];
    let whole = 0;
    for (const card of canvas.querySelectorAll('[data-node-id]')) {
      const r = card.getBoundingClientRect();
      const inset = 8; // inside the rounded corners
      const points: [string, number, number][] = [
        ['centre', r.left + r.width / 2, r.top + r.height / 2],
        ['top left', r.left + inset, r.top + inset],
        ['top right', r.right - inset, r.top + inset],
        ['bottom left', r.left + inset, r.bottom - inset],
        ['bottom right', r.right - inset, r.bottom - inset],
      ];
      const shown = points.filter(([, x, y]) => inside(x, y));
      if (shown.length === points.length) whole += 1;
      for (const [where, x, y] of shown) {
        const hit = document.elementFromPoint(x, y);
        if (!hit || !card.contains(hit)) covered.push(`${card.getAttribute('data-node-id')} at its ${where}: ${hit ? hit.className || hit.tagName : 'nothing'}`);
      }
    }
    return { covered, whole };
  });
}

/** Waits until the cards have stopped moving (live sizes settled, the view fitted again). */
async function waitForStillCards(page: Page) {
  let last = '';
  await expect
    .poll(async () => {
      const now = JSON.stringify(await nodesOf(page).evaluateAll((els) => els.map((e) => e.getBoundingClientRect().toJSON() as unknown)));
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [300], timeout: 20_000 })
    .toBe(true);
}

async function expectRoomForTheCanvas(page: Page, where: string) {
  const height = page.viewportSize()!.height;
  expect(await visibleCanvasHeight(page), `${where}: visible canvas height`).toBeGreaterThanOrEqual(height * CANVAS_SHARE);
  const { covered, whole } = await coveredCards(page);
  expect(covered, `${where}: cards covered`).toEqual([]);
  // the view was fitted to the canvas the room sees: its first cards are whole in it
  expect(whole, `${where}: cards whole in view`).toBeGreaterThanOrEqual(3);
  // the figures are whole on screen, large and uncovered
  const figures = page.locator('.presenter-strip [data-figure]');
  expect(await figures.count()).toBeGreaterThanOrEqual(5);
  for (const figure of await figures.all()) {
    const value = figure.locator('dd');
    await expect(value).toBeInViewport({ ratio: 1 });
    expect(await value.evaluate((e) => parseFloat(getComputedStyle(e).fontSize)), `${where}: figure size`).toBeGreaterThanOrEqual(FIGURE_PX);
    const hidden = await value.evaluate((e) => {
      const r = e.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return !hit || !e.contains(hit);
    });
    expect(hidden, `${where}: figure ${await figure.getAttribute('data-figure')} covered`).toBe(false);
  }
}

for (const viewport of VIEWPORTS) {
  const size = `${viewport.width}×${viewport.height}`;
  test(`presenting at ${size}: the canvas keeps most of the screen, no card is covered and the figures stay large`, async ({ page }) => {
    test.setTimeout(120_000);
    // A broker of its own: the templates' queues must not reach other journeys.
    const server = await startServer({ host: '127.0.0.1', port: 0, appDir: 'dist' });
    try {
      await page.setViewportSize(viewport);
      await page.goto(server.url);
      await loadTemplate(page, 'Request / reply');
      await page.getByRole('button', { name: 'Present' }).click();
      await expect(page.locator('main.app')).toHaveClass(/\bpresenter\b/);
      await page.getByRole('button', { name: 'Run' }).click();
      await expect(page.locator('.presenter-strip [data-figure="receive-p50"] dd')).toHaveText(/\d+ ms/);
      // the flow states expectations, so the Checks region is there too
      await expect(page.getByRole('region', { name: 'Checks' })).toBeAttached();
      await expect.poll(() => nodesOf(page).evaluateAll((els) => els.every((e) => e.getAttribute('data-state') === 'open'))).toBe(true);
      await waitForStillCards(page);
      await saveScreenshot(page, `presenter-small-screen-${viewport.width}x${viewport.height}.png`);
      await expectRoomForTheCanvas(page, `Request / reply at ${size}`);

      // Hide panels gives the canvas the run panels' room too, and the view fits that larger canvas.
      const transform = () => canvasOf(page).locator('.react-flow__viewport').evaluate((e) => getComputedStyle(e).transform);
      const fitted = await transform();
      const before = await visibleCanvasHeight(page);
      await page.getByRole('button', { name: 'Hide panels' }).click();
      await expect.poll(() => visibleCanvasHeight(page)).toBeGreaterThan(before + 100);
      await expect.poll(transform).not.toBe(fitted);
      await waitForStillCards(page);
      await expectRoomForTheCanvas(page, `Request / reply at ${size}, panels hidden`);
      await page.getByRole('button', { name: 'Show panels' }).click();

      // A flow with scenes: the scene card lies over no card either.
      await page.getByRole('button', { name: 'Stop' }).click();
      await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
      await loadTemplate(page, 'Survive a broker restart');
      await page.getByRole('button', { name: 'Run' }).click();
      await expect(page.getByRole('region', { name: 'Scene' })).toContainText('Scene 1 of');
      await expect(page.locator('.presenter-strip [data-figure="settled-rate"] dd')).toHaveText(/^[1-9]/);
      await expect.poll(() => nodesOf(page).evaluateAll((els) => els.every((e) => e.getAttribute('data-state') === 'open'))).toBe(true);
      await waitForStillCards(page);
      await saveScreenshot(page, `presenter-scenes-${viewport.width}x${viewport.height}.png`);
      await expectRoomForTheCanvas(page, `Survive a broker restart at ${size}`);
      await page.getByRole('button', { name: 'Stop' }).click();
      await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
    } finally {
      await server.close();
    }
  });
}
