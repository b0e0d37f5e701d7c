// The canvas's Fit View button fits as the initial view does (never below the readable zoom), and a
// dialog opened from the toolbar covers the whole page, its left edge included.
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';

/** The smallest zoom at which 12 px card text is still 11 px on screen (src/canvas/readableFit.ts). */
const READABLE_ZOOM = 11 / 12;

const zoomOf = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);

async function openTemplate(page: Page, name: string) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
  await expect(page.locator('[data-node-id="c1"]')).toBeVisible();
}

test('Fit View on "Send and receive" at 1440×900 zooms no lower than the readable zoom, as the initial fit does', async ({ page }) => {
  await openTemplate(page, 'Send and receive');
  await expect.poll(() => zoomOf(page)).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-6);
  const initial = await zoomOf(page);

  const canvas = page.getByRole('region', { name: 'Canvas' });
  await canvas.getByRole('button', { name: 'Zoom out' }).click();
  await canvas.getByRole('button', { name: 'Zoom out' }).click();
  await expect.poll(() => zoomOf(page)).toBeLessThan(READABLE_ZOOM);

  await canvas.getByRole('button', { name: 'Fit View' }).click();
  await expect.poll(() => zoomOf(page)).toBeCloseTo(initial, 3);
  expect(await zoomOf(page)).toBeGreaterThanOrEqual(READABLE_ZOOM - 1e-6);
});

test('a dialog opened from the toolbar covers the page from its left edge', async ({ page }) => {
  await openTemplate(page, 'Send and receive');
  await page.getByRole('button', { name: 'Export code' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toBeVisible();
  const backdrop = page.locator('.share-backdrop');
  const box = (await backdrop.boundingBox())!;
  expect(box.x).toBe(0);
  expect(box.y).toBe(0);
  expect(box.width).toBe(page.viewportSize()!.width);
  // The leftmost pixels are the backdrop's, not the toolbar's or the palette's under it.
  const atLeftEdge = await page.evaluate(() =>
    [20, 300, 800].map((y) => document.elementFromPoint(2, y)?.classList.contains('share-backdrop') ?? false),
  );
  expect(atLeftEdge).toEqual([true, true, true]);
  await saveScreenshot(page, 'toolbar-dialog-backdrop.png');
});
