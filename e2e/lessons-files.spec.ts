// Lessons beyond the happy path: a wrong prediction, hints before the solution (one undo step), Back,
// progress kept across a reload, lesson files (good and malformed) and `#lesson=` links.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { test, expect } from './fixtures.ts';
import { exportGraph, nodeById } from './editorSteps.ts';
import { expectStep, lessonRegion, next, openLessonById, openLessonFromList, predict, run, stop } from './lessonsSteps.ts';

const tinyLesson = {
  format: 'amqp-flow-lesson',
  version: 1,
  id: 'my-first',
  title: 'My first lesson',
  flow: {
    format: 'amqp-flow',
    version: 1,
    name: 'Mine',
    nodes: [
      { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: {} },
      { id: 's1', kind: 'session', position: { x: 220, y: 0 }, props: {} },
      { id: 'tx1', kind: 'sender', position: { x: 440, y: 0 }, props: { address: 'mine' } },
    ],
    edges: [
      { id: 'e1', source: 'c1', target: 's1' },
      { id: 'e2', source: 's1', target: 'tx1' },
    ],
  },
  steps: [
    { kind: 'explain', text: 'A teacher wrote this.' },
    { kind: 'goal', text: 'Run it.', expect: [{ type: 'events', event: 'SENDER_OPEN', node: 'tx1' }] },
  ],
};

const lessonFile = (value: unknown, name = 'mine.amqpflow-lesson.json') => ({ name, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(value)) });

test('a wrong prediction is told what the run really did', async ({ page }) => {
  await openLessonById(page, 'starvation');
  await next(page, 2);
  await predict(page, '10');
  await next(page, 3);
  await run(page);
  await expectStep(page, 5);
  const region = lessonRegion(page);
  await expect(region.getByRole('status').filter({ hasText: 'did not agree' })).toHaveText('The run did not agree: it gave 3, not 10.');
  await expect(region).toContainText('With 3 credits the broker sends 3');
  await stop(page);
});

test('hints come before the solution, which is applied as one undo step; Back does not move on by itself', async ({ page }) => {
  await openLessonFromList(page, 'Open, begin, attach: the lifecycle');
  await next(page, 2);
  const region = lessonRegion(page);
  const solution = region.getByRole('button', { name: 'Show solution' });
  await expect(solution).toBeDisabled();
  await region.getByRole('button', { name: 'Hint' }).click();
  await expect(region.getByRole('list', { name: 'Hints' })).toContainText('The palette is the column of buttons on the left.');
  await expect(region.getByRole('button', { name: 'Hint' })).toBeDisabled();
  await solution.click();
  // The sender appears and the step, now done, moves on by itself.
  await expect(nodeById(page, 'tx1')).toBeVisible();
  await expectStep(page, 3);
  await page.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(nodeById(page, 'tx1')).toHaveCount(0);
  await expect(nodeById(page, 's1')).toBeVisible();

  // Back to a done step: it waits for Next instead of moving on again.
  await page.getByRole('button', { name: 'Redo', exact: true }).click();
  await expect(nodeById(page, 'tx1')).toBeVisible();
  await region.getByRole('button', { name: 'Back' }).click();
  await expectStep(page, 2);
  await expect(region.getByLabel('Current step')).toContainText('done');
  await next(page, 3);
});

test('progress is kept per lesson: a reload resumes at the step reached, with the flow as it was there', async ({ page }) => {
  await openLessonById(page, 'credit');
  await next(page, 2);
  await page.getByRole('region', { name: 'Canvas' }).locator('[data-node-id="t1"] .node__header').click();
  await page.getByRole('region', { name: 'Inspector' }).getByLabel('Count', { exact: true }).fill('8');
  await expectStep(page, 3);
  await page.reload();
  await expectStep(page, 3);
  // The flow comes back as it was at that step: t1 still has count 8.
  const graph = await exportGraph(page);
  expect(graph.nodes.find((n) => n.id === 't1')?.props).toMatchObject({ count: 8 });
});

test('each start of a lesson has queues of its own, shown as they are; the lesson file keeps the names it was written with', async ({ page, browser, baseURL }) => {
  const addressesOf = async (p: Page) => (await exportGraph(p)).nodes.flatMap((n) => ('address' in n.props && n.props.address ? [n.props.address] : []));
  await openLessonById(page, 'outcomes');
  const mine = await addressesOf(page);
  expect(mine.sort()).toEqual([expect.stringMatching(/^orders-[a-z0-9]{4}$/), mine[0], `${mine[0]}.dlq`]);
  await expect(lessonRegion(page).getByLabel("This lesson's queues")).toContainText(`${mine[0]}, ${mine[0]}.dlq`);
  await expect(lessonRegion(page).getByLabel('Current step')).toContainText(`this broker's dead-letter queue for ${mine[0]}.`);

  // Another learner on the same broker starts the same lesson: other queues.
  const otherContext = await browser.newContext({ baseURL: baseURL! });
  const other = await otherContext.newPage();
  await openLessonById(other, 'outcomes');
  const theirs = await addressesOf(other);
  expect(theirs[0]).toMatch(/^orders-[a-z0-9]{4}$/);
  expect(theirs[0]).not.toBe(mine[0]);
  await otherContext.close();

  // A reload resumes the lesson on its own queues.
  await page.reload();
  await expectStep(page, 1);
  expect((await addressesOf(page)).sort()).toEqual(mine);

  const download = page.waitForEvent('download');
  await lessonRegion(page).getByRole('button', { name: 'Download lesson file' }).click();
  const file = JSON.parse(await readFile((await (await download).path())!, 'utf8')) as { flow: { nodes: { props: { address?: string } }[] } };
  expect(file.flow.nodes.flatMap((n) => (n.props.address ? [n.props.address] : [])).sort()).toEqual(['orders', 'orders', 'orders.dlq']);
});

test('a malformed lesson file lists its problems with their paths and changes nothing', async ({ page }) => {
  await openLessonById(page, 'credit');
  const before = await exportGraph(page);
  const broken = {
    ...tinyLesson,
    title: '',
    surprise: true,
    steps: [{ kind: 'goal', text: 'x', expect: [{ type: 'count', node: 'rx1', counter: 'eaten', equals: 1 }] }, { kind: 'dance', text: 'y' }],
    flow: { ...tinyLesson.flow, edges: [{ id: 'e1', source: 's1', target: 'c1' }] },
  };
  await lessonRegion(page).locator('input[type="file"]').setInputFiles(lessonFile(broken));
  const problems = lessonRegion(page).getByRole('list', { name: 'Lesson file problems' });
  await expect(problems).toContainText('unknown field "surprise"');
  await expect(problems).toContainText('title');
  await expect(problems).toContainText('steps[0].expect[0].counter');
  await expect(problems).toContainText('steps[1].kind');
  await expect(problems).toContainText('flow');
  // Nothing changed: the same lesson at the same step, the same flow.
  await expectStep(page, 1);
  await expect(lessonRegion(page).getByRole('heading', { name: 'Link credit and delivery-count' })).toBeVisible();
  expect(await exportGraph(page)).toEqual(before);
  await expect(lessonRegion(page).getByRole('list', { name: 'Lessons' }).getByRole('listitem')).toHaveCount(10);
});

test('a lesson file opens from the Lesson region, joins the list, and travels as a #lesson= link', async ({ page, context }) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Lessons', exact: true }).click();
  await lessonRegion(page).locator('input[type="file"]').setInputFiles(lessonFile(tinyLesson));
  await expect(lessonRegion(page).getByRole('heading', { name: 'My first lesson' })).toBeVisible();
  await expect(lessonRegion(page).getByRole('list', { name: 'Lessons' }).getByRole('listitem')).toHaveCount(11);
  await expect(nodeById(page, 'tx1')).toBeVisible();

  await lessonRegion(page).getByRole('button', { name: 'Copy lesson link' }).click();
  const link = await lessonRegion(page).getByRole('textbox', { name: 'Lesson link' }).inputValue();
  expect(link).toContain('#lesson=');

  const other = await context.newPage();
  await other.goto(link);
  await expect(lessonRegion(other).getByRole('heading', { name: 'My first lesson' })).toBeVisible();
  await expectStep(other, 1);
  await next(other, 2);
  await run(other);
  await expect(lessonRegion(other).getByText('Lesson complete', { exact: true })).toBeVisible();
  await expect(lessonRegion(other).locator('li[data-lesson-id="my-first"]')).toHaveAttribute('data-complete', 'true');
  await stop(other);
  // The fragment is dropped once read, so a reload does not open the lesson again over later work.
  expect(new URL(other.url()).hash).toBe('');
});

test('an unknown ?lesson= id and a damaged #lesson= link are refused in words, with the catalogue still there', async ({ page }) => {
  await page.goto('/?lesson=no-such-lesson');
  const region = lessonRegion(page);
  await expect(region.getByRole('alert')).toContainText('There is no lesson "no-such-lesson"');
  await expect(region.getByRole('list', { name: 'Lessons' }).getByRole('listitem')).toHaveCount(10);
  await page.goto('/#lesson=not-really-a-lesson');
  await expect(lessonRegion(page).getByRole('alert')).toContainText('This lesson link is damaged');
  await expect(lessonRegion(page).getByLabel('Current step')).toHaveCount(0);
});
