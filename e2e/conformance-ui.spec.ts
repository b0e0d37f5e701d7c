// Issue 13's UI rows, end to end against the embedded broker and Qpid Proton's Python client:
// the reject condition picked in the Inspector (row 15), the AMQP type of a number property (row 13),
// and the message view of a data-section body, bytes and text (row 14).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { startServer, type RunningServer } from '../broker/server.ts';
import { graphOf } from '../src/graph/fixtures/factory.ts';
import type { Graph } from '../src/graph/types.ts';
import { exportGraph, nodeById } from './editorSteps.ts';
import { saveScreenshot } from './screenshots.ts';
import { test, expect } from './fixtures.ts';

const PYTHON = '/usr/bin/python3';
const PEER = fileURLToPath(new URL('./proton_peer.py', import.meta.url));

/** Runs the Proton peer and returns its JSON line. */
function proton<T>(...args: string[]): Promise<T> {
  return new Promise((ok, fail) => {
    execFile(PYTHON, [PEER, ...args], { timeout: 30_000 }, (error, stdout, stderr) => {
      if (error) return fail(new Error(`${error.message}\n${stderr}`));
      ok(JSON.parse(stdout.trim().split('\n').pop()!) as T);
    });
  });
}

// A server of this spec's own, for its plain-TCP port (Proton's client speaks AMQP over TCP).
let server: RunningServer & { tcpUrl: string };
test.beforeAll(async () => {
  server = (await startServer({ host: '127.0.0.1', port: 0, tcpPort: 0, appDir: 'dist' })) as typeof server;
});
test.afterAll(async () => {
  await server?.close();
});

const queue = (name: string) => `${name}-${Date.now().toString(36)}`;
const inspector = (page: Page) => page.getByRole('region', { name: 'Inspector' });

async function openGraph(page: Page, graph: Graph) {
  await page.goto(server.url);
  await page.locator('input[type="file"]').setInputFiles({ name: `${graph.name}.amqpflow.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
  await expect(nodeById(page, graph.nodes[0]!.id)).toBeVisible();
}

async function select(page: Page, id: string) {
  // a click event, not the mouse: the mini map may cover the card's corner of a fitted view
  await nodeById(page, id).locator('.node__header').dispatchEvent('click');
  await expect(inspector(page).getByRole('textbox', { name: 'Id', exact: true })).toHaveValue(id);
}

test('the reject condition picked in the Inspector is what a Reject carries, into the broker’s dead-letter reason', async ({ page }) => {
  const q = queue('judged');
  await openGraph(page, graphOf('reject condition', [
    ['c1', 'connection'], ['s1', 'session'], ['tx1', 'sender', { address: q }], ['t1', 'transfer', { body: 'judge me' }],
    ['rx1', 'receiver', { address: q, autoAccept: false }], ['dead', 'receiver', { address: `${q}.dlq` }],
  ], [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1'], ['s1', 'dead']]));

  await select(page, 'rx1');
  await inspector(page).getByLabel('Reject condition').selectOption('amqp:resource-locked');
  await inspector(page).getByLabel('Reject description').fill('Held by the month-end run');
  await inspector(page).getByLabel('Reject description').blur();
  const saved = (await exportGraph(page)).nodes.find((n) => n.id === 'rx1')!.props;
  expect(saved).toMatchObject({ rejectCondition: 'amqp:resource-locked', rejectDescription: 'Held by the month-end run' });

  await page.getByRole('button', { name: 'Run' }).click();
  const receiver = nodeById(page, 'rx1');
  const deliveries = receiver.getByRole('list', { name: 'Unsettled deliveries' }).getByRole('listitem');
  await expect(deliveries).toHaveCount(1);
  await expect(receiver.locator('summary')).toHaveText('Reject as amqp:resource-locked');
  await saveScreenshot(page, 'reject-condition-card.png');
  await deliveries.first().getByRole('button', { name: 'Reject' }).click();

  // The broker dead-letters it with the condition and description as its reason; "dead" receives it.
  await expect(nodeById(page, 'dead')).toContainText('1 received');
  const log = page.getByRole('region', { name: 'Event log' });
  await log.getByRole('combobox', { name: 'Filter by node' }).selectOption('dead');
  await log.getByRole('button', { name: /^Open message #\d+ of dead$/ }).click();
  const view = page.getByRole('dialog', { name: /received by dead$/ });
  const annotations = view.getByRole('region', { name: 'Message annotations' });
  await expect(annotations.getByRole('row', { name: /x-opt-deadletter-reason/ })).toContainText('"amqp:resource-locked"');
  await expect(annotations.getByRole('row', { name: /x-opt-deadletter-description/ })).toContainText('"Held by the month-end run"');
  await view.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Stop' }).click();
});

test('the Inspector picks the AMQP type of a number property, refuses one the number does not fit, and Proton receives that type', async ({ page }) => {
  const q = queue('typed');
  await openGraph(page, graphOf('number types', [
    ['c1', 'connection'], ['s1', 'session'], ['tx1', 'sender', { address: q }],
    ['t1', 'transfer', { body: 'typed', applicationProperties: { big: 7, ratio: 3.5, plain: 9 } }],
  ], [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1']]));

  await select(page, 't1');
  const types = inspector(page).getByRole('group', { name: 'Number types' });
  await expect(types.getByRole('combobox')).toHaveCount(3);
  await types.getByRole('combobox', { name: 'Type of big' }).selectOption('long');
  // 3.5 is no int: the picker says so, naming the property, and the document keeps what it had
  await types.getByRole('combobox', { name: 'Type of ratio' }).selectOption('int');
  await expect(types.getByRole('alert')).toHaveText('applicationProperties "ratio": 3.5 is not a whole number, so it cannot be an int; pick another type or change the value');
  await types.scrollIntoViewIfNeeded();
  await saveScreenshot(page, 'inspector-number-types.png');
  expect((await exportGraph(page)).nodes.find((n) => n.id === 't1')!.props).toMatchObject({ applicationPropertyTypes: { big: 'long' } });
  await types.getByRole('combobox', { name: 'Type of ratio' }).selectOption('float');
  await expect(types.getByRole('alert')).toHaveCount(0);

  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 't1')).toContainText('1 accepted');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');

  const got = await proton<{ applicationProperties: Record<string, { value: number; type: string }> }>('receive', server.tcpUrl, q);
  expect(got.applicationProperties.big).toEqual({ value: 7, type: 'long' });
  expect(got.applicationProperties.ratio).toEqual({ value: 3.5, type: 'float' });
  expect(got.applicationProperties.plain).toEqual({ value: 9, type: 'int' }); // the default for a whole number

  // A value changed so that it no longer fits its type is flagged on its picker, and Run refuses the flow.
  await types.getByRole('combobox', { name: 'Type of plain' }).selectOption('ubyte');
  const props = inspector(page).getByLabel('Application properties');
  await props.fill(JSON.stringify({ big: 7, ratio: 3.5, plain: 300 }));
  await props.blur();
  await expect(types.getByRole('alert')).toContainText('applicationProperties "plain": 300 is outside the ubyte range 0…255');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(page.getByRole('region', { name: 'Event log' }).getByRole('alert')).toContainText('300 is outside the ubyte range');
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
});

test('the message view shows a data section as bytes, and as text only when it is UTF-8', async ({ page }) => {
  const q = queue('bytes');
  const binary = 'ff00fe41';
  const text = Buffer.from('héllo wörld', 'utf8').toString('hex');
  await proton('send-data', server.tcpUrl, q, binary, text);
  await openGraph(page, graphOf('bytes', [['c1', 'connection'], ['s1', 'session'], ['rx1', 'receiver', { address: q, autoAccept: false }]], [['c1', 's1'], ['s1', 'rx1']]));
  await page.getByRole('button', { name: 'Run' }).click();
  const deliveries = nodeById(page, 'rx1').getByRole('list', { name: 'Unsettled deliveries' }).getByRole('listitem');
  await expect(deliveries).toHaveCount(2);

  // Not UTF-8: the hex dump only, no Text view. (A click event, not the mouse, as in select(): in
  // this fitted three-card flow the mini map covers the bottom of the receiver's card.)
  let view = page.getByRole('dialog', { name: /received by rx1$/ });
  await deliveries.nth(0).getByRole('button', { name: /^Open message #\d+ of rx1$/ }).dispatchEvent('click');
  await expect(view).toBeVisible();
  await expect(deliveries).toHaveCount(2); // nothing settled on the way
  await expect(view.locator('[data-section]')).toHaveText('Section: data');
  await expect(view.getByRole('button', { name: 'Bytes' })).toHaveAttribute('aria-pressed', 'true');
  await expect(view.getByRole('button', { name: 'Text' })).toHaveCount(0);
  await expect(view.getByLabel('Body bytes')).toHaveText('00000000  ff 00 fe 41                                       |...A|');
  await expect(view).toContainText('4 bytes, not UTF-8 text');
  // the application properties with the AMQP type each arrived as (Proton sent an int and a long)
  const appProps = view.getByRole('region', { name: 'Application properties' });
  await expect(appProps.getByRole('row', { name: /^seq/ })).toHaveText(/^seq\s*8\s*int$/);
  await expect(appProps.getByRole('row', { name: /^total/ })).toHaveText(/^total\s*2\s*long$/);
  await view.getByRole('button', { name: 'Close' }).click();

  // UTF-8: the same hex dump, and the Text view shows the characters.
  const log = page.getByRole('region', { name: 'Event log' });
  await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('MESSAGE_RECEIVED');
  await log.getByRole('button', { name: /^Open message #\d+ of rx1$/ }).nth(1).click();
  view = page.getByRole('dialog', { name: /received by rx1$/ });
  await expect(view.locator('[data-section]')).toHaveText('Section: data');
  await expect(view.getByLabel('Body bytes')).toContainText('68 c3 a9 6c 6c 6f 20 77  c3 b6 72 6c 64');
  await view.getByRole('button', { name: 'Text' }).click();
  await expect(view.getByLabel('Body text')).toHaveText('héllo wörld');
  await expect(view.getByLabel('Body bytes')).toHaveCount(0);
  await view.getByRole('button', { name: 'Bytes' }).click();
  await expect(view.getByLabel('Body bytes')).toBeVisible();
  await saveScreenshot(page, 'message-view.png');
  await view.getByRole('button', { name: 'Close' }).click();
  await page.getByRole('button', { name: 'Stop' }).click();
});
