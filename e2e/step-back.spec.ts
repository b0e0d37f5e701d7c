// Step back in Chromium against the embedded broker: moving back and forth through a run shows each
// moment's node states, credit, event log and frames; going back sends nothing (the broker's queues do
// not change); the live run goes on meanwhile and Live shows it again.
import type { Page } from '@playwright/test';
import type { Graph, GraphNode } from '../src/graph/types.ts';
import { expect, test } from './fixtures.ts';
import { nodeById } from './editorSteps.ts';

const rewindBar = (page: Page) => page.getByRole('group', { name: 'Rewind' });
const earlier = (page: Page) => rewindBar(page).getByRole('button', { name: 'Earlier' });
const later = (page: Page) => rewindBar(page).getByRole('button', { name: 'Later' });
const creditBadge = (page: Page, id: string) => nodeById(page, id).locator('.node__badge--credit');
/** The receiver's "N received" count as shown (0 when it shows none). */
async function receivedCount(page: Page, id: string): Promise<number> {
  const texts = await nodeById(page, id).getByText(/^\d+ received$/).allTextContents();
  return texts.length ? Number.parseInt(texts[0]!, 10) : 0;
}
const eventCount = async (page: Page) => Number((await page.getByRole('region', { name: 'Event log' }).getByText(/^\d+ events/).textContent())?.match(/^\d+/)?.[0]);

async function openTemplate(page: Page, name: string) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
  await expect(nodeById(page, 'c1')).toBeVisible();
}

interface QueueInfo { address: string; depth: number; enqueued: number; dequeued: number }
async function queue(page: Page, address: string): Promise<QueueInfo | undefined> {
  const list = (await (await page.request.get('/api/queues')).json()) as QueueInfo[];
  return list.find((q) => q.address === address);
}

/** Presses a button until the node's credit badge reads this (one moment at a time, as a learner would). */
async function stepUntilCredit(page: Page, step: ReturnType<typeof earlier> | (() => Promise<void>), id: string, credit: string, received?: number) {
  const there = () =>
    page.evaluate(([nodeId, want, count]) => {
      const node = document.querySelector(`[data-node-id="${nodeId}"]`);
      const shown = [...(node?.querySelectorAll('span') ?? [])].map((el) => el.textContent ?? '');
      const got = Number(shown.find((t) => /^\d+ received$/.test(t))?.split(' ')[0] ?? 0);
      return shown.includes(want as string) && (count === null || got === count);
    }, [id, credit, received ?? null] as const);
  for (let i = 0; i < 300 && !(await there()); i++) await (typeof step === 'function' ? step() : step.click());
  await expect(creditBadge(page, id)).toHaveText(credit);
}

// Each journey steps one moment per click through dozens of moments, as a learner would.
test.slow();

test('stepping back through a finished run shows a receiver’s earlier state and credit, then forward to the end, without touching the broker', async ({ page }) => {
  await openTemplate(page, 'Credit starvation');
  await page.getByRole('button', { name: 'Run' }).click();
  const receiver = nodeById(page, 'rx1');
  await expect(receiver).toContainText('3 received');
  await expect(creditBadge(page, 'rx1')).toHaveText('credit 0');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
  await expect(receiver).toHaveAttribute('data-state', 'closed');
  const finalEvents = await eventCount(page);
  const before = await queue(page, 'starved');
  expect(before).toBeDefined();

  await page.getByRole('button', { name: 'Rewind' }).click();
  await expect(rewindBar(page)).toBeVisible();
  // The bar sits below the toolbar (two rows at 1440 px), covering none of its buttons.
  const toolbar = (await page.locator('.toolbar').boundingBox())!;
  expect((await rewindBar(page).boundingBox())!.y).toBeGreaterThanOrEqual(toolbar.y + toolbar.height);
  // Back to the moment the receiver had its 3 credits and nothing yet.
  await stepUntilCredit(page, earlier(page), 'rx1', 'credit 3', 0);
  await expect(receiver).toHaveAttribute('data-state', 'open');
  expect(await receivedCount(page, 'rx1')).toBe(0);
  expect(await eventCount(page)).toBeLessThan(finalEvents);
  const frames = page.getByRole('region', { name: 'Frames' });
  await expect(frames.getByText(/^\d+ frames$/)).toBeVisible();

  // The very first moment: the connection is only opening.
  await rewindBar(page).getByRole('slider', { name: 'Moment' }).fill('0');
  await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'opening');
  await expect(page.getByRole('region', { name: 'Event log' }).getByText(/^0 events/)).toBeVisible();

  // Forward one moment at a time, then to the end: credit 0, 3 received, closed, as the run ended.
  await later(page).click();
  await expect(rewindBar(page).getByRole('status', { name: 'Moment shown' })).toContainText(/^1 \//);
  const max = Number(await rewindBar(page).getByRole('slider', { name: 'Moment' }).getAttribute('max'));
  await rewindBar(page).getByRole('slider', { name: 'Moment' }).fill(String(max));
  await expect(creditBadge(page, 'rx1')).toHaveText('credit 0');
  await expect(receiver).toContainText('3 received');
  await expect(receiver).toHaveAttribute('data-state', 'closed');
  expect(await eventCount(page)).toBe(finalEvents);
  await rewindBar(page).getByRole('button', { name: 'Live' }).click();
  await expect(rewindBar(page)).toHaveCount(0);
  await expect(receiver).toHaveAttribute('data-state', 'closed');

  expect(await queue(page, 'starved')).toEqual(before);
});

test('going back during a run sends nothing: the starved queue keeps its messages and Add credit waits for Live', async ({ page }) => {
  await openTemplate(page, 'Credit starvation');
  await page.getByRole('button', { name: 'Run' }).click();
  const receiver = nodeById(page, 'rx1');
  await expect(receiver).toContainText('3 received');
  await expect(creditBadge(page, 'rx1')).toHaveText('credit 0');
  await expect(nodeById(page, 't1')).toContainText('10 sent');
  const before = await queue(page, 'starved');
  expect(before?.depth).toBeGreaterThanOrEqual(7);

  await page.getByRole('button', { name: 'Rewind' }).click();
  // Back with the "," key across the deliveries to the moment the receiver's 3 credits arrived, then to
  // the very start: every frame that granted credit is seen again, none is sent again.
  await stepUntilCredit(page, () => page.keyboard.press(','), 'rx1', 'credit 3', 0);
  await page.keyboard.press('.');
  await expect(rewindBar(page)).toBeVisible();
  await expect(receiver.getByRole('button', { name: 'Add credit' })).toBeDisabled();
  await rewindBar(page).getByRole('slider', { name: 'Moment' }).fill('0');
  await expect(creditBadge(page, 'rx1')).toHaveText('credit 0');

  await rewindBar(page).getByRole('button', { name: /^Live/ }).click();
  await expect(receiver).toContainText('3 received');
  await expect(receiver.getByRole('button', { name: 'Add credit' })).toBeEnabled();
  const after = await queue(page, 'starved');
  expect(after?.depth).toBe(before?.depth);
  expect(after?.dequeued).toBe(before?.dequeued);
  await page.getByRole('button', { name: 'Stop' }).click();
});

test('the live run goes on while an earlier moment is shown, and Live shows how far it got', async ({ page }) => {
  const queueName = `rewind-live-${Date.now()}`;
  const at = { x: 0, y: 0 };
  const graph: Graph = {
    format: 'amqp-flow', version: 1, name: 'Rewind while running',
    nodes: [
      { id: 'c1', kind: 'connection', position: at, props: {} },
      { id: 's1', kind: 'session', position: { x: 220, y: 60 }, props: {} },
      { id: 'tx1', kind: 'sender', position: { x: 440, y: 0 }, props: { address: queueName } },
      { id: 't1', kind: 'transfer', position: { x: 680, y: 0 }, props: { body: 'tick', count: 40, intervalMs: 100 } },
      { id: 'rx1', kind: 'receiver', position: { x: 440, y: 200 }, props: { address: queueName } },
    ] as GraphNode[],
    edges: [
      { id: 'e1', source: 'c1', target: 's1' },
      { id: 'e2', source: 's1', target: 'tx1' },
      { id: 'e3', source: 'tx1', target: 't1' },
      { id: 'e4', source: 's1', target: 'rx1' },
    ],
  };
  await page.goto('/');
  await page.locator('input[type="file"]').setInputFiles({ name: 'rewind.amqpflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
  await page.getByRole('button', { name: 'Run' }).click();
  await expect.poll(() => receivedCount(page, 'rx1')).toBeGreaterThanOrEqual(3);

  await page.getByRole('button', { name: 'Rewind' }).click();
  await expect(rewindBar(page)).toBeVisible();
  const shown = await receivedCount(page, 'rx1');
  // The run goes on aside: Live counts the moments added since, while the canvas keeps the earlier one.
  await expect(rewindBar(page).getByRole('button', { name: /^Live \(\+\d+\)$/ })).toBeVisible();
  expect(await receivedCount(page, 'rx1')).toBe(shown);
  await rewindBar(page).getByRole('button', { name: /^Live/ }).click();
  await expect.poll(() => receivedCount(page, 'rx1')).toBeGreaterThan(shown);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
});
