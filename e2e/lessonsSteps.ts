// What a learner does in a lesson, as browser steps: open it, read on, predict, edit in the Inspector,
// press Run / Stop / Add credit / Accept …, and wait for the lesson to move on by itself.
import type { Locator, Page } from '@playwright/test';
import { nodeById, panCardIntoView } from './editorSteps.ts';
import { expect } from './fixtures.ts';

export const lessonRegion = (page: Page): Locator => page.getByRole('region', { name: 'Lesson' });
const inspector = (page: Page): Locator => page.getByRole('region', { name: 'Inspector' });

/** Opens a lesson from the toolbar's Lessons button and the catalogue, as a learner would. */
export async function openLessonFromList(page: Page, title: string) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await lessonRegion(page).getByRole('list', { name: 'Lessons' }).getByRole('button', { name: title, exact: true }).click();
  await expectStep(page, 1);
}

export async function openLessonById(page: Page, id: string) {
  await page.goto(`/?lesson=${id}`);
  await expectStep(page, 1);
}

// A step waits for a run against the real broker; on a busy machine that can take a while.
const RUN_WAIT = { timeout: 30_000 };

/** Waits until the lesson shows step `n` (1-based). */
export async function expectStep(page: Page, n: number) {
  await expect(lessonRegion(page).getByLabel('Current step')).toContainText(new RegExp(`^Step ${n} of \\d+`), RUN_WAIT);
}

export async function next(page: Page, to: number) {
  await lessonRegion(page).getByRole('button', { name: 'Next', exact: true }).click();
  await expectStep(page, to);
}

export async function predict(page: Page, answer: string) {
  const region = lessonRegion(page);
  const choice = region.getByRole('radio', { name: answer, exact: true });
  if (await choice.count()) await choice.check();
  else await region.getByRole('spinbutton', { name: 'Your prediction' }).fill(answer);
  await region.getByRole('button', { name: 'Predict', exact: true }).click();
  await expect(region).toContainText(`You predicted ${answer}`);
}

export async function select(page: Page, id: string) {
  // While a run starts, cards grow and the view may refit under the pointer; a click that lands
  // mid-change selects nothing, and a learner would simply click again: so does this step.
  await expect(async () => {
    await nodeById(page, id).locator('.node__header').click();
    await expect(inspector(page).getByLabel('Id', { exact: true })).toHaveValue(id, { timeout: 2000 });
  }).toPass();
}

export async function typeProp(page: Page, id: string, label: string, value: string) {
  await select(page, id);
  await inspector(page).getByLabel(label, { exact: true }).fill(value);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

export async function chooseProp(page: Page, id: string, label: string, value: string) {
  await select(page, id);
  await inspector(page).getByLabel(label, { exact: true }).selectOption(value);
}

export async function tickProp(page: Page, id: string, label: string) {
  await select(page, id);
  await inspector(page).getByLabel(label, { exact: true }).check();
}

export async function run(page: Page) {
  await page.getByRole('button', { name: 'Run', exact: true }).click();
}

export async function stop(page: Page) {
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
}

/** The lesson column narrows the canvas: fit the view so a node's live controls are in sight, as a learner would. */
export async function fitView(page: Page) {
  await page.getByRole('region', { name: 'Canvas' }).getByRole('button', { name: /fit view/i }).click();
}

export async function addCredit(page: Page, receiverId: string, amount: number) {
  await fitView(page);
  await panCardIntoView(page, receiverId);
  const receiver = nodeById(page, receiverId);
  const box = receiver.getByRole('spinbutton', { name: 'Credit to add' });
  await box.fill(String(amount));
  await expect(box).toHaveValue(String(amount));
  await receiver.getByRole('button', { name: 'Add credit' }).click();
}

/** Presses Accept / Reject / Release / Modify on the first unsettled delivery of a receiver. */
export async function settleFirst(page: Page, receiverId: string, outcome: 'Accept' | 'Reject' | 'Release' | 'Modify') {
  await fitView(page);
  // From the keyboard: the grown receiver card can reach under the canvas' corner controls.
  const button = nodeById(page, receiverId).getByRole('list', { name: 'Unsettled deliveries' }).getByRole('listitem').first().getByRole('button', { name: outcome, exact: true });
  await button.focus();
  await page.keyboard.press('Enter');
}

export async function expectComplete(page: Page) {
  await expect(lessonRegion(page).getByText('Lesson complete', { exact: true })).toBeVisible(RUN_WAIT);
}
