// A large flow draws compact cards (kind, id, state, one line) and plain edges, with full cards where
// the user looks: under the pointer and on the selected node. A small flow zoomed out below a readable
// scale does the same, and compact cards still show a run's state, keep their handles and have a name.
import type { Page } from '@playwright/test';
import { startServer } from '../broker/server.ts';
import { makeGraph } from '../src/graph/fixtures/factory.ts';
import { COMPACT_BELOW_ZOOM, compactCardSize } from '../src/canvas/detail/cardDetail.ts';
import type { NodeKind } from '../src/graph/types.ts';
import { test, expect } from './fixtures.ts';
import { canvasOf, edgesOf, importThroughInput, loadTemplate, nodeById, nodesOf } from './editorSteps.ts';
import { saveScreenshot } from './screenshots.ts';

const compactCards = (page: Page) => canvasOf(page).locator('[data-node-id][data-detail="compact"]');
const fullCards = (page: Page) => canvasOf(page).locator('[data-node-id]:not([data-detail="compact"])');

const edgeBetween = (page: Page, source: string, target: string) => canvasOf(page).locator(`.react-flow__edge[aria-label="Edge from ${source} to ${target}"]`);

/** The canvas's zoom, from the viewport's transform. */
const zoomOf = (page: Page) =>
  page.locator('.react-flow__viewport').evaluate((el) => new DOMMatrixReadOnly(getComputedStyle(el).transform).a);

async function pointAtHeader(page: Page, id: string) {
  const box = (await nodeById(page, id).locator('.node__header').boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

/** Away from the canvas: over the toolbar. */
async function pointAway(page: Page) {
  const box = (await page.getByRole('button', { name: 'Templates' }).boundingBox())!;
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
}

test('a 322-node flow draws compact cards, with a full card under the pointer and on the selection', async ({ page }) => {
  const graph = makeGraph({ senders: 150, receivers: 20 });
  expect(graph.nodes.length).toBe(322);
  await page.goto('/');
  await importThroughInput(page, JSON.stringify(graph), 'large.amqpflow.json');
  await expect(nodesOf(page)).toHaveCount(322);
  await pointAway(page);
  await expect(compactCards(page)).toHaveCount(322);
  // Only the edges that can be on screen are drawn: the session's to every sender cross the view, the
  // last sender's to its transfer lies far below it.
  await expect(edgeBetween(page, 's1', 'tx3')).toHaveCount(1);
  await expect(edgeBetween(page, 's1', 'tx150')).toHaveCount(1);
  await expect(edgeBetween(page, 'tx3', 't3')).toHaveCount(1);
  await expect(edgeBetween(page, 'tx150', 't150')).toHaveCount(0);
  const drawn = await edgesOf(page).count();
  expect(drawn).toBeLessThan(graph.edges.length);
  // Plain edges: one straight path each, no pulse or label machinery.
  await expect(canvasOf(page).locator('.react-flow__edge path[d*="L"]')).toHaveCount(drawn);

  // Every compact card keeps its handles and is drawn at the size the canvas assumed before measuring.
  const sizes = await compactCards(page).evaluateAll((cards) =>
    cards.map((c) => ({
      kind: c.getAttribute('data-kind'),
      width: (c.parentElement as HTMLElement).offsetWidth,
      height: (c.parentElement as HTMLElement).offsetHeight,
      handles: c.querySelectorAll('.react-flow__handle').length,
    })),
  );
  for (const s of sizes) {
    expect({ width: s.width, height: s.height }, s.kind!).toEqual(compactCardSize(s.kind as NodeKind));
    expect(s.handles, s.kind!).toBe(s.kind === 'session' || s.kind === 'sender' ? 2 : 1);
  }
  await expect(page.getByRole('group', { name: 'Sender tx3, idle' })).toBeVisible();
  await expect(nodeById(page, 'tx3')).toContainText('credit 0');

  // Under the pointer: the full card with its rows; the rest stay compact.
  await pointAtHeader(page, 'tx3');
  await expect(nodeById(page, 'tx3')).not.toHaveAttribute('data-detail', 'compact');
  await expect(nodeById(page, 'tx3').locator('.node__body')).toContainText('settle');
  expect(await fullCards(page).count()).toBeLessThan(6);
  await saveScreenshot(page, 'canvas-lod-pointer.png');
  await pointAway(page);
  await expect(nodeById(page, 'tx3')).toHaveAttribute('data-detail', 'compact');

  // Zoomed out further: still compact, and the card under the pointer is full.
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await pointAway(page);
  await expect(compactCards(page)).toHaveCount(322);
  await expect(edgeBetween(page, 'tx150', 't150')).toHaveCount(0);
  await pointAtHeader(page, 's1');
  await expect(nodeById(page, 's1')).not.toHaveAttribute('data-detail', 'compact');
  await expect(nodeById(page, 's1')).toContainText('incoming window');

  // A click selects: the Inspector shows it and its card stays full once the pointer has gone.
  await nodeById(page, 's1').locator('.node__header').click();
  await pointAway(page);
  await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('Incoming window')).toBeVisible();
  await expect(nodeById(page, 's1')).not.toHaveAttribute('data-detail', 'compact');
  await expect(compactCards(page)).toHaveCount(321);
});

test('a template zoomed out below a readable scale draws compact cards that still show the run', async ({ page }) => {
  // Its own page and broker on a free port, so the template's queue is its own.
  const server = await startServer({ host: '127.0.0.1', port: 0, appDir: 'dist' });
  try {
    await page.goto(server.url);
    await loadTemplate(page, 'Send and receive');
    await expect(nodesOf(page).first()).toBeVisible();
    const count = await nodesOf(page).count();
    // The fitted view is readable: full cards.
    await expect(compactCards(page)).toHaveCount(0);
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(11 / 12 - 0.001);

    // A little smaller than the readable fit still draws full cards; well below it, compact ones.
    await page.getByRole('button', { name: 'Zoom Out' }).click();
    await pointAway(page);
    await expect.poll(() => zoomOf(page)).toBeLessThan(11 / 12 - 0.01);
    expect(await zoomOf(page)).toBeGreaterThanOrEqual(COMPACT_BELOW_ZOOM);
    await expect(compactCards(page)).toHaveCount(0);
    await page.getByRole('button', { name: 'Zoom Out' }).click();
    await page.getByRole('button', { name: 'Zoom Out' }).click();
    await pointAway(page);
    await expect.poll(() => zoomOf(page)).toBeLessThan(COMPACT_BELOW_ZOOM);
    await expect(compactCards(page)).toHaveCount(count);
    const idleColour = await nodeById(page, 'c1').evaluate((el) => getComputedStyle(el).borderLeftColor);

    await page.getByRole('button', { name: 'Run' }).click();
    await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'open');
    await expect(nodeById(page, 'c1')).toHaveAttribute('data-detail', 'compact');
    await expect(page.getByRole('group', { name: 'Connection c1, open' })).toBeVisible();
    // The open state's colour: the card's border takes its state dot's colour.
    const colours = await nodeById(page, 'c1').evaluate((el) => ({
      border: getComputedStyle(el).borderLeftColor,
      dot: getComputedStyle(el.querySelector('.node__dot')!).backgroundColor,
    }));
    expect(colours.border).toBe(colours.dot);
    expect(colours.border).not.toBe(idleColour);
    await saveScreenshot(page, 'canvas-lod-running.png');
    await page.getByRole('button', { name: 'Stop' }).click();
    await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');

    // Zoomed back in to the readable scale: full cards again.
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await page.getByRole('button', { name: 'Zoom In' }).click();
    await expect.poll(() => zoomOf(page)).toBeGreaterThanOrEqual(COMPACT_BELOW_ZOOM);
    await expect(compactCards(page)).toHaveCount(0);
  } finally {
    await server.close();
  }
});
