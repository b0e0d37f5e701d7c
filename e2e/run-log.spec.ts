// The event log with 100,000 entries: only the rows in view are in the page, and scrolling and
// filtering work on all of them (their speed is measured in bench/, not asserted here).
import { test, expect } from './fixtures.ts';

test('the event log with 100,000 entries keeps a screenful of rows and scrolls and filters over all of them', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('amqpFlowTestHooks', '1'));
  await page.goto('/');
  const log = page.getByRole('region', { name: 'Event log' });
  await expect(log.getByText('Press Run to see events.')).toBeVisible();
  await page.waitForFunction(() => window.__amqpFlowTest !== undefined); // the entry point loads the hooks on request

  await page.evaluate(() => window.__amqpFlowTest!.enqueueMany(100_000));
  // Loading is not what is measured here (a shared machine may be busy): allow it time.
  await expect(log.getByText('100000 events', { exact: true })).toBeVisible({ timeout: 30_000 });

  // Virtualised: a screenful of rows, not 100,000.
  const rows = log.getByRole('listitem');
  expect(await rows.count()).toBeLessThan(80);

  // Scroll to the top and back; rows follow.
  const list = log.getByRole('list', { name: 'Events' });
  await list.evaluate((el) => { el.scrollTop = 0; });
  await expect(rows.first()).toContainText('credit=0');
  await list.evaluate((el) => { el.scrollTop = el.scrollHeight / 2; });
  await expect(rows.first()).toBeVisible();
  await list.hover();
  await page.mouse.wheel(0, 4000);

  // Filtering a node narrows 100,000 entries to a quarter.
  await log.getByRole('combobox', { name: 'Filter by node' }).selectOption('load-2');
  await expect(log.getByText('25000 of 100000 events')).toBeVisible();
  await expect(rows.first()).toHaveAttribute('data-node', 'load-2');

  // The page still paints: two animation frames come.
  await page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));

  // More than the cap: the oldest go, and the log says so.
  await page.evaluate(() => window.__amqpFlowTest!.enqueueMany(1_000));
  await expect(log.getByText('1000 older entries dropped')).toBeVisible();
});
