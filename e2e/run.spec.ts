// Watching a run: node states, the event log, credit starvation with manual credit, the frame trace
// and step mode, in Chromium against the embedded broker.
import type { Page } from '@playwright/test';
import { nodeById, panCardIntoView } from './editorSteps.ts';
import { test, expect } from './fixtures.ts';
import { UPDATE_SCREENSHOTS, saveScreenshot } from './screenshots.ts';

async function openTemplate(page: Page, name: string) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
  await expect(page.locator('[data-node-id="c1"]')).toBeVisible();
}

async function stop(page: Page) {
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
}

test('the Hello over $cbs template opens every node and the event log shows its transfer accepted', async ({ page }) => {
  await openTemplate(page, 'Hello over $cbs');
  await page.getByRole('button', { name: 'Run' }).click();
  for (const id of ['c1', 's1', 'tx1', 't1']) await expect(nodeById(page, id)).toHaveAttribute('data-state', 'open');

  const log = page.getByRole('region', { name: 'Event log' });
  const byEvent = log.getByRole('combobox', { name: 'Filter by event' });
  for (const [event, node] of [['CONNECTION_OPEN', 'c1'], ['SESSION_OPEN', 's1'], ['SENDER_OPEN', 'tx1'], ['TRANSFER_SENT', 't1']]) {
    await byEvent.selectOption(event!);
    await expect(log.locator(`[data-event="${event}"][data-node="${node}"]`)).toHaveCount(1);
  }
  await byEvent.selectOption('TRANSFER_SETTLED');
  await expect(log.locator('[data-event="TRANSFER_SETTLED"]')).toContainText('outcome=accepted');

  // The log is in run order: CONNECTION_OPEN comes first and the settlement after the send.
  await byEvent.selectOption('');
  const order = await page.evaluate(() => [...document.querySelectorAll('[aria-label="Events"] [data-event]')]
    .sort((a, b) => parseFloat(getComputedStyle(a).transform.split(',')[5] ?? '0') - parseFloat(getComputedStyle(b).transform.split(',')[5] ?? '0'))
    .map((el) => el.getAttribute('data-event')));
  expect(order[0]).toBe('CONNECTION_OPEN');
  expect(order.indexOf('TRANSFER_SETTLED')).toBeGreaterThan(order.indexOf('TRANSFER_SENT'));

  // Clicking an entry selects its node on the canvas.
  await byEvent.selectOption('SENDER_OPEN');
  await log.locator('[data-event="SENDER_OPEN"]').click();
  await expect(page.locator('.react-flow__node.selected [data-node-id="tx1"]')).toBeVisible();
  await stop(page);
  for (const id of ['c1', 's1', 'tx1']) await expect(nodeById(page, id)).toHaveAttribute('data-state', 'closed');
});

test('credit starvation leaves the receiver at credit 0 with 7 messages queued until credit is added by hand, then all 10 settle', async ({ page }) => {
  await openTemplate(page, 'Credit starvation');
  await page.getByRole('button', { name: 'Run' }).click();
  const sender = nodeById(page, 'tx1');
  const receiver = nodeById(page, 'rx1');
  await expect(sender).toContainText('10 sent');
  await expect(receiver).toContainText('3 received');
  await expect(receiver).toContainText('credit 0');

  // The other 7 wait in the broker's queue for credit.
  const credit = page.getByRole('region', { name: 'Credit' });
  await credit.getByRole('tab', { name: 'Broker' }).click();
  await expect(credit.getByRole('row', { name: /^starved 7 1\b/ })).toBeVisible();
  await saveScreenshot(page, 'credit-starvation.png');

  // The card's last lines (the queue depth from the broker, why it waits) are in before pressing its
  // controls: a line arriving between Playwright's hit test and its click would move the button away.
  await expect(receiver).toContainText('7 in queue starved');
  await expect(receiver.getByRole('note', { name: 'Why it is waiting' })).toBeVisible();
  await panCardIntoView(page, 'rx1');
  const amount = receiver.getByRole('spinbutton', { name: 'Credit to add' });
  await amount.fill('7');
  await expect(amount).toHaveValue('7');
  await receiver.getByRole('button', { name: 'Add credit' }).click();
  await expect(receiver).toContainText('10 received');
  await expect(receiver).toContainText('10 settled');
  await expect(sender).toContainText('10 accepted');
  await expect(credit.getByRole('row', { name: /^starved 0 1\b/ })).toBeVisible();

  const log = page.getByRole('region', { name: 'Event log' });
  await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('MESSAGE_SETTLED');
  await expect(log.getByText(/^10 of \d+ events$/)).toBeVisible();
  await credit.getByRole('tab', { name: 'Charts' }).click();
  await expect(credit.locator('[data-chart="credit"] canvas').first()).toBeVisible();
  await stop(page);
});

test('the frames panel lists open, begin, attach, flow, transfer and disposition frames', async ({ page }) => {
  await openTemplate(page, 'Send and receive');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 'rx1')).toContainText('5 received');

  const frames = page.getByRole('region', { name: 'Frames' });
  const byPerformative = frames.getByRole('combobox', { name: 'Filter by performative' });
  for (const p of ['open', 'begin', 'attach', 'flow', 'transfer', 'disposition']) {
    await byPerformative.selectOption(p);
    const rows = frames.getByRole('listitem').and(frames.locator(`[data-performative="${p}"]`));
    await expect(rows.first()).toBeVisible();
  }
  await byPerformative.selectOption('transfer');
  await expect(frames.locator('.frame__row--out[data-performative="transfer"]').first()).toContainText('delivery_id=');
  await expect(frames.locator('.frame__row--out[data-performative="transfer"]').first()).toContainText('→');

  // Both directions of the session's begin, drawn as a sequence diagram.
  await byPerformative.selectOption('begin');
  await frames.getByRole('radio', { name: 'Sequence diagram' }).check();
  await expect(frames.locator('svg.sequence__row[data-performative="begin"]')).toHaveCount(2);
  if (UPDATE_SCREENSHOTS) {
    await byPerformative.selectOption('');
    await saveScreenshot(page, 'send-and-receive.png');
  }
  await stop(page);
});

test('step mode releases one outgoing frame per press and previews the next one', async ({ page }) => {
  await openTemplate(page, 'Hello over $cbs');
  const step = page.getByRole('button', { name: 'Step' });
  const next = page.getByRole('region', { name: 'Frames' }).getByRole('status', { name: 'Next frame' });
  const sentOpen = page.locator('.frame__row--out[data-performative="open"]');

  await step.click();
  await expect(next).toHaveText('Next: open (connection c1)');
  await expect(sentOpen).toHaveCount(0);
  await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'opening');

  await step.click();
  await expect(sentOpen).toHaveCount(1);
  await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'open');
  await expect(next).toHaveText('Next: begin (session s1)');
  await expect(page.locator('.frame__row--out[data-performative="begin"]')).toHaveCount(0);

  await step.click();
  await expect(page.locator('.frame__row--out[data-performative="begin"]')).toHaveCount(1);
  await expect(next).toHaveText('Next: attach (sender tx1)');
  await expect(nodeById(page, 'tx1')).toHaveAttribute('data-state', 'opening');

  await step.click();
  await expect(nodeById(page, 'tx1')).toHaveAttribute('data-state', 'open');
  await stop(page);
});
