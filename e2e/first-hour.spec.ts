// The first hour of a teacher: the sequence diagram shows what a lesson is about, every log and
// frame row opens to its whole detail, and the run panels can be made taller (and stay so).
import { createServer, type AddressInfo } from 'node:net';
import type { Page } from '@playwright/test';
import { importFlow, nodeById, panCardIntoView, templateOnOwnQueue } from './editorSteps.ts';
import { test, expect } from './fixtures.ts';

async function stop(page: Page) {
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
}

test('a flow arrow in the sequence diagram shows its link credit, a disposition its state, and no label is cut', async ({ page }) => {
  await page.goto('/');
  await importFlow(page, templateOnOwnQueue('credit-starvation', `arrows-${Date.now()}`));
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 'rx1')).toContainText('3 received');

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
  await importFlow(page, templateOnOwnQueue('send-receive', `details-${Date.now()}`));
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 'rx1')).toContainText('5 received');

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

test('Credit starvation says why the receiver waits, shows the queue depth beside it, and charts it on its own scale', async ({ page }) => {
  await page.goto('/');
  const queue = `starved-${Date.now()}`;
  await importFlow(page, templateOnOwnQueue('credit-starvation', queue));
  await expect(nodeById(page, 'rx1')).toContainText(queue);
  await page.getByRole('button', { name: 'Run' }).click();
  const sender = nodeById(page, 'tx1');
  const receiver = nodeById(page, 'rx1');
  await expect(sender).toContainText('10 sent');
  await expect(receiver).toContainText('credit 0');

  // The receiver waits, in words, with the broker's queue depth; the sender never waits.
  await expect(receiver).toContainText(`7 in queue ${queue}`);
  await expect(receiver.getByRole('note', { name: 'Why it is waiting' }))
    .toHaveText(`7 messages wait in queue ${queue}: rx1 granted 3 and has used them all; add credit or raise its window`);
  await expect(sender.getByRole('note', { name: 'Why it is waiting' })).toHaveCount(0);

  // Each link has its own chart: the receiver's scale fits its 3 credits, not the sender's hundreds.
  const credit = page.getByRole('region', { name: 'Credit' });
  const rxChart = credit.locator('[data-chart="credit"] [data-link="rx1"]');
  const txChart = credit.locator('[data-chart="credit"] [data-link="tx1"]');
  await expect(rxChart.locator('canvas')).toBeVisible();
  await expect.poll(async () => Number(await rxChart.getAttribute('data-y-max'))).toBeLessThanOrEqual(10);
  await expect.poll(async () => Number(await txChart.getAttribute('data-y-max'))).toBeGreaterThan(100);
  if (process.env.AMQPFLOW_SCREENSHOTS) await page.screenshot({ path: '/tmp/first-hour-starvation.png' });

  await panCardIntoView(page, 'rx1');
  await receiver.getByRole('spinbutton', { name: 'Credit to add' }).fill('7');
  await receiver.getByRole('button', { name: 'Add credit' }).click();
  await expect(receiver).toContainText('10 received');
  await expect(receiver).toContainText(`0 in queue ${queue}`);
  await expect(receiver.getByRole('note', { name: 'Why it is waiting' })).toHaveCount(0);
  await stop(page);
  // No run, no depth: the number would be stale.
  await expect(receiver).not.toContainText('in queue');
});

test('a long connection error stays inside its card, and Undo of the URL that caused it takes it away', async ({ page }) => {
  // A port nobody listens on: taken from the system, then let go.
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: p } = probe.address() as AddressInfo;
      probe.close(() => resolve(p));
    });
  });
  await page.goto('/');
  await importFlow(page, templateOnOwnQueue('hello-cbs', '$cbs'));
  await nodeById(page, 'c1').click();
  const url = page.getByRole('region', { name: 'Inspector' }).getByLabel('URL', { exact: true });
  await url.fill(`ws://127.0.0.1:${port}/${'a-long-path-segment/'.repeat(12)}`);
  await url.blur();
  await page.getByRole('button', { name: 'Run' }).click();
  const c1 = nodeById(page, 'c1');
  await expect(c1).toHaveAttribute('data-state', 'error');
  const error = c1.getByRole('note').filter({ hasText: 'amqp-flow:' });
  await expect(error).toBeVisible();
  const [card, box] = await Promise.all([c1.boundingBox(), error.boundingBox()]);
  expect(box!.x + box!.width).toBeLessThanOrEqual(card!.x + card!.width + 0.5);
  expect(box!.y + box!.height).toBeLessThanOrEqual(card!.y + card!.height + 0.5);
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(c1).toContainText('embedded broker');
  await expect(c1.getByRole('note').filter({ hasText: 'amqp-flow:' })).toHaveCount(0);
});

test('in step mode a transfer counts as sent only once its frame is out, and the rest say they wait for Step', async ({ page }) => {
  await page.goto('/');
  await importFlow(page, templateOnOwnQueue('send-receive', `steps-${Date.now()}`));
  await expect(nodeById(page, 't1')).toBeVisible();
  const step = page.getByRole('button', { name: 'Step' });
  await step.click();
  const t1 = nodeById(page, 't1');
  // Step until the first transfer frame has gone out (each press lets one frame out).
  for (let i = 0; i < 40 && !(await t1.textContent())?.includes('1 sent'); i++) {
    await step.click();
    await expect(page.getByRole('status', { name: 'Run status' })).not.toHaveText('Idle');
  }
  await expect(t1).toContainText('1 sent');
  await expect(t1).not.toContainText('5 sent');
  await expect(t1).toContainText('4 held for Step');
  await expect(t1.getByRole('note', { name: 'Why it is waiting' })).toHaveText('waiting for Step: 4 transfers are held; each press of Step lets one frame out');
  const frames = page.getByRole('region', { name: 'Frames' });
  await frames.getByRole('checkbox', { name: 'Selected node only' }).uncheck();
  await expect(frames.locator('.frame__row--out[data-performative="transfer"]')).toHaveCount(1);
  await step.click();
  await expect(t1).toContainText('2 sent');
  await expect(t1).toContainText('3 held for Step');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
});

test('a template loaded after a busy run starts clean: idle nodes, empty log and trace, no filters; the old run can still be saved', async ({ page }) => {
  await page.goto('/');
  await importFlow(page, templateOnOwnQueue('competing-consumers', `busy-${Date.now()}`));
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 't1')).toContainText('20 accepted');
  const log = page.getByRole('region', { name: 'Event log' });
  await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('MESSAGE_RECEIVED');
  await log.getByRole('combobox', { name: 'Filter by node' }).selectOption('rx2');
  const frames = page.getByRole('region', { name: 'Frames' });
  await frames.getByRole('combobox', { name: 'Filter by performative' }).selectOption('transfer');
  await stop(page);

  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: 'Hello over $cbs' }).click();
  for (const id of ['c1', 's1', 'tx1', 't1']) await expect(nodeById(page, id)).toHaveAttribute('data-state', 'idle');
  await expect(nodeById(page, 'tx1')).toContainText('credit 0');
  await expect(nodeById(page, 'tx1')).not.toContainText('sent');
  await expect(nodeById(page, 't1')).not.toContainText('accepted');
  await expect(log.getByRole('combobox', { name: 'Filter by event' })).toHaveValue('');
  await expect(log.getByRole('combobox', { name: 'Filter by node' })).toHaveValue('');
  await expect(log.getByText('0 events', { exact: true })).toBeVisible();
  await expect(frames.getByRole('combobox', { name: 'Filter by performative' })).toHaveValue('');
  await expect(frames.getByText('0 frames', { exact: true })).toBeVisible();

  // The busy run is still there to save, until a new run replaces it.
  const save = page.getByRole('button', { name: 'Save recording' });
  await expect(save).toBeEnabled();
  const download = page.waitForEvent('download');
  await save.click();
  expect((await download).suggestedFilename()).toContain('competing-consumers');
});

test('loading a template during a run stops that run first, then shows the new flow clean', async ({ page }) => {
  await page.goto('/');
  await importFlow(page, templateOnOwnQueue('credit-starvation', `live-${Date.now()}`));
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 'rx1')).toContainText('3 received');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: 'Send and receive' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
  for (const id of ['c1', 's1', 'tx1', 't1', 'rx1']) await expect(nodeById(page, id)).toHaveAttribute('data-state', 'idle');
  await expect(nodeById(page, 'rx1')).not.toContainText('received');
  await expect(page.getByRole('region', { name: 'Event log' }).getByText('0 events', { exact: true })).toBeVisible();
});

test('a raw SAS token pasted into the CBS token field is accepted, and the connection shows the broker\'s answer to the put-token', async ({ page }) => {
  await page.goto('/');
  await importFlow(page, templateOnOwnQueue('send-receive', `azure-${Date.now()}`));
  await nodeById(page, 'c1').locator('.node__header').click();
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const field = inspector.getByLabel('CBS token', { exact: true });
  const token = 'SharedAccessSignature sr=amqps%3A%2F%2F127.0.0.1%2F&sig=abc%2Bdef%3D&se=4102444800&skn=RootManageSharedAccessKey';
  await field.fill(token);
  await field.blur();
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(inspector).not.toContainText('not valid JSON');
  await expect(field).toHaveValue(token);

  await page.getByRole('button', { name: 'Run' }).click();
  const cbs = nodeById(page, 'c1').getByRole('note', { name: 'Claims-based security' });
  await expect(cbs).toContainText('$cbs put-token: 202 Accepted');
  await expect(cbs).toContainText('token expires 2100-01-01 00:00 UTC');
  await expect(nodeById(page, 'rx1')).toContainText('5 received');
  await stop(page);
});

test('Step then Stop then Run runs freely, also on another template; the toolbar says when a run is stepping', async ({ page }) => {
  await page.goto('/');
  await importFlow(page, templateOnOwnQueue('send-receive', `step-once-${Date.now()}`));
  await expect(nodeById(page, 'c1')).toBeVisible();
  const status = page.getByRole('status', { name: 'Run status' });
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(status).toHaveText('Stepping');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'open');
  await stop(page);

  // Another flow, pressed Run: nothing waits for Step.
  await importFlow(page, templateOnOwnQueue('credit-starvation', `step-then-run-${Date.now()}`));
  await expect(nodeById(page, 'rx1')).toHaveAttribute('data-state', 'idle');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(status).toHaveText('Running');
  for (const id of ['c1', 's1', 'tx1', 'rx1']) await expect(nodeById(page, id)).toHaveAttribute('data-state', 'open');
  await expect(nodeById(page, 't1')).toContainText('10 sent');
  await expect(nodeById(page, 'rx1')).toContainText('3 received');
  await expect(page.getByRole('region', { name: 'Frames' }).getByRole('status', { name: 'Next frame' })).toHaveCount(0);
  await stop(page);

  // And the same flow again, after a stepping run of it.
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(status).toHaveText('Stepping');
  await stop(page);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(status).toHaveText('Running');
  await expect(nodeById(page, 'rx1')).toHaveAttribute('data-state', 'open');
  await stop(page);
});

test('at 1440 px the toolbar wraps onto at most two clean rows; the minimap appears only once the flow has nodes', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Present' })).toBeVisible();
  const rows = () => page.locator('.toolbar button:visible').evaluateAll((els) => new Set(els.map((el) => Math.round(el.getBoundingClientRect().top))).size);
  // With Rewind, Faults, Lessons and Export image added, the bar takes two rows at 1440 px.
  expect(await rows()).toBeLessThanOrEqual(2);
  const canvas = page.getByRole('region', { name: 'Canvas' });
  await expect(canvas.locator('.react-flow__minimap')).toHaveCount(0);
  await page.getByRole('button', { name: 'Connection', exact: true }).click();
  await expect(canvas.locator('.react-flow__minimap')).toBeVisible();
  // A flow with a long name does not add a row.
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name: 'Dead-lettering and redelivery' }).click();
  await expect(page.locator('.toolbar__doc')).toHaveText('Dead-lettering and redelivery');
  expect(await rows()).toBeLessThanOrEqual(2);
});
