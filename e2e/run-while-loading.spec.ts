// Run pressed while a picked flow is still loading (a template's chunk, an imported file's parser) runs
// that flow once it lands, never the flow it replaces; a load that fails runs nothing. The chunk's
// response is held with page.route, so the load is still in flight when Run is pressed, however fast
// the machine.
import type { Page } from '@playwright/test';
import { graphOfChildren } from '../src/graph/fixtures/factory.ts';
import { importFlow, importThroughInput, loadTemplate, nodeById, pickTemplate, templateOnOwnQueue } from './editorSteps.ts';
import { test, expect } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';

const TEMPLATES_CHUNK = /\/assets\/templates-[\w-]+\.js$/;
const FILE_PARSER_CHUNK = /\/assets\/file-[\w-]+\.js$/;

/** Holds the responses of the matching chunk until release(); then they go through, or fail with `abort`. */
async function holdChunk(page: Page, url: RegExp, then: 'continue' | 'abort' = 'continue') {
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(url, async (route) => {
    await released;
    await (then === 'abort' ? route.abort('failed') : route.continue());
  });
  return release;
}

/** A flow of its own ids, so the event log says which flow ran. */
const previousFlow = () =>
  graphOfChildren(
    [
      { id: 'prev-c1', kind: 'connection' },
      { id: 'prev-s1', kind: 'session', parent: 'prev-c1' },
    ],
    'Previous flow',
  );

const runStatus = (page: Page) => page.getByRole('status', { name: 'Run status' });

/** Connections the event log shows opened in this run. */
async function expectOpenedConnections(page: Page, opened: string, notOpened: string) {
  const log = page.getByRole('region', { name: 'Event log' });
  await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('CONNECTION_OPEN');
  await expect(log.locator(`[data-event="CONNECTION_OPEN"][data-node="${opened}"]`)).toHaveCount(1);
  await expect(log.locator(`[data-event="CONNECTION_OPEN"][data-node="${notOpened}"]`)).toHaveCount(0);
}

test('Run pressed while a picked template still loads waits for it and runs the template, not the flow before', async ({ page }) => {
  const release = await holdChunk(page, TEMPLATES_CHUNK);
  await page.goto('/');
  await importFlow(page, previousFlow());

  await pickTemplate(page, 'Hello over $cbs');
  await expect(runStatus(page)).toHaveText('Loading flow…');
  await page.getByRole('button', { name: 'Run' }).click();
  // the press is kept and said so: the previous flow does not start
  await expect(runStatus(page)).toHaveText('Loading flow… then Run');
  await expect(page.getByRole('button', { name: 'Run' })).toBeDisabled();
  await expect(nodeById(page, 'prev-c1')).toHaveAttribute('data-state', 'idle');
  await saveScreenshot(page, 'run-while-loading.png');

  release();
  await expect(page.locator('.toolbar__doc')).toHaveText('Hello over $cbs');
  for (const id of ['c1', 's1', 'tx1', 't1']) await expect(nodeById(page, id)).toHaveAttribute('data-state', 'open');
  await expectOpenedConnections(page, 'c1', 'prev-c1');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(runStatus(page)).toHaveText('Idle');
});

test('Step pressed while a picked template still loads starts the stepping run on the template', async ({ page }) => {
  const release = await holdChunk(page, TEMPLATES_CHUNK);
  await page.goto('/');
  await importFlow(page, previousFlow());

  await pickTemplate(page, 'Hello over $cbs');
  await page.getByRole('button', { name: 'Step' }).click();
  await expect(runStatus(page)).toHaveText('Loading flow… then Run');

  release();
  await expect(runStatus(page)).toHaveText('Stepping');
  await expect(page.locator('.toolbar__doc')).toHaveText('Hello over $cbs');
  await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'opening');
  await expect(nodeById(page, 'prev-c1')).toHaveCount(0);
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(runStatus(page)).toHaveText('Idle');
});

test('Run pressed while an imported file is still loading runs the imported flow', async ({ page }) => {
  const release = await holdChunk(page, FILE_PARSER_CHUNK);
  await page.goto('/');
  await loadTemplate(page, 'Hello over $cbs');

  const imported = templateOnOwnQueue('send-receive', 'run-while-loading');
  for (const n of imported.nodes) n.id = `imp-${n.id}`;
  for (const e of imported.edges) Object.assign(e, { source: `imp-${e.source}`, target: `imp-${e.target}` });
  await importThroughInput(page, JSON.stringify(imported), 'imported.amqpflow.json');
  await expect(runStatus(page)).toHaveText('Loading flow…');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(runStatus(page)).toHaveText('Loading flow… then Run');
  await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'idle');

  release();
  for (const n of imported.nodes.filter((n) => n.kind !== 'transfer')) await expect(nodeById(page, n.id)).toHaveAttribute('data-state', 'open');
  await expectOpenedConnections(page, 'imp-c1', 'c1');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(runStatus(page)).toHaveText('Idle');
});

test('a template that fails to load while Run waits for it runs nothing and leaves the flow as it was', async ({ page }) => {
  const release = await holdChunk(page, TEMPLATES_CHUNK, 'abort');
  await page.goto('/');
  await importFlow(page, previousFlow());

  await pickTemplate(page, 'Send and receive');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(runStatus(page)).toHaveText('Loading flow… then Run');

  release();
  await expect(page.getByRole('alert').filter({ hasText: 'The template "Send and receive" could not be loaded. The flow is unchanged.' })).toBeVisible();
  await expect(runStatus(page)).toHaveText('Idle');
  await expect(page.getByRole('button', { name: 'Run' })).toBeEnabled();
  await expect(page.locator('.toolbar__doc')).toHaveText('Previous flow');
  for (const id of ['prev-c1', 'prev-s1']) await expect(nodeById(page, id)).toHaveAttribute('data-state', 'idle');
  await expect(page.getByRole('region', { name: 'Event log' }).locator('[data-event]')).toHaveCount(0);
});

test('Run pressed before a lesson link has opened its lesson waits for it and runs the lesson\'s flow', async ({ page }) => {
  // the lesson comes with the lessons feature, which loads after the first paint with the other features
  const release = await holdChunk(page, /\/assets\/feature-[\w-]+\.js$/);
  await page.goto('/?lesson=lifecycle');
  await expect(runStatus(page)).toHaveText('Loading flow…');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(runStatus(page)).toHaveText('Loading flow… then Run');

  release();
  await expect(page.getByRole('region', { name: 'Lesson' })).toBeVisible();
  for (const id of ['c1', 's1']) await expect(nodeById(page, id)).toHaveAttribute('data-state', 'open');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(runStatus(page)).toHaveText('Idle');
});
