// Diagrams for documents, downloaded from the page: the sequence view's Export SVG / Export Mermaid
// (whole run and filtered to one node) and the canvas as SVG and PNG with the run's ✓/✗.
import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import { loadTemplate, nodeById, selectNode } from './editorSteps.ts';
import { expect, test } from './fixtures.ts';

async function download(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const pending = page.waitForEvent('download');
  await click();
  const file = await pending;
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

test('the sequence diagram and the canvas download as SVG, Mermaid and PNG after a run', async ({ page }) => {
  await page.goto('/');
  await loadTemplate(page, 'Request / reply');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 'rx2')).toContainText('1 received');
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
  await expect(page.getByRole('region', { name: 'Checks' })).toContainText('All 6 expectations met');

  const frames = page.getByRole('region', { name: 'Frames' });
  await frames.getByLabel('Sequence diagram').check();
  // Every frame of the run: both connections appear.
  await frames.getByLabel('Selected node only').uncheck();
  const mermaid = await download(page, () => frames.getByRole('button', { name: 'Export Mermaid' }).click());
  expect(mermaid.name).toBe('request-reply-sequence.mmd');
  const text = mermaid.bytes.toString('utf8');
  expect(text.split('\n')[0]).toBe('sequenceDiagram');
  expect(text).toContain('participant page_c1 as c1 (page)');
  expect(text).toContain('participant page_c2 as c2 (page)');
  expect(text).toMatch(/page_c1->>broker_c1: \d+ ms transfer handle=0 delivery-id=0/);
  expect(text).toMatch(/broker_c2-->>page_c2: \d+ ms transfer/);

  // Filtered to one performative: only those arrows.
  await frames.getByLabel('Filter by performative').selectOption('attach');
  const attaches = (await download(page, () => frames.getByRole('button', { name: 'Export Mermaid' }).click())).bytes.toString('utf8');
  const arrows = attaches.split('\n').filter((l) => l.includes('>>'));
  expect(arrows.length).toBeGreaterThanOrEqual(6);
  expect(arrows.every((l) => / ms attach /.test(l))).toBe(true);
  await frames.getByLabel('Filter by performative').selectOption('');

  // Filtered to one node: the second connection only.
  await selectNode(page, 'c2');
  await frames.getByLabel('Selected node only').check();
  const svg = await download(page, () => frames.getByRole('button', { name: 'Export SVG' }).click());
  expect(svg.name).toBe('request-reply-sequence.svg');
  const svgText = svg.bytes.toString('utf8');
  expect(svgText.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
  expect(svgText).toContain('c2 (page)');
  expect(svgText).not.toContain('c1 (page)');
  expect(svgText.match(/<g class="frame"/g)!.length).toBeGreaterThan(5);

  // The canvas as SVG, with the checks' verdicts, and as PNG.
  await page.getByRole('button', { name: 'Export image' }).click();
  const canvasSvg = await download(page, () => page.getByRole('menuitem', { name: /^SVG/ }).click());
  expect(canvasSvg.name).toBe('request-reply.svg');
  const canvasText = canvasSvg.bytes.toString('utf8');
  expect(canvasText.match(/<g class="node"/g)).toHaveLength(8);
  expect(canvasText).toContain('data-node-id="rx2" data-kind="receiver"');
  expect(canvasText).toContain('>✓</text>');
  await page.getByRole('button', { name: 'Export image' }).click();
  const png = await download(page, () => page.getByRole('menuitem', { name: /^PNG/ }).click());
  expect(png.name).toBe('request-reply.png');
  expect(png.bytes.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
  // twice the SVG's size: width and height sit in the IHDR chunk
  const svgWidth = Number(/width="(\d+)"/.exec(canvasText)![1]);
  expect(png.bytes.readUInt32BE(16)).toBe(svgWidth * 2);

  await page.setContent(`<img src="data:image/png;base64,${png.bytes.toString('base64')}" style="max-width:100%">`);
  await page.screenshot({ path: '/tmp/eco-canvas-png.png' });
  await page.setContent(svgText);
  await page.screenshot({ path: '/tmp/eco-sequence-svg.png' });
});
