// Secrets stay out of files: Export and Save recording leave them out unless "Include secrets" is ticked,
// the Inspector masks them, autosave keeps them for the browser session only, and a flow saved without
// them asks for them before Run.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { startServer, type RunningServer } from '../broker/server.ts';
import { expect, test } from './fixtures.ts';
import { importThroughInput, nodeById, selectNode } from './editorSteps.ts';

const PASSWORD = 'hunter2-secret';
const TOKEN = 'SharedAccessSignature sr=hub&sig=s1gn4ture%3D&se=1&skn=send';
const hex = (s: string) => Buffer.from(s).toString('hex');

/** A sender with one transfer on a connection with SASL PLAIN (and, when asked, a $cbs token). */
function flow(url: string, opts: { password?: string; token?: string } = {}) {
  return JSON.stringify({
    format: 'amqp-flow', version: 1, name: 'Secret flow',
    nodes: [
      { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: { url, sasl: { mechanism: 'PLAIN', username: 'alice', ...(opts.password ? { password: opts.password } : {}) }, ...(opts.token ? { cbs: { token: opts.token } } : {}) } },
      { id: 's1', kind: 'session', position: { x: 240, y: 0 }, props: {} },
      { id: 'tx1', kind: 'sender', position: { x: 480, y: 0 }, props: { address: 'secrets-q' } },
      { id: 't1', kind: 'transfer', position: { x: 720, y: 0 }, props: { body: 'hello' } },
    ],
    edges: [
      { id: 'e1', source: 'c1', target: 's1' },
      { id: 'e2', source: 's1', target: 'tx1' },
      { id: 'e3', source: 'tx1', target: 't1' },
    ],
  });
}

async function downloadFrom(page: Page, click: () => Promise<void>): Promise<string> {
  const download = page.waitForEvent('download');
  await click();
  return readFile((await (await download).path())!, 'utf8');
}

/** Presses a toolbar button that asks about secrets, and saves with or without them. */
async function saveAsked(page: Page, button: string, dialogName: string, include: boolean): Promise<string> {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog.getByTestId('secrets-found')).toContainText('c1.sasl.password');
  if (include) {
    await dialog.getByRole('checkbox', { name: 'Include secrets' }).check();
    await expect(dialog.getByRole('alert')).toContainText('passwords and tokens in plain text');
  } else {
    await expect(dialog.getByRole('alert')).toHaveCount(0);
  }
  const text = await downloadFrom(page, () => dialog.getByRole('button', { name: 'Download' }).click());
  await expect(dialog).toBeHidden();
  return text;
}

const storedDocument = (page: Page) => page.evaluate(() => localStorage.getItem('amqp-flow:document') ?? '');
const allLocalStorage = (page: Page) => page.evaluate(() => JSON.stringify({ ...localStorage }));

test('Export leaves the password and the $cbs token out unless "Include secrets" is ticked', async ({ page, baseURL }) => {
  await page.goto(baseURL!);
  await importThroughInput(page, flow('ws://127.0.0.1:1/', { password: PASSWORD, token: TOKEN }));
  await expect(nodeById(page, 'c1')).toBeVisible();

  const without = await saveAsked(page, 'Export', 'Export', false);
  expect(without).not.toContain(PASSWORD);
  expect(without).not.toContain('sig=');
  const c1 = (JSON.parse(without) as { nodes: { id: string; props: Record<string, unknown> }[] }).nodes.find((n) => n.id === 'c1')!;
  expect(c1.props.sasl).toEqual({ mechanism: 'PLAIN', username: 'alice' });
  expect(c1.props.cbs).toEqual({});

  const withSecrets = await saveAsked(page, 'Export', 'Export', true);
  expect(withSecrets).toContain(PASSWORD);
  expect(withSecrets).toContain(TOKEN);
});

test('the Inspector masks the password and the token, with a Show / Hide toggle', async ({ page, baseURL }) => {
  await page.goto(baseURL!);
  await importThroughInput(page, flow('ws://127.0.0.1:1/', { password: PASSWORD, token: TOKEN }));
  await selectNode(page, 'c1');
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const password = inspector.getByLabel('Password', { exact: true });
  await expect(password).toHaveAttribute('type', 'password');
  await expect(password).toHaveValue(PASSWORD);
  const cbs = inspector.getByRole('group', { name: 'CBS' });
  await expect(cbs.getByLabel('CBS token', { exact: true })).toHaveAttribute('type', 'password');
  await expect(cbs.getByLabel('CBS settings')).not.toHaveValue(/sig=/);

  const show = inspector.getByRole('group', { name: 'SASL' }).getByRole('button', { name: 'Show' });
  await expect(show).toHaveAttribute('aria-pressed', 'false');
  await show.click();
  const hide = inspector.getByRole('group', { name: 'SASL' }).getByRole('button', { name: 'Hide' });
  await expect(hide).toHaveAttribute('aria-pressed', 'true');
  await expect(password).toHaveAttribute('type', 'text');
  await expect(cbs.getByLabel('CBS token', { exact: true })).toHaveAttribute('type', 'password'); // each field has its own toggle
  await hide.click();
  await expect(password).toHaveAttribute('type', 'password');
  await page.screenshot({ path: test.info().outputPath('inspector-secrets.png') });
});

test('a reload in the same tab keeps the secrets; localStorage never holds them; a new browser session does not have them', async ({ page, browser, baseURL }) => {
  await page.goto(baseURL!);
  await importThroughInput(page, flow('ws://127.0.0.1:1/', { password: PASSWORD, token: TOKEN }));
  await expect.poll(() => storedDocument(page)).toContain('Secret flow');
  const stored = await allLocalStorage(page);
  expect(stored).not.toContain(PASSWORD);
  expect(stored).not.toContain('s1gn4ture');

  await page.reload();
  await expect(nodeById(page, 'c1')).toBeVisible();
  expect(await allLocalStorage(page)).not.toContain(PASSWORD);
  await selectNode(page, 'c1');
  await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('Password', { exact: true })).toHaveValue(PASSWORD);

  // A new browser session with the same saved document (localStorage carried over, sessionStorage not).
  const next = await browser.newContext({ baseURL: baseURL!, storageState: await page.context().storageState() });
  const other = await next.newPage();
  await other.goto(baseURL!);
  await expect(nodeById(other, 'c1')).toBeVisible();
  await selectNode(other, 'c1');
  await expect(other.getByRole('region', { name: 'Inspector' }).getByLabel('Password', { exact: true })).toHaveValue('');
  await next.close();
});

test.describe('a flow saved without its password', () => {
  let server: RunningServer;
  test.beforeAll(async () => {
    server = await startServer({ port: 0, tcpPort: false, broker: { users: { alice: PASSWORD } } });
  });
  test.afterAll(async () => {
    await server.close();
  });

  test('asks for it before Run, runs against a broker that requires it, and Save recording leaves it out unless asked', async ({ page, baseURL }) => {
    await page.goto(baseURL!);
    await importThroughInput(page, flow(server.wsUrl));
    await expect(nodeById(page, 'c1')).toBeVisible();

    // Cancel runs nothing.
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    const ask = page.getByRole('dialog', { name: 'Secrets needed' });
    await expect(ask).toContainText('SASL password for "alice" on c1');
    await expect(ask.getByRole('button', { name: 'Run' })).toBeDisabled();
    await ask.getByRole('button', { name: 'Cancel' }).click();
    await expect(ask).toBeHidden();
    await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
    await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'idle');

    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await ask.getByLabel('SASL password for "alice" on c1').fill(PASSWORD);
    await ask.getByRole('button', { name: 'Run' }).click();
    await expect(ask).toBeHidden();
    for (const id of ['c1', 's1', 'tx1']) await expect(nodeById(page, id)).toHaveAttribute('data-state', 'open');
    await expect(page.getByRole('region', { name: 'Event log' })).toContainText('TRANSFER_SETTLED');
    await page.getByRole('button', { name: 'Stop', exact: true }).click();
    await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');

    // The entered password is kept like any secret: in this session, never in localStorage.
    expect(await page.evaluate(() => sessionStorage.getItem('amqp-flow:secrets'))).toContain(PASSWORD);
    await expect.poll(() => storedDocument(page)).toContain('Secret flow');
    expect(await allLocalStorage(page)).not.toContain(PASSWORD);

    const without = await saveAsked(page, 'Save recording', 'Save recording', false);
    expect(without).toContain('"format":"amqp-flow-run"');
    expect(without).not.toContain(PASSWORD);
    expect(without.toLowerCase()).not.toContain(hex(PASSWORD)); // the SASL PLAIN initial response, as frame bytes
    const withSecrets = await saveAsked(page, 'Save recording', 'Save recording', true);
    expect(withSecrets).toContain(PASSWORD);
  });
});
