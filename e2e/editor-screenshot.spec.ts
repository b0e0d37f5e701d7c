// The screenshot in the README: the "Hello over $cbs" template loaded and fitted to the view.
import { test, expect } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';

test('the Hello over $cbs template loads and fits the view for the README screenshot', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: 'Hello over $cbs' }).click();
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await expect(canvas.locator('[data-node-id]')).toHaveCount(4);
  await expect(canvas.locator('.react-flow__edge')).toHaveCount(3);
  await expect(canvas.locator('[data-kind="sender"]')).toContainText('$cbs');
  await expect(canvas.locator('[data-kind="transfer"]')).toContainText('Hello!');
  // Fitted: every node inside the visible canvas.
  const box = (await canvas.boundingBox())!;
  for (const node of await canvas.locator('[data-node-id]').all()) {
    const b = (await node.boundingBox())!;
    expect(b.x).toBeGreaterThanOrEqual(box.x);
    expect(b.x + b.width).toBeLessThanOrEqual(box.x + box.width);
  }
  await page.waitForTimeout(300); // paces the screenshot only (the fit's animation ends); nothing is asserted after it
  await saveScreenshot(page, 'editor-seed-template.png');
});
