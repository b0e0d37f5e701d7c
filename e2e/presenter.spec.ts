// Presenter mode in Chromium: the Present toggle and ?present=1, large type with only the canvas and the
// event log, notes on nodes that survive a reload, and Esc to leave.
import { expect, test } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';
import { loadTemplate, nodeById, nodesOf } from './editorSteps.ts';

const fontSize = (el: import('@playwright/test').Locator) => el.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));

test('the Present toggle enlarges the nodes, hides the palette, inspector, frames and credit, and Esc leaves it', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await loadTemplate(page, 'Send and receive');
  await expect(nodesOf(page)).toHaveCount(5);
  const kind = nodeById(page, 'c1').locator('.node__kind');
  const before = await fontSize(kind);

  await page.getByRole('button', { name: 'Present' }).click();
  await expect(page.locator('main.app')).toHaveClass(/\bpresenter\b/);
  await expect(page.getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
  expect(await fontSize(kind)).toBeGreaterThanOrEqual(before * 1.3);
  await expect(page.getByRole('navigation', { name: 'Palette' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Inspector' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Frames' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Credit' })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Event log' })).toBeVisible();
  const edge = page.locator('.react-flow__edge-path').first();
  expect(await edge.evaluate((e) => parseFloat(getComputedStyle(e).strokeWidth))).toBeGreaterThanOrEqual(4);

  // A live run: the event log rows are large, and the flow runs exactly as in the editor.
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 'tx1')).toHaveAttribute('data-state', 'open');
  const row = page.getByRole('region', { name: 'Event log' }).locator('.log__row').first();
  await expect(row).toBeVisible();
  expect((await row.boundingBox())!.height).toBeGreaterThanOrEqual(30);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
  await saveScreenshot(page, 'presenter-mode.png');

  await page.keyboard.press('Escape');
  await expect(page.locator('main.app')).not.toHaveClass(/\bpresenter\b/);
  await expect(page.getByRole('navigation', { name: 'Palette' })).toBeVisible();
  expect(await fontSize(kind)).toBe(before);
});

test('?present=1 opens in presenter mode; a click on a node takes a note shown beside it, kept across a reload and only in presenter mode', async ({ page }) => {
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  await loadTemplate(page, 'Send and receive');
  await expect(nodesOf(page)).toHaveCount(5);
  await page.goto('/?present=1');
  await expect(page.locator('main.app')).toHaveClass(/\bpresenter\b/);

  await nodeById(page, 'tx1').click();
  const editor = page.getByRole('form', { name: 'Note on tx1' });
  await editor.getByRole('textbox', { name: 'Note' }).fill('Five messages go out here');
  await editor.getByRole('button', { name: 'Save note' }).click();
  const note = page.getByRole('note', { name: 'Note on tx1' });
  await expect(note).toHaveText('Five messages go out here');
  // The callout sits just above its node.
  const n = (await nodeById(page, 'tx1').boundingBox())!;
  const c = (await note.boundingBox())!;
  expect(c.y + c.height).toBeLessThanOrEqual(n.y + 1);
  expect(c.y + c.height).toBeGreaterThan(n.y - 40);
  expect(Math.abs(c.x - n.x)).toBeLessThan(5);

  // A note too long is refused with a message and the old note stays.
  await nodeById(page, 'tx1').click();
  await page.getByRole('form', { name: 'Note on tx1' }).getByRole('textbox', { name: 'Note' }).fill('x'.repeat(300));
  await page.getByRole('form', { name: 'Note on tx1' }).getByRole('button', { name: 'Save note' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'at most 280 characters' })).toBeVisible();
  await page.getByRole('form', { name: 'Note on tx1' }).getByRole('button', { name: 'Cancel' }).click();
  await expect(note).toHaveText('Five messages go out here');

  await saveScreenshot(page, 'presenter-note.png');
  await page.reload();
  await expect(page.getByRole('note', { name: 'Note on tx1' })).toHaveText('Five messages go out here');

  // The file stays as the schema wants it: no notes in an export.
  const stored = await page.evaluate(() => localStorage.getItem('amqp-flow:document') ?? '');
  expect(stored).not.toContain('Five messages');

  await page.keyboard.press('Escape');
  await expect(page.getByRole('note', { name: 'Note on tx1' })).toHaveCount(0);
  expect(new URL(page.url()).search).toBe('');
  await page.reload();
  await expect(page.locator('main.app')).not.toHaveClass(/\bpresenter\b/);
});
