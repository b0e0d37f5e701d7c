// The first hour of a teacher: the sequence diagram shows what a lesson is about, every log and
// frame row opens to its whole detail, and the run panels can be made taller (and stay so).
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';

async function openTemplate(page: Page, name: string) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
  await expect(page.locator('[data-node-id="c1"]')).toBeVisible();
}

const canvasNode = (page: Page, id: string) => page.getByRole('region', { name: 'Canvas' }).locator(`[data-node-id="${id}"]`);

async function stop(page: Page) {
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
}

test('a flow arrow in the sequence diagram shows its link credit, a disposition its state, and no label is cut', async ({ page }) => {
  await page.goto('/');
  await openTemplate(page, 'Credit starvation');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(canvasNode(page, 'rx1')).toContainText('3 received');

  const frames = page.getByRole('region', { name: 'Frames' });
  await frames.getByRole('checkbox', { name: 'Selected node only' }).uncheck();
  await frames.getByRole('radio', { name: 'Sequence diagram' }).check();
  await frames.getByRole('combobox', { name: 'Filter by performative' }).selectOption('flow');
  // The receiver's flow grants 3: the arrow says so in the spec's words.
  const grant = frames.locator('.sequence__row[data-performative="flow"][data-label*="link-credit=3"]').first();
  await expect(grant).toBeVisible();
  await expect(grant).toContainText('link-credit=3');
  await expect(grant).toContainText('delivery-count=0');
  await expect(grant).toContainText('drain=false');

  await frames.getByRole('combobox', { name: 'Filter by performative' }).selectOption('transfer');
  await expect(frames.locator('.sequence__row[data-performative="transfer"]').first()).toContainText(/delivery-id=\d+ settled=(true|false)/);
  await frames.getByRole('combobox', { name: 'Filter by performative' }).selectOption('disposition');
  await expect(frames.locator('.sequence__row[data-performative="disposition"]').first()).toContainText(/first=\d+ last=\d+ settled=true state=accepted/);

  // Every word of an attach label is drawn inside the row (wrapped, not clipped).
  await frames.getByRole('combobox', { name: 'Filter by performative' }).selectOption('attach');
  const attach = frames.locator('.sequence__row[data-performative="attach"]').first();
  const label = await attach.getAttribute('data-label');
  expect(label).toMatch(/^attach name=\S+ role=(sender|receiver) handle=\d+/);
  expect((await attach.textContent())!.replace(/\s+/g, '')).toContain(label!.replace(/\s+/g, ''));
  const fits = await attach.evaluate((svg) => {
    const box = (svg as SVGSVGElement).getBoundingClientRect();
    return [...svg.querySelectorAll('tspan')].every((t) => {
      const r = t.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    });
  });
  expect(fits).toBe(true);
  if (process.env.AMQPFLOW_SCREENSHOTS) await page.screenshot({ path: '/tmp/first-hour-sequence.png' });
  await stop(page);
});

test('an event row and a frame row open to their whole detail', async ({ page }) => {
  await page.goto('/');
  await openTemplate(page, 'Send and receive');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(canvasNode(page, 'rx1')).toContainText('5 received');

  const log = page.getByRole('region', { name: 'Event log' });
  await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('MESSAGE_RECEIVED');
  const row = log.locator('[data-event="MESSAGE_RECEIVED"]').first();
  await row.getByRole('button', { name: 'Show details' }).click();
  // The whole event, every property and the body, not an ellipsis.
  const detail = row.locator('.row__detail');
  await expect(detail).toContainText('"body": "Hello!"');
  await expect(detail).toContainText('"deliveryId"');
  await row.getByRole('button', { name: 'Hide details' }).press('Enter');
  await expect(detail).toHaveCount(0);

  const frames = page.getByRole('region', { name: 'Frames' });
  await frames.getByRole('checkbox', { name: 'Selected node only' }).uncheck();
  await frames.getByRole('combobox', { name: 'Filter by performative' }).selectOption('attach');
  const attach = frames.locator('[role="listitem"][data-performative="attach"]').first();
  await attach.getByRole('button', { name: 'Show details' }).focus();
  await page.keyboard.press('Enter');
  const frameDetail = attach.locator('.row__detail');
  await expect(frameDetail).toContainText('"handle"');
  await expect(frameDetail).toContainText('"role"');
  await expect(frameDetail).toContainText('"snd_settle_mode"');
  // The next row moved down to make room: nothing overlaps the opened detail.
  const next = frames.locator('[role="listitem"][data-performative="attach"]').nth(1);
  const [a, b] = await Promise.all([attach.boundingBox(), next.boundingBox()]);
  expect(b!.y).toBeGreaterThanOrEqual(a!.y + a!.height - 1);
  await stop(page);
});

test('the run panels grow when their divider is dragged up, and keep that height after a reload', async ({ page }) => {
  await page.goto('/');
  const log = page.getByRole('region', { name: 'Event log' });
  const before = (await log.boundingBox())!.height;
  const divider = page.getByRole('separator', { name: 'Resize the run panels' });
  const box = (await divider.boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  await page.mouse.move(box.x + box.width / 2, box.y - 200, { steps: 5 });
  await page.mouse.up();
  await expect.poll(async () => (await log.boundingBox())!.height).toBeGreaterThan(before + 150);
  const after = Number(await divider.getAttribute('aria-valuenow'));

  await page.reload();
  await expect(page.getByRole('separator', { name: 'Resize the run panels' })).toHaveAttribute('aria-valuenow', String(after));
  await expect.poll(async () => (await page.getByRole('region', { name: 'Event log' }).boundingBox())!.height).toBeGreaterThan(before + 150);

  // The keyboard does the same.
  await page.getByRole('separator', { name: 'Resize the run panels' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('separator', { name: 'Resize the run panels' })).toHaveAttribute('aria-valuenow', String(after - 40));
});
