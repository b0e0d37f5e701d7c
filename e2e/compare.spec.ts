// Compare brokers in Chromium: the current flow run against two brokers, one after the other, and the
// differences listed side by side.
import { createServer } from 'node:net';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';
import { importThroughInput, nodeById, nodesOf } from './editorSteps.ts';
import { TEMPLATES } from '../src/graph/templates.ts';

/** A port on 127.0.0.1 where nothing listens: taken from the system, then released. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise((ok) => server.close(ok));
  return port;
}

/** Opens a template with a queue of its own (messages other journeys left on the broker would count), then Compare. */
async function openCompare(page: Page, template: string) {
  await page.setViewportSize({ width: 1680, height: 900 }); // the whole toolbar in one row
  await page.goto('/');
  const queue = `compare-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const graph = TEMPLATES.find((t) => t.name === template)!.graph();
  graph.nodes = graph.nodes.map((n) => (n.kind === 'sender' || n.kind === 'receiver' ? { ...n, props: { ...n.props, address: queue } } : n));
  await importThroughInput(page, JSON.stringify(graph));
  await expect(nodesOf(page)).not.toHaveCount(0);
  await page.getByRole('button', { name: 'Compare', exact: true }).click();
  return page.getByRole('dialog', { name: 'Compare brokers' });
}

test('comparing the embedded broker with itself finds no differences, and the canvas is left as it was', async ({ page }) => {
  const dialog = await openCompare(page, 'Send and receive');
  await expect(dialog.getByRole('combobox', { name: 'Broker A preset' })).toHaveValue('embedded');
  await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(dialog.getByRole('status', { name: 'Comparison summary' })).toHaveText(/^No differences/, { timeout: 30_000 });
  const table = dialog.getByRole('table', { name: 'Differences' });
  await expect(table.locator('tr[data-node="t1"]')).toContainText('5 accepted');
  await expect(table.locator('tr[data-node="rx1"][data-section="received"]')).toContainText('5');
  await expect(table.locator('tbody tr[data-status="same"]')).toHaveCount(2);
  const frames = dialog.getByRole('table', { name: 'Frames of c1' });
  await expect(frames).toBeHidden(); // folded when nothing differs
  await dialog.locator('summary').filter({ hasText: 'Frames of c1' }).click();
  await expect(frames.locator('tr[data-status="same"]').filter({ hasText: 'out open' })).toHaveCount(1);
  await expect(frames.locator('tr[data-status="same"]').filter({ hasText: 'in transfer ×5' })).toHaveCount(1);
  await expect(frames.locator('tr[data-status="different"], tr[data-status="missing"]')).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Close' }).click();
  // The comparison made runs of its own: the page's run state and the flow are untouched.
  await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'idle');
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
});

test('comparing the embedded broker with a URL where nothing listens lists the error, the unsent transfers and the missing frames', async ({ page }) => {
  const port = await closedPort();
  const dialog = await openCompare(page, 'Send and receive');
  await dialog.getByRole('textbox', { name: 'Broker B URL' }).fill(`ws://127.0.0.1:${port}/`);
  await expect(dialog.getByRole('combobox', { name: 'Broker B preset' })).toHaveValue('');
  await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(dialog.getByRole('status', { name: 'Comparison summary' })).toHaveText(/^\d+ differences\.$/, { timeout: 30_000 });
  const table = dialog.getByRole('table', { name: 'Differences' });
  const t1 = table.locator('tr[data-node="t1"]');
  await expect(t1).toHaveAttribute('data-status', 'different');
  await expect(t1.locator('td').nth(2)).toHaveText('5 accepted');
  await expect(t1.locator('td').nth(3)).not.toContainText('accepted');
  await expect(table.locator('tr[data-node="rx1"][data-section="received"] td').nth(3)).toHaveText('0');
  const c1 = table.locator('tr[data-node="c1"][data-section="errors"]');
  await expect(c1).toHaveAttribute('data-status', 'different');
  await expect(c1.locator('td').nth(2)).toHaveText('none');
  await expect(c1.locator('td').nth(3)).not.toHaveText('none');
  const frames = dialog.getByRole('table', { name: 'Frames of c1' });
  await expect(frames.locator('tr[data-status="missing"]').first()).toBeVisible();
  await expect(frames.locator('tr[data-status="missing"]').first().locator('td').nth(1)).toHaveText('—');
  await saveScreenshot(page, 'compare-brokers.png');
});

test('a broker URL that is not ws:// or wss:// is refused with a message and nothing runs', async ({ page }) => {
  const dialog = await openCompare(page, 'Send and receive');
  await dialog.getByRole('textbox', { name: 'Broker A URL' }).fill('amqp://127.0.0.1:5672');
  await dialog.getByRole('button', { name: 'Compare', exact: true }).click();
  await expect(dialog.getByRole('alert')).toContainText('use ws:// or wss://');
  await expect(dialog.getByRole('status', { name: 'Comparison progress' })).toHaveCount(0);
  await expect(dialog.getByRole('table', { name: 'Differences' })).toHaveCount(0);
});
