// Record and replay in Chromium: a run saved as a recording and replayed without a broker; a 100,000-event
// recording opened through the file input (how fast it opens is for bench/, not for a test).
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { BIG_RECORDING_ITEMS, bigRecording } from './bigRecording.ts';
import { nodeById } from './editorSteps.ts';

/** Open recording → the browser's file chooser → this file. */
async function openRecordingFile(page: Page, name: string, text: string) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open recording' }).click();
  await (await chooser).setFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}
const position = (page: Page) => page.getByRole('status', { name: 'Replay position' });

test('a recording of 100,000 events opens through the file input and can be scrubbed and played', async ({ page }) => {
  const text = bigRecording();
  await page.goto('/');
  await openRecordingFile(page, 'big.amqpflow-run.json', text);
  // A loaded machine may take a while to parse it: wait for the replay to show its last item.
  await expect(position(page)).toContainText(`${BIG_RECORDING_ITEMS} / ${BIG_RECORDING_ITEMS}`, { timeout: 30_000 });
  // The bar sits below the toolbar, however many rows it wraps to (two at 1440 px), covering none of its buttons.
  const toolbar = (await page.locator('.toolbar').boundingBox())!;
  expect((await page.getByRole('group', { name: 'Replay' }).boundingBox())!.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
  await page.setViewportSize({ width: 1900, height: 900 });
  await expect.poll(async () => (await page.getByRole('group', { name: 'Replay' }).boundingBox())!.y).toBeLessThan(toolbar.y + toolbar.height);
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect(nodeById(page, 'tx1')).toContainText('credit 1000');
  await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'open');

  // Back to the start: the connection is only opening and nothing has been sent.
  const slider = page.getByRole('slider', { name: 'Playhead' });
  await slider.fill('0');
  await expect(position(page)).toContainText(`0 / ${BIG_RECORDING_ITEMS}`);
  await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'opening');
  await expect(nodeById(page, 'tx1')).toHaveAttribute('data-state', 'idle');

  // Play (slowly, so the run's 5 s last 20 s and Pause finds it playing): the playhead moves on and the nodes open.
  const at = async () => Number((await position(page).textContent())!.split(' / ')[0]);
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('0.25');
  await page.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(nodeById(page, 'tx1')).toHaveAttribute('data-state', 'open');
  await expect.poll(at).toBeGreaterThan(4);
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  expect(await at()).toBeLessThan(BIG_RECORDING_ITEMS);
});

test('a run saved as a recording replays in a page with no run, showing the same states and log', async ({ page, browser, baseURL }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: 'Hello over $cbs' }).click();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 't1')).toHaveAttribute('data-state', 'open');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save recording' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(/^hello-over-cbs-.*\.amqpflow-run\.json$/);
  const text = await readFile((await file.path())!, 'utf8');

  const other = await (await browser.newContext({ baseURL: baseURL! })).newPage();
  await other.goto('/');
  await openRecordingFile(other, file.suggestedFilename(), text);
  await expect(other.getByRole('group', { name: 'Replay' })).toContainText('Hello over $cbs');
  for (const id of ['c1', 's1', 'tx1']) await expect(nodeById(other, id)).toHaveAttribute('data-state', 'closed');
  const log = other.getByRole('region', { name: 'Event log' });
  await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('TRANSFER_SETTLED');
  await expect(log.locator('[data-event="TRANSFER_SETTLED"]')).toContainText('outcome=accepted');
  await other.context().close();
});

test('a file that is not a recording changes nothing and lists why', async ({ page }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: 'Send and receive' }).click();
  await openRecordingFile(page, 'x.amqpflow-run.json', '{"format":"amqp-flow-run","version":7}');
  await expect(page.getByRole('alert').filter({ hasText: 'was not opened as a recording' })).toContainText('version 7');
  await expect(page.getByRole('group', { name: 'Replay' })).toHaveCount(0);
  await expect(nodeById(page, 'rx1')).toBeVisible();
});
