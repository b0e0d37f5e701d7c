// The built folder on a plain static host: a different origin and port than the broker, under a
// sub-path, served by a few lines of node:http (no SPA fallback, no API). The page must load its
// lazy chunks relative to itself, notice there is no embedded broker, ask for a URL, and then run a
// flow against a broker started on its own.
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { startServer, type RunningServer } from '../broker/server.ts';
import { loadTemplate, nodeById, selectNode } from './editorSteps.ts';
import { expect, test } from './fixtures.ts';

const SUB_PATH = '/tools/amqp-flow/';
const DIST = resolve('dist');
const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.map': 'application/json' };

/** Files under SUB_PATH from dist/, index.html for the folder itself, 404 for anything else. */
function staticHost(): Server {
  return createServer((req, res) => {
    void (async () => {
      const path = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
      if (!path.startsWith(SUB_PATH)) return res.writeHead(404).end('not found');
      let file = normalize(join(DIST, path.slice(SUB_PATH.length)));
      if (file !== DIST && !file.startsWith(DIST + sep)) return res.writeHead(404).end('not found');
      if ((await stat(file).catch(() => null))?.isDirectory()) file = join(file, 'index.html');
      const info = await stat(file).catch(() => null);
      if (!info) return res.writeHead(404).end('not found');
      res.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'content-length': info.size });
      createReadStream(file).pipe(res);
    })();
  });
}

let host: Server;
let pageUrl = '';
let broker: RunningServer;

test.beforeAll(async () => {
  broker = await startServer({ port: 0, tcpPort: false }); // the broker alone, no page
  host = staticHost();
  await new Promise<void>((ok) => host.listen(0, '127.0.0.1', ok));
  pageUrl = `http://127.0.0.1:${(host.address() as AddressInfo).port}${SUB_PATH}`;
});
test.afterAll(async () => {
  host.closeAllConnections();
  await new Promise((ok) => host.close(ok));
  await broker.close();
});

test('the built page works from a static host under a sub-path: it asks for a URL, then runs against a separate broker', async ({ page }) => {
  const failed: string[] = [];
  page.on('response', (r) => {
    if (r.status() >= 400 && !r.url().endsWith('/api/queues')) failed.push(`${r.status()} ${r.url()}`);
  });
  await page.goto(pageUrl);
  await expect(page.getByRole('region', { name: 'Canvas' })).toBeVisible();
  await loadTemplate(page, 'Send and receive');

  // No embedded broker here: Run refuses, naming the connection that needs a URL.
  await page.getByRole('button', { name: 'Run' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'The flow cannot run yet' });
  await expect(refusal).toContainText('c1 · url: Connection "c1": This page was not served with an embedded broker');
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
  await refusal.getByRole('button', { name: 'Dismiss' }).click();

  // The Inspector says so under the URL and offers the presets.
  await selectNode(page, 'c1');
  const inspector = page.getByRole('region', { name: 'Inspector' });
  const url = inspector.getByLabel('URL', { exact: true });
  await expect(url).toHaveAttribute('placeholder', 'ws://… (required here)');
  await expect(inspector).toContainText('this connection needs a URL: choose a preset or type a ws:// or wss:// address');
  const preset = inspector.getByLabel('Preset', { exact: true });
  await expect(preset.locator('option', { hasText: 'Embedded broker (none: this page is statically hosted)' })).toHaveCount(1);
  await expect(preset.locator('option', { hasText: 'RabbitMQ over the relay' })).toHaveCount(1);

  // The Broker view explains why it has nothing to show instead of failing.
  const credit = page.getByRole('region', { name: 'Credit' });
  await credit.getByRole('tab', { name: 'Broker' }).click();
  await expect(credit.getByRole('note')).toContainText('This page comes from a static host without one');

  // With the broker's URL the flow runs, and its expectations are checked when it stops.
  await url.fill(broker.wsUrl);
  await url.press('Enter');
  // the card shortens a long URL at a word and keeps the whole of it in the tooltip
  await expect(nodeById(page, 'c1').locator(`[title="${broker.wsUrl}"]`)).toHaveCount(1);
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 'rx1')).toContainText('5 received');
  await expect(nodeById(page, 't1')).toContainText('5 accepted');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
  const checks = page.getByRole('region', { name: 'Checks' });
  await expect(checks).toContainText('All 6 expectations met');
  await expect(nodeById(page, 'rx1').locator('[data-check]')).toHaveAttribute('data-check', 'met');

  // A lazily loaded part (the sequence diagram) comes from the sub-path too.
  const frames = page.getByRole('region', { name: 'Frames' });
  await frames.getByLabel('Sequence diagram').check();
  await expect(frames.getByRole('img', { name: 'Sequence diagram of the frames' })).toBeVisible();
  expect(failed).toEqual([]);
  await page.screenshot({ path: '/tmp/eco-static-host.png' });
});
