// Every built-in lesson, taken as a learner takes it in Chromium against the embedded broker: palette,
// wires, Inspector, Run, Stop, Add credit, Drain, Accept …, until the lesson says "Lesson complete".
import { test, expect } from './fixtures.ts';
import { dragWire, nodeById, panCardIntoView } from './editorSteps.ts';
import { saveScreenshot } from './screenshots.ts';
import {
  addCredit, chooseProp, expectComplete, expectStep, fitView, lessonRegion, next, openLessonById, openLessonFromList,
  predict, run, select, settleFirst, stop, tickProp, typeProp,
} from './lessonsSteps.ts';

test('the Lessons button lists at least ten lessons; lifecycle: add, wire and name a sender, run, stop, then step it open', async ({ page }) => {
  await openLessonFromList(page, 'Open, begin, attach: the lifecycle');
  await expect(lessonRegion(page).getByRole('list', { name: 'Lessons' }).getByRole('listitem')).toHaveCount(10);
  await expect(nodeById(page, 'c1')).toBeVisible();
  await next(page, 2);
  await page.getByRole('button', { name: 'Sender', exact: true }).click();
  await expectStep(page, 3);
  await dragWire(page, 's1', 'tx1');
  await expectStep(page, 4);
  await typeProp(page, 'tx1', 'Address', 'lifecycle');
  await expectStep(page, 5);
  await predict(page, '1');
  await next(page, 6);
  await run(page);
  await expectStep(page, 7);
  await expect(lessonRegion(page)).toContainText('The run agreed: 1.');
  await next(page, 8);
  await stop(page);
  await expectStep(page, 10);
  await next(page, 11);
  const step = page.getByRole('button', { name: 'Step', exact: true });
  const nextFrame = page.getByRole('region', { name: 'Frames' }).getByRole('status', { name: 'Next frame' });
  await step.click();
  await expectStep(page, 12);
  for (const frame of ['open (connection c1)', 'begin (session s1)', 'attach (sender tx1)']) {
    await expect(nextFrame).toHaveText(`Next: ${frame}`);
    await expect(lessonRegion(page).getByText('Lesson complete', { exact: true })).toHaveCount(0);
    await step.click();
  }
  await expectComplete(page);
  await stop(page);
});

test('credit: a window of 5 still lets all 8 messages through; delivery-count ends at 8', async ({ page }) => {
  await openLessonById(page, 'credit');
  await next(page, 2);
  await typeProp(page, 't1', 'Count', '8');
  await expectStep(page, 3);
  await predict(page, '8');
  await next(page, 4);
  await run(page);
  await expectComplete(page);
  await expect(lessonRegion(page)).toContainText('The run agreed: 8.');
  await stop(page);
});

test('starvation: 3 then credit by hand, then drain gives the unused credit back', async ({ page }) => {
  await openLessonById(page, 'starvation');
  await next(page, 2);
  await predict(page, '3');
  await next(page, 3);
  await run(page);
  await expectStep(page, 5);
  await expect(lessonRegion(page)).toContainText('The run agreed: 3.');
  await fitView(page);
  await saveScreenshot(page, 'lesson.png');
  await addCredit(page, 'rx1', 4);
  await expectStep(page, 6);
  await addCredit(page, 'rx1', 10);
  await expectStep(page, 7);
  await panCardIntoView(page, 'rx1');
  await nodeById(page, 'rx1').getByRole('button', { name: 'Drain' }).click();
  await expectComplete(page);
  await stop(page);
});

test('settlement: pre-settled transfers get no disposition; settle mode second goes on the attach', async ({ page }) => {
  await openLessonById(page, 'settlement');
  await next(page, 2);
  await chooseProp(page, 'tx1', 'Sender settle mode', 'settled');
  await expectStep(page, 3);
  await predict(page, '0');
  await next(page, 4);
  await run(page);
  await expectStep(page, 6);
  await next(page, 7);
  await chooseProp(page, 'rx1', 'Receiver settle mode', 'second');
  await expectStep(page, 8);
  await stop(page);
  await run(page);
  await expectComplete(page);
  await stop(page);
});

test('outcomes: accept, reject (dead-lettered), release and modify by hand', async ({ page }) => {
  await openLessonById(page, 'outcomes');
  await next(page, 2);
  await run(page);
  await expectStep(page, 3);
  await predict(page, '1');
  await next(page, 4);
  await settleFirst(page, 'rx1', 'Accept');
  await expectStep(page, 5);
  await settleFirst(page, 'rx1', 'Reject');
  await expectStep(page, 7);
  await expect(lessonRegion(page)).toContainText('The run agreed: 1.');
  await settleFirst(page, 'rx1', 'Release');
  await expectStep(page, 8);
  await settleFirst(page, 'rx1', 'Modify');
  await expectComplete(page);
  await stop(page);
});

test('competing consumers: both receivers on one queue share twelve jobs', async ({ page }) => {
  await openLessonById(page, 'competing');
  await next(page, 2);
  // The step names rx1's queue as this start of the lesson has it (`work-` and a tag): type what it says.
  const queue = await lessonRegion(page).getByLabel('Current step').locator('.lesson__text code').first().textContent();
  expect(queue).toMatch(/^work-[a-z0-9]{4}$/);
  await typeProp(page, 'rx2', 'Address', queue!);
  await expectStep(page, 3);
  await predict(page, '6');
  await next(page, 4);
  await run(page);
  await expectComplete(page);
  await expect(lessonRegion(page)).toContainText(/The run (agreed|did not agree)/);
  await stop(page);
});

test('request/reply: the request carries the dynamic receiver\'s address', async ({ page }) => {
  await openLessonById(page, 'request-reply');
  await next(page, 2);
  await typeProp(page, 't1', 'Reply to', '@rx1');
  await expectStep(page, 3);
  await run(page);
  await expectStep(page, 5);
  await expectComplete(page);
  await stop(page);
});

test('sessions: four links on one session through an incoming window of 2', async ({ page }) => {
  await openLessonById(page, 'sessions');
  await next(page, 2);
  await predict(page, '1');
  await next(page, 3);
  await typeProp(page, 's1', 'Incoming window (frames)', '2');
  await expectStep(page, 4);
  await run(page);
  await expectComplete(page);
  await expect(lessonRegion(page)).toContainText('The run agreed: 1.');
  await stop(page);
});

test('$cbs: Hello! is accepted, then a CBS token gets 202 from the broker', async ({ page }) => {
  await openLessonById(page, 'cbs');
  await next(page, 2);
  await predict(page, 'accepted');
  await next(page, 3);
  await run(page);
  await expectStep(page, 5);
  await next(page, 6);
  await typeProp(page, 'c1', 'CBS token', '{"token": "SharedAccessSignature sr=demo"}');
  await expectStep(page, 7);
  await stop(page);
  await run(page);
  await expectComplete(page);
  await stop(page);
});

test('reconnect: unsettled messages come back on a new connection with new delivery ids', async ({ page }) => {
  await openLessonById(page, 'reconnect');
  await next(page, 2);
  await tickProp(page, 'c1', 'Reconnect');
  await expectStep(page, 3);
  await run(page);
  await expectStep(page, 4);
  await select(page, 't1');
  await page.keyboard.press('Delete');
  await expectStep(page, 5);
  await predict(page, '3');
  await next(page, 6);
  await stop(page);
  await run(page);
  await expectComplete(page);
  await expect(lessonRegion(page)).toContainText('The run agreed: 3.');
  await stop(page);
});
