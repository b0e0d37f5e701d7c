// The read-only embeddable view in Chromium, inside an <iframe> on a page of another origin: a shared flow
// that runs against the embedded broker but cannot be edited, and a recording played from a URL.
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { FrameLocator } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';
import { TEMPLATES } from '../src/graph/templates.ts';
import lz from 'lz-string';

/** A page of its own origin that iframes `src`, and serves `files` to anyone (CORS), on 127.0.0.1 port 0. */
async function hostPage(files: Map<string, string>): Promise<{ server: Server; origin: string }> {
  const server = createServer((req, res) => {
    const path = new URL(req.url ?? '/', 'http://x').pathname;
    if (path === '/host.html') {
      const src = new URL(req.url ?? '/', 'http://x').searchParams.get('src') ?? '';
      res.writeHead(200, { 'content-type': 'text/html' });
      res.end(`<!doctype html><title>Blog post</title><h1>A post about AMQP</h1><iframe title="AMQP Flow" src="${src.replace(/"/g, '&quot;')}" width="900" height="620"></iframe>`);
      return;
    }
    const body = files.get(path);
    res.writeHead(body === undefined ? 404 : 200, { 'content-type': 'application/json', 'access-control-allow-origin': '*' });
    res.end(body ?? 'not found');
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  return { server, origin: `http://127.0.0.1:${(server.address() as AddressInfo).port}` };
}

const embedOf = (frame: FrameLocator) => ({
  canvas: frame.getByRole('region', { name: 'Canvas' }),
  node: (id: string) => frame.getByRole('region', { name: 'Canvas' }).locator(`[data-node-id="${id}"]`),
  log: frame.getByRole('region', { name: 'Event log' }),
});

let host: { server: Server; origin: string };
const files = new Map<string, string>();
test.beforeAll(async () => {
  host = await hostPage(files);
});
test.afterAll(async () => {
  await new Promise((ok) => host.server.close(ok));
});

test('an embedded shared flow in an iframe shows only the canvas, Run and the event log, cannot be edited, runs, and plays its recording from a URL', async ({ page, baseURL }) => {
  const template = TEMPLATES.find((t) => t.name === 'Send and receive')!;
  // A queue of its own, so messages left by other journeys on the same broker are not counted here.
  const queue = `embed-${test.info().testId}-${test.info().repeatEachIndex}-${Date.now()}`;
  const graph = template.graph();
  graph.nodes = graph.nodes.map((n) => (n.kind === 'sender' || n.kind === 'receiver' ? { ...n, props: { ...n.props, address: queue } } : n));
  // The same payload the Share button makes (lz-string of the flow's JSON).
  const link = `${baseURL}?embed=1#share=${lz.compressToEncodedURIComponent(JSON.stringify(graph))}`;
  await page.goto(`${host.origin}/host.html?src=${encodeURIComponent(link)}`);
  const frame = page.frameLocator('iframe[title="AMQP Flow"]');
  const embed = embedOf(frame);

  await expect(embed.canvas.locator('[data-node-id]')).toHaveCount(5);
  for (const name of ['Templates', 'Import', 'Export', 'Undo', 'Share']) await expect(frame.getByRole('button', { name, exact: true })).toHaveCount(0);
  await expect(frame.getByRole('navigation', { name: 'Palette' })).toHaveCount(0);
  await expect(frame.getByRole('region', { name: 'Inspector' })).toHaveCount(0);
  await expect(frame.getByRole('dialog')).toHaveCount(0); // no share preview: the flow is simply shown

  // Not editable: a drag does not move a node (it may pan the view, so compare with its neighbour),
  // a click does not select it, Delete removes nothing.
  const header = embed.node('tx1').locator('.node__header');
  const offset = async () => {
    const a = (await header.boundingBox())!;
    const b = (await embed.node('c1').boundingBox())!;
    return { x: a.x - b.x, y: a.y - b.y };
  };
  const before = (await header.boundingBox())!;
  const offsetBefore = await offset();
  await page.mouse.move(before.x + before.width / 2, before.y + before.height / 2);
  await page.mouse.down();
  await page.mouse.move(before.x + 120, before.y + 90, { steps: 10 });
  await page.mouse.up();
  const offsetAfter = await offset();
  expect(Math.abs(offsetAfter.x - offsetBefore.x) + Math.abs(offsetAfter.y - offsetBefore.y)).toBeLessThan(1);
  await embed.node('tx1').click({ force: true });
  await page.keyboard.press('Delete');
  await expect(embed.canvas.locator('[data-node-id]')).toHaveCount(5);
  await expect(embed.canvas.locator('.react-flow__node.selected')).toHaveCount(0);
  // Dragging from where a node's wiring handle sits draws no wire.
  const handle = (await embed.node('tx1').locator('.react-flow__handle.source').boundingBox())!;
  await page.mouse.move(handle.x + handle.width / 2, handle.y + handle.height / 2);
  await page.mouse.down();
  await page.mouse.move(handle.x + 80, handle.y + 40, { steps: 6 });
  await expect(embed.canvas.locator('.react-flow__connection-path')).toHaveCount(0);
  await page.mouse.up();
  await expect(embed.canvas.locator('.react-flow__edge')).toHaveCount(4);

  // Run against the embedded broker the page was served with.
  await frame.getByRole('button', { name: 'Run', exact: true }).click();
  await expect(embed.node('rx1')).toContainText('5 received', { timeout: 20_000 });
  await expect(embed.node('c1')).toHaveAttribute('data-state', /open|closed/);
  await embed.log.getByRole('combobox', { name: 'Filter by event' }).selectOption('TRANSFER_SETTLED');
  await expect(embed.log.locator('[data-event="TRANSFER_SETTLED"]')).toHaveCount(5);
  await expect(embed.log.locator('[data-event="TRANSFER_SETTLED"]').first()).toContainText('outcome=accepted');
  await embed.log.getByRole('combobox', { name: 'Filter by event' }).selectOption('');
  await frame.getByRole('button', { name: 'Stop' }).click();
  await expect(frame.getByRole('button', { name: 'Run', exact: true })).toBeEnabled();
  await expect(embed.node('c1')).toHaveAttribute('data-state', 'closed');

  const download = page.waitForEvent('download');
  await frame.getByRole('button', { name: 'Save recording' }).click();
  const file = await download;
  files.set('/send-receive.amqpflow-run.json', await readFile((await file.path())!, 'utf8'));

  // The editor's own saved flow was never touched by the embed.
  expect(await page.evaluate(() => document.title)).toBe('Blog post');
  const editor = await page.context().newPage();
  await editor.goto(baseURL!);
  expect(await editor.evaluate(() => localStorage.getItem('amqp-flow:document'))).toBeNull();
  await editor.close();

  // A second embed plays the recording from another site's URL, with no flow in its address and no broker used.
  const recordingUrl = `${host.origin}/send-receive.amqpflow-run.json`;
  await page.goto(`${host.origin}/host.html?src=${encodeURIComponent(`${baseURL}?embed=1&recording=${encodeURIComponent(recordingUrl)}`)}`);
  const replay = frame.getByRole('group', { name: 'Replay' });
  await expect(replay).toContainText('Send and receive');
  await expect(embed.canvas.locator('[data-node-id]')).toHaveCount(5);
  for (const id of ['c1', 's1', 'tx1', 'rx1']) await expect(embed.node(id)).toHaveAttribute('data-state', 'closed');
  await replay.getByRole('slider', { name: 'Playhead' }).fill('0');
  await expect(embed.node('c1')).toHaveAttribute('data-state', /idle|opening/);
  await expect(embed.node('rx1')).not.toContainText('5 received');
  await replay.getByRole('button', { name: 'Play', exact: true }).click();
  await expect(embed.node('rx1')).toContainText('5 received');
  await expect(replay.getByRole('button', { name: 'Play', exact: true })).toBeVisible();
  await embed.log.getByRole('combobox', { name: 'Filter by event' }).selectOption('MESSAGE_RECEIVED');
  await expect(embed.log.locator('[data-event="MESSAGE_RECEIVED"]')).toHaveCount(5);
  await saveScreenshot(page, 'embed-replay.png');
});

test('an embed whose link is damaged or whose recording is missing says so in plain words and shows nothing else', async ({ page, baseURL }) => {
  await page.goto(`${host.origin}/host.html?src=${encodeURIComponent(`${baseURL}?embed=1#share=not-a-real-payload`)}`);
  const frame = page.frameLocator('iframe[title="AMQP Flow"]');
  await expect(frame.getByRole('alert')).toContainText('The flow in this address could not be opened');
  await expect(frame.getByRole('alert')).toContainText('damaged');
  await expect(frame.getByRole('region', { name: 'Canvas' }).locator('[data-node-id]')).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Run', exact: true })).toBeDisabled();

  await page.goto(`${host.origin}/host.html?src=${encodeURIComponent(`${baseURL}?embed=1&recording=${encodeURIComponent(`${host.origin}/nothing-here.json`)}`)}`);
  await expect(frame.getByRole('alert')).toContainText('could not be loaded: the server answered 404');
  await expect(frame.getByRole('group', { name: 'Replay' })).toHaveCount(0);
});
