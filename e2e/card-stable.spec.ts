// Cards keep their layout when a run starts: a receiver's controls (Add credit, Drain, the Reject
// choice, a delivery's Accept…) and a sender's wiring handles are where they were before Run, once the
// run is open with messages waiting and unsettled, so a press never lands on a control that moved.
import type { Locator, Page } from '@playwright/test';
import { importFlow, nodeById, templateOnOwnQueue } from './editorSteps.ts';
import { test, expect } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';

// Tall enough that the fitted templates show every card whole, so the screenshots show each control.
test.use({ viewport: { width: 1440, height: 1200 } });

/** Opens a template with its links on a queue of their own, so other journeys' messages do not mix in. */
async function openTemplateOnOwnQueue(page: Page, id: string, address: string) {
  await page.goto('/');
  // The features' toolbar items load after the first paint and wrap the toolbar onto a second row,
  // shortening the canvas: fit once they are in, or the view pans later to keep controls in reach.
  await expect(page.getByRole('button', { name: 'Lessons' })).toBeVisible();
  await importFlow(page, templateOnOwnQueue(id, address));
}

/** The canvas's pan and zoom: part of where a control is on screen. */
const viewportOf = (page: Page) => page.locator('.react-flow__viewport').evaluate((el) => getComputedStyle(el).transform);

type Boxes = Record<string, { x: number; y: number; width: number; height: number }>;

/** Each control's box on screen, once every one of them is drawn. */
async function boxesOf(controls: Record<string, Locator>): Promise<Boxes> {
  const boxes: Boxes = {};
  for (const [name, control] of Object.entries(controls)) {
    await expect(control).toBeVisible();
    const box = await control.boundingBox();
    expect(box, name).not.toBeNull();
    boxes[name] = box!;
  }
  return boxes;
}

/** Screen boxes rounded to a tenth of a pixel: sub-pixel layout noise is not a move. */
const rounded = (boxes: Boxes) =>
  Object.fromEntries(Object.entries(boxes).map(([name, b]) => [name, [b.x, b.y, b.width, b.height].map((v) => Math.round(v * 10) / 10)]));

async function stop(page: Page) {
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
}

test('a manual-credit receiver and its sender keep their controls in place while messages wait for credit', async ({ page }) => {
  const queue = `card-credit-${Date.now()}`;
  await openTemplateOnOwnQueue(page, 'credit-starvation', queue);
  const receiver = nodeById(page, 'rx1');
  const sender = nodeById(page, 'tx1');
  const controls = {
    'rx1 Credit to add': receiver.getByRole('spinbutton', { name: 'Credit to add' }),
    'rx1 Add credit': receiver.getByRole('button', { name: 'Add credit' }),
    'rx1 Drain': receiver.getByRole('button', { name: 'Drain' }),
    'rx1 session handle': receiver.locator('.react-flow__handle.target'),
    'tx1 session handle': sender.locator('.react-flow__handle.target'),
    'tx1 transfers handle': sender.locator('.react-flow__handle.source'),
  };
  // Before Run the credit controls are there, disabled until the link is open.
  await expect(controls['rx1 Add credit']).toBeDisabled();
  const before = await boxesOf(controls);
  const view = await viewportOf(page);
  await saveScreenshot(page, 'card-stable-credit-before.png');

  await page.getByRole('button', { name: 'Run' }).click();
  await expect(controls['rx1 Add credit']).toBeEnabled();
  // The run has added its lines: sent and received counts, the queue's depth and why the receiver waits.
  await expect(sender).toContainText('10 sent');
  await expect(receiver).toContainText('3 received');
  await expect(receiver.getByRole('note', { name: 'Why it is waiting' })).toBeVisible();
  await expect(receiver).toContainText(`7 in queue ${queue}`);
  const during = await boxesOf(controls);
  await saveScreenshot(page, 'card-stable-credit-running.png');
  expect(await viewportOf(page)).toBe(view);
  expect(rounded(during)).toEqual(rounded(before));

  // Pressed where it was before Run, Add credit lets the rest through.
  await controls['rx1 Add credit'].click();
  await expect(receiver).toContainText('4 received');
  await stop(page);
});

test('a receiver settling by hand keeps its Reject choice and the first delivery\'s buttons in place as the run adds lines', async ({ page }) => {
  await openTemplateOnOwnQueue(page, 'settle-by-hand', `card-by-hand-${Date.now()}`);
  const receiver = nodeById(page, 'rx1');
  const sender = nodeById(page, 'tx1');
  const fixed = {
    'rx1 Reject choice': receiver.locator('.live__reject summary'),
    'rx1 session handle': receiver.locator('.react-flow__handle.target'),
    'tx1 transfers handle': sender.locator('.react-flow__handle.source'),
  };
  await expect(fixed['rx1 Reject choice']).toContainText('Reject as amqp:precondition-failed');
  const before = await boxesOf(fixed);
  const view = await viewportOf(page);
  await saveScreenshot(page, 'card-stable-by-hand-before.png');

  await page.getByRole('button', { name: 'Run' }).click();
  const deliveries = receiver.getByRole('list', { name: 'Unsettled deliveries' }).getByRole('listitem');
  await expect(deliveries.first()).toBeVisible();
  const first = {
    'first Accept': deliveries.first().getByRole('button', { name: 'Accept' }),
    'first Reject': deliveries.first().getByRole('button', { name: 'Reject' }),
    'first Release': deliveries.first().getByRole('button', { name: 'Release' }),
    'first Modify': deliveries.first().getByRole('button', { name: 'Modify' }),
  };
  await expect(first['first Accept']).toBeEnabled();
  const firstBoxes = await boxesOf(first);
  // All four arrive, unsettled, and the counts line shows them received.
  await expect(deliveries).toHaveCount(4);
  await expect(receiver).toContainText('4 received');
  await expect(sender).toContainText('4 sent');
  const during = await boxesOf({ ...fixed, ...first });
  await saveScreenshot(page, 'card-stable-by-hand-running.png');
  expect(await viewportOf(page)).toBe(view);
  expect(rounded(during)).toEqual(rounded({ ...before, ...firstBoxes }));

  await first['first Accept'].click();
  await expect(deliveries).toHaveCount(3);
  await stop(page);
});
