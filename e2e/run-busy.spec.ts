// A real busy run: ten thousand transfers through the embedded broker and back, while the event log
// and frame trace keep up and the page stays interactive.
import type { Graph } from '../src/graph/types.ts';
import { test, expect } from './fixtures.ts';

const busy: Graph = {
  format: 'amqp-flow', version: 1, name: 'busy',
  nodes: [
    { id: 'c1', kind: 'connection', position: { x: 0, y: 60 }, props: {} },
    { id: 's1', kind: 'session', position: { x: 220, y: 60 }, props: {} },
    { id: 'tx1', kind: 'sender', position: { x: 440, y: 0 }, props: { address: 'busy-q' } },
    { id: 't1', kind: 'transfer', position: { x: 680, y: 0 }, props: { body: 'tick', count: 10_000 } },
    { id: 'rx1', kind: 'receiver', position: { x: 440, y: 220 }, props: { address: 'busy-q', creditWindow: 200 } },
  ],
  edges: [
    { id: 'e1', source: 'c1', target: 's1' },
    { id: 'e2', source: 's1', target: 'tx1' },
    { id: 'e3', source: 'tx1', target: 't1' },
    { id: 'e4', source: 's1', target: 'rx1' },
  ],
};

test('a run of 10,000 transfers keeps the event log scrollable and filterable while it runs', async ({ page }) => {
  test.setTimeout(120_000);
  await page.goto('/');
  await page.locator('input[type="file"]').setInputFiles({ name: 'busy.amqpflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(busy)) });
  await expect(page.locator('[data-node-id="t1"]')).toBeVisible();
  await page.getByRole('button', { name: 'Run' }).click();

  const log = page.getByRole('region', { name: 'Event log' });
  const list = log.getByRole('list', { name: 'Events' });
  const receiver = page.locator('[data-node-id="rx1"]');
  // While messages flow: scroll up, filter, and the page answers within a frame or two.
  await expect(receiver).toContainText(/[1-9]\d{2,} received/, { timeout: 60_000 });
  const started = Date.now();
  await list.evaluate((el) => { el.scrollTop = 0; });
  await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('MESSAGE_RECEIVED');
  await expect(log.getByRole('listitem').first()).toHaveAttribute('data-event', 'MESSAGE_RECEIVED');
  expect(Date.now() - started).toBeLessThan(5_000);
  const frameGap = await page.evaluate(() => new Promise<number>((ok) => {
    const t0 = performance.now();
    requestAnimationFrame(() => requestAnimationFrame(() => ok(performance.now() - t0)));
  }));
  expect(frameGap).toBeLessThan(500);

  await expect(receiver).toContainText('10000 received', { timeout: 90_000 });
  await expect(page.locator('[data-node-id="tx1"]')).toContainText('10000 accepted');
  await expect(log.getByText(/^10000 of \d+ events$/)).toBeVisible();
  // Rows in the page stay a screenful however long the log grows.
  expect(await log.getByRole('listitem').count()).toBeLessThan(80);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
});
