// The event log's windowing: at the bottom it follows the newest event as the log grows, the
// keyboard scrolls it away (and then it stays put) and back (and it follows again), and an opened
// row pushes the rows below it down. Rows are found by their deliveryCount, which the test hook
// numbers from 0 in each batch it enqueues.
import { test, expect } from './fixtures.ts';

const enqueue = (page: import('@playwright/test').Page, n: number) => page.evaluate((k) => window.__amqpFlowTest!.enqueueMany(k), n);

test('the event log follows its tail, lets go when scrolled up by keyboard, and opens a row in place', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('amqpFlowTestHooks', '1'));
  await page.goto('/');
  const log = page.getByRole('region', { name: 'Event log' });
  await page.waitForFunction(() => window.__amqpFlowTest !== undefined);
  const rows = log.getByRole('listitem');

  await enqueue(page, 50_000);
  await expect(log.getByText('50000 events', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(rows.last()).toContainText('deliveryCount=49999 ');
  expect(await rows.count()).toBeLessThan(80);

  // At the bottom: new events come into view.
  await enqueue(page, 100);
  await expect(log.getByText('50100 events', { exact: true })).toBeVisible();
  await expect(rows.last()).toContainText('deliveryCount=99 ');

  // Home from a row's button scrolls the list to its top; new events then leave the view alone.
  await rows.last().getByRole('button', { name: 'Show details' }).focus();
  await page.keyboard.press('Home');
  await expect(rows.first()).toContainText('deliveryCount=0 ');
  await enqueue(page, 100);
  await expect(log.getByText('50200 events', { exact: true })).toBeVisible();
  await expect(rows.first()).toContainText('deliveryCount=0 ');
  await expect(rows.filter({ hasText: 'deliveryCount=49999 ' })).toHaveCount(0);

  // An opened row keeps the next one below its detail, and the window still holds a screenful.
  const first = rows.first();
  await first.getByRole('button', { name: 'Show details' }).click();
  await expect(first.locator('.row__detail')).toContainText('"deliveryCount": 0');
  const [a, b] = await Promise.all([first.boundingBox(), rows.nth(1).boundingBox()]);
  expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height - 1);
  expect(await rows.count()).toBeLessThan(80);

  // End scrolls back to the bottom, and the log follows again.
  await first.getByRole('button', { name: 'Hide details' }).focus();
  await page.keyboard.press('End');
  await expect(rows.last()).toContainText('deliveryCount=99 ');
  await enqueue(page, 10);
  await expect(rows.last()).toContainText('deliveryCount=9 ');
});
