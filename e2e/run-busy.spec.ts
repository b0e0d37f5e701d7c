// A real busy run: ten thousand transfers through the embedded broker and back, while the event log
// and frame trace keep up and the page stays interactive.
import { graphOf } from '../src/graph/fixtures/factory.ts';
import { test, expect } from './fixtures.ts';

const busy = graphOf(
  'busy',
  [['c1', 'connection'], ['s1', 'session'], ['tx1', 'sender', { address: 'busy-q' }], ['t1', 'transfer', { body: 'tick', count: 10_000 }], ['rx1', 'receiver', { address: 'busy-q', creditWindow: 200 }]],
  [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1']],
);

test('a run of 10,000 transfers keeps the event log scrollable and filterable while it runs', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.locator('input[type="file"]').setInputFiles({ name: 'busy.amqpflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(busy)) });
  await expect(page.locator('[data-node-id="t1"]')).toBeVisible();
  await page.getByRole('button', { name: 'Run' }).click();

  const log = page.getByRole('region', { name: 'Event log' });
  const list = log.getByRole('list', { name: 'Events' });
  const receiver = page.locator('[data-node-id="rx1"]');
  // While messages flow: scroll up, filter, and the page answers (how fast is measured in bench/).
  await expect(receiver).toContainText(/[1-9]\d{2,} received/, { timeout: 60_000 });
  await list.evaluate((el) => { el.scrollTop = 0; });
  await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('MESSAGE_RECEIVED');
  await expect(log.getByRole('listitem').first()).toHaveAttribute('data-event', 'MESSAGE_RECEIVED');
  await page.evaluate(() => new Promise<void>((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok()))));

  await expect(receiver).toContainText('10000 received', { timeout: 90_000 });
  await expect(page.locator('[data-node-id="tx1"]')).toContainText('10000 accepted');
  await expect(log.getByText(/^10000 of \d+ events$/)).toBeVisible();
  // Rows in the page stay a screenful however long the log grows.
  expect(await log.getByRole('listitem').count()).toBeLessThan(80);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
});
