// Break it on purpose, in Chromium: Faults → Restart broker while a stream runs with reconnect on,
// the connection failing and coming back, the waiting transfers going out, the figures on screen;
// scenes moved with the keyboard; the fault in a saved recording's replay. Each test starts its own
// page server and broker on a free port, so restarting it disturbs no other test.
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { startServer, type RunningServer } from '../broker/server.ts';
import { nodeById } from './editorSteps.ts';

// a run, a restart and a reconnect on a shared, busy machine take a while: waits are for states, with room
test.describe.configure({ timeout: 180_000 });

let server: RunningServer;
test.beforeEach(async () => {
  server = await startServer({ host: '127.0.0.1', port: 0, appDir: 'dist' });
});
test.afterEach(async () => {
  await server.close();
});

const log = (page: Page) => page.getByRole('region', { name: 'Event log' });

async function openDemo(page: Page) {
  await page.setViewportSize({ width: 1500, height: 950 });
  await page.goto(server.url);
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: 'Survive a broker restart' }).click();
  await expect(nodeById(page, 'c1')).toBeVisible();
}

/** How many events of this name the log holds (read through its filter). */
async function countOf(page: Page, event: string): Promise<number> {
  const filter = log(page).getByRole('combobox', { name: 'Filter by event' });
  await filter.selectOption(event);
  const n = await page.evaluate(() => document.querySelectorAll('[aria-label="Events"] [data-event]').length);
  await filter.selectOption('');
  return n;
}

const receivedOf = async (page: Page) => Number(/(\d+) received/.exec((await nodeById(page, 'rx1').textContent()) ?? '')?.[1] ?? 0);

test('Faults → Restart broker during a run: the connection fails, reconnects and the waiting transfers go out', async ({ page }) => {
  await openDemo(page);
  // before Run every fault says why it cannot be used yet
  await page.getByRole('button', { name: 'Faults' }).click();
  await expect(page.getByRole('menuitem', { name: 'Restart broker' })).toHaveAttribute('aria-description', 'Press Run first: faults act on a running flow');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 'rx1')).toContainText(/[1-9]\d* received/);

  await page.getByRole('button', { name: 'Faults' }).click();
  const menu = page.getByRole('menu', { name: 'Faults' });
  for (const name of ['Restart broker', 'Drop connection', 'Pause queue', 'Resume queue', 'Slow queue', 'Reject next N', 'Drop next frame', 'Delay frames', 'Duplicate next transfer', 'Withhold credit']) {
    await expect(menu.getByRole('menuitem', { name })).toBeVisible();
  }
  // nothing selected: a receiver-only fault says what to select; a connection-wide one takes the only connection
  await expect(menu.getByRole('menuitem', { name: 'Withhold credit' })).toHaveAttribute('aria-disabled', 'true');
  await expect(menu.getByRole('menuitem', { name: 'Withhold credit' })).toHaveAttribute('aria-description', 'Select a receiver first');
  await expect(menu.getByRole('menuitem', { name: 'Restart broker' })).toHaveAttribute('aria-disabled', 'false');
  await menu.getByRole('menuitem', { name: 'Restart broker' }).click();
  const params = page.getByRole('form', { name: 'Restart broker parameters' });
  await params.getByLabel('Down for (ms)').fill('1500');
  const before = await receivedOf(page);
  await params.getByRole('button', { name: 'Inject' }).click();

  // the connection fails (forced close) and reconnects, then comes back
  await expect(nodeById(page, 'c1')).toContainText('amqp:connection:forced');
  await expect(nodeById(page, 'c1')).toContainText('Reconnecting…');
  await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
  await expect(nodeById(page, 'c1')).not.toContainText('Reconnecting…');
  expect(await countOf(page, 'FAULT')).toBe(1);
  expect(await countOf(page, 'CONNECTION_ERROR')).toBe(1);
  expect(await countOf(page, 'CONNECTION_OPEN')).toBe(2);
  // the transfers that waited during the outage go out and come back through the receiver
  await expect.poll(() => receivedOf(page), { timeout: 15_000 }).toBeGreaterThan(before + 5);

  // the figures are on the Credit panel, and the fault is marked on its charts
  const credit = page.getByRole('region', { name: 'Credit' });
  await credit.click();
  const figures = credit.getByRole('definition').first();
  await expect(figures).toBeVisible();
  await expect(credit.locator('[data-figure="settle-p50"] dd')).toHaveText(/\d+ ms/);
  await expect(credit.locator('[data-figure="receive-p99"] dd')).toHaveText(/\d+ ms/);
  await expect(credit.getByRole('list', { name: 'Faults on the charts' })).toContainText('Restart broker (c1)');

  // presenter mode shows the same figures large, for the room
  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.locator('.presenter-strip [data-figure="settled-rate"] dd')).toHaveText(/^[1-9]/);
  await page.screenshot({ path: '/tmp/faults-presenter-after-restart.png' });
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
});

test('scenes move with → / PageDown and ← / PageUp, spotlight their nodes and inject their fault', async ({ page }) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 'rx1')).toContainText(/[1-9]\d* received/);
  await page.getByRole('button', { name: 'Present' }).click();
  const scene = page.getByRole('region', { name: 'Scene' });
  await expect(scene).toContainText('Scene 1 of 3');
  await expect(scene).toContainText('A steady stream');
  // the spotlight dims the nodes that are not in it
  const opacity = (id: string) => page.locator(`.react-flow__node[data-id="${id}"]`).evaluate((e) => Number(getComputedStyle(e).opacity));
  await expect.poll(() => opacity('c1')).toBeLessThan(0.5);
  expect(await opacity('tx1')).toBe(1);

  await page.keyboard.press('PageDown'); // a clicker's "next"
  await expect(scene).toContainText('Scene 2 of 3');
  await expect(scene).toContainText('Restart broker on c1: injected');
  await expect(nodeById(page, 'c1')).toContainText('Reconnecting…');
  await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'open', { timeout: 15_000 });
  await page.screenshot({ path: '/tmp/faults-scene-2.png' });

  await page.keyboard.press('ArrowRight');
  await expect(scene).toContainText('Scene 3 of 3');
  await page.keyboard.press('ArrowRight'); // past the end stays on the last
  await expect(scene).toContainText('Scene 3 of 3');
  await page.keyboard.press('PageUp');
  await page.keyboard.press('ArrowLeft');
  await expect(scene).toContainText('Scene 1 of 3');
  expect(await countOf(page, 'FAULT')).toBe(1); // going back injects nothing
  await page.keyboard.press('Escape');
  await page.getByRole('button', { name: 'Stop' }).click();
});

test('a fault is in the saved recording and shows in its replay', async ({ page, browser }) => {
  await openDemo(page);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 'rx1')).toContainText(/[1-9]\d* received/);
  await page.getByRole('button', { name: 'Faults' }).click();
  await page.getByRole('menuitem', { name: 'Delay frames' }).click();
  const params = page.getByRole('form', { name: 'Delay frames parameters' });
  await params.getByLabel(/Delay per frame/).fill('50');
  await params.getByRole('button', { name: 'Inject' }).click();
  await expect.poll(() => countOf(page, 'FAULT')).toBe(1);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Save recording' }).click();
  const file = await download;
  const text = await (await import('node:fs/promises')).readFile((await file.path())!, 'utf8');
  expect(text).toContain('"event":"FAULT"');

  const other = await browser.newPage();
  await other.goto(server.url);
  const chooser = other.waitForEvent('filechooser');
  await other.getByRole('button', { name: 'Open recording' }).click();
  await (await chooser).setFiles({ name: file.suggestedFilename(), mimeType: 'application/json', buffer: Buffer.from(text) });
  await expect(other.getByRole('group', { name: 'Replay' })).toContainText('Survive a broker restart');
  const replayLog = other.getByRole('region', { name: 'Event log' });
  await replayLog.getByRole('combobox', { name: 'Filter by event' }).selectOption('FAULT');
  await expect(replayLog.locator('[data-event="FAULT"]')).toContainText('fault=delay-frames');
  await expect(replayLog.locator('[data-event="FAULT"]')).toContainText('ms=50');
  // the live figures follow the replay too
  await expect(other.getByRole('region', { name: 'Credit' }).locator('[data-figure="settle-p50"] dd')).toHaveText(/\d+ ms/);
  await other.close();
});
