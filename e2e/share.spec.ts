// Share links and code export in Chromium: a link made in one page opens as a copy in another.
import { expect, test } from './fixtures.ts';
import { exportGraph, importThroughInput, loadTemplate, nodesOf } from './editorSteps.ts';

test('a shared link opens in a new page as a read-only preview, and "Open a copy" loads the flow as one undo step', async ({ page, browser, baseURL }) => {
  await page.goto(baseURL!);
  await loadTemplate(page, 'Request / reply');
  await expect(nodesOf(page)).toHaveCount(8);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this flow' });
  const link = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toContain('#share=');
  await dialog.getByRole('button', { name: 'Close' }).click();

  // Someone else's browser: its own storage, so only the link brings the flow.
  const otherContext = await browser.newContext({ baseURL: baseURL! });
  const other = await otherContext.newPage();
  await other.goto(link);
  const preview = other.getByRole('dialog', { name: 'Shared flow' });
  await expect(preview).toContainText('Request / reply');
  await expect(preview.locator('[data-preview-node-id]')).toHaveCount(8);
  await expect(nodesOf(other)).toHaveCount(0); // nothing changes until asked
  await preview.getByRole('button', { name: 'Open a copy' }).click();
  await expect(preview).toBeHidden();
  await expect(nodesOf(other)).toHaveCount(8);
  await expect(other.locator('[data-node-id="rx2"]')).toBeVisible();
  expect(new URL(other.url()).hash).toBe('');
  const opened = await exportGraph(other);
  expect(opened.name).toBe('Request / reply');
  await other.getByRole('button', { name: 'Undo' }).click();
  await expect(nodesOf(other)).toHaveCount(0);
  await otherContext.close();
});

test('a share link leaves the password out unless "Include secrets" is ticked, with a warning', async ({ page, baseURL }) => {
  await page.goto(baseURL!);
  const flow = {
    format: 'amqp-flow', version: 1, name: 'With a password',
    nodes: [
      { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: { url: 'ws://127.0.0.1:1/', sasl: { mechanism: 'PLAIN', username: 'owner', password: 'hunter2' } } },
      { id: 's1', kind: 'session', position: { x: 220, y: 0 }, props: {} },
    ],
    edges: [{ id: 'e1', source: 'c1', target: 's1' }],
  };
  await importThroughInput(page, JSON.stringify(flow));
  await expect(nodesOf(page)).toHaveCount(2);
  await page.getByRole('button', { name: 'Share' }).click();
  const dialog = page.getByRole('dialog', { name: 'Share this flow' });
  await expect(dialog.getByTestId('share-removed')).toHaveText('c1.sasl.password');
  const plain = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  await dialog.getByLabel('Include secrets').check();
  await expect(dialog.getByRole('alert')).toContainText('passwords and tokens');
  const withSecrets = await dialog.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(withSecrets).not.toBe(plain);
  await dialog.getByRole('button', { name: 'Close' }).click();
  await page.goto(plain);
  await page.getByRole('dialog', { name: 'Shared flow' }).getByRole('button', { name: 'Open a copy' }).click();
  const shared = await exportGraph(page);
  const c1 = shared.nodes.find((n) => n.id === 'c1')!;
  expect(JSON.stringify(c1.props)).not.toContain('hunter2');
  expect(JSON.stringify(c1.props)).toContain('owner');
});

test('a damaged share link changes nothing and says why', async ({ page, baseURL }) => {
  await page.goto(baseURL!);
  await loadTemplate(page, 'Send and receive');
  await page.goto(`${baseURL!}#share=NoThInGuSeFuL`);
  await expect(page.getByRole('alert').filter({ hasText: 'This share link could not be opened' })).toBeVisible();
  await expect(page.getByRole('dialog', { name: 'Shared flow' })).toHaveCount(0);
  await expect(nodesOf(page)).toHaveCount(5);
});

test('Export code shows the rhea program and the Squirrel version, and downloads each', async ({ page, baseURL }) => {
  await page.goto(baseURL!);
  await loadTemplate(page, 'Hello over $cbs');
  await page.getByRole('button', { name: 'Export code' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export code' });
  await expect(dialog.getByRole('tabpanel')).toContainText("import rhea from 'rhea';");
  await expect(dialog.getByRole('tabpanel')).toContainText('target: { address: "$cbs" }');
  let download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Download/ }).click();
  expect((await download).suggestedFilename()).toBe('hello-over-cbs.ts');
  await dialog.getByRole('tab', { name: 'Squirrel (platform style)' }).click();
  await expect(dialog.getByRole('tabpanel')).toContainText('amqp.openconnection(');
  await expect(dialog.getByRole('tabpanel')).toContainText('.createtransfer(amqp.createmessage("Hello!"))');
  download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: /^Download/ }).click();
  expect((await download).suggestedFilename()).toBe('hello-over-cbs.agent.nut');
});
