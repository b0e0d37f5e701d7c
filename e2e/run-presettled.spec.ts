// A sender with sndSettleMode "settled": its transfers end presettled on the canvas and in the log, never accepted.
import type { Graph } from '../src/graph/types.ts';
import { test, expect } from './fixtures.ts';

const presettled: Graph = {
  format: 'amqp-flow', version: 1, name: 'presettled',
  nodes: [
    { id: 'c1', kind: 'connection', position: { x: 0, y: 60 }, props: {} },
    { id: 's1', kind: 'session', position: { x: 220, y: 60 }, props: {} },
    { id: 'tx1', kind: 'sender', position: { x: 440, y: 0 }, props: { address: 'e2e-presettled-q', sndSettleMode: 'settled' } },
    { id: 't1', kind: 'transfer', position: { x: 680, y: 0 }, props: { body: 'fire and forget', count: 3 } },
    { id: 'rx1', kind: 'receiver', position: { x: 440, y: 220 }, props: { address: 'e2e-presettled-q' } },
  ],
  edges: [
    { id: 'e1', source: 'c1', target: 's1' },
    { id: 'e2', source: 's1', target: 'tx1' },
    { id: 'e3', source: 'tx1', target: 't1' },
    { id: 'e4', source: 's1', target: 'rx1' },
  ],
};

test('pre-settled transfers show as presettled on the canvas and in the log, not accepted', async ({ page }) => {
  await page.goto('/');
  await page.locator('input[type="file"]').setInputFiles({ name: 'presettled.amqpflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(presettled)) });
  const transfer = page.locator('[data-node-id="t1"]');
  await expect(transfer).toBeVisible();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.locator('[data-node-id="rx1"]')).toContainText('3 received');
  await expect(transfer).toContainText('3 presettled');
  await expect(transfer.locator('.live__chip--presettled')).toHaveCount(3);
  await expect(transfer).not.toContainText('accepted');
  await expect(page.locator('[data-node-id="tx1"]')).toContainText('3 presettled');

  const log = page.getByRole('region', { name: 'Event log' });
  await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('TRANSFER_SETTLED');
  await expect(log.locator('[data-event="TRANSFER_SETTLED"]')).toHaveCount(3);
  await expect(log.locator('[data-event="TRANSFER_SETTLED"]').first()).toContainText('outcome=presettled');
  if (process.env.AMQPFLOW_PRESETTLED_SHOT) await page.screenshot({ path: process.env.AMQPFLOW_PRESETTLED_SHOT });
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
});
