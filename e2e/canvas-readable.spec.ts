// A canvas that reads from the back of the room: every template from the Templates menu, run until its
// cards show their live details, at 1280×720 and 1920×1080, in the editor and in presenter mode. No two
// cards overlap, card text is at least 11 px on screen, and rate labels stay off handles and cards.
import type { Page } from '@playwright/test';
import { startServer } from '../broker/server.ts';
import { test, expect } from './fixtures.ts';
import { canvasOf, nodesOf } from './editorSteps.ts';
import { saveScreenshot } from './screenshots.ts';

const READABLE_PX = 11;
const VIEWPORTS = [
  { width: 1280, height: 720 },
  { width: 1920, height: 1080 },
];

interface Box {
  x: number;
  y: number;
  width: number;
  height: number;
}

const intersects = (a: Box, b: Box) => a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;

async function templateNames(page: Page): Promise<string[]> {
  await page.getByRole('button', { name: 'Templates' }).click();
  const names = await page.getByRole('menuitem').evaluateAll((items) => items.map((i) => i.getAttribute('aria-label') ?? ''));
  await page.keyboard.press('Escape');
  return names;
}

async function loadTemplate(page: Page, name: string) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name, exact: true }).click();
}

/** Every card's box on screen, by node id. */
async function cardBoxes(page: Page): Promise<[string, Box][]> {
  const out: [string, Box][] = [];
  for (const card of await nodesOf(page).all()) {
    const box = await card.boundingBox();
    if (box) out.push([(await card.getAttribute('data-node-id'))!, box]);
  }
  return out;
}

/** Card text smaller than READABLE_PX on screen: its computed font size times the viewport's zoom. */
async function smallText(page: Page): Promise<string[]> {
  return canvasOf(page).evaluate((canvas, min) => {
    const viewport = canvas.querySelector<HTMLElement>('.react-flow__viewport')!;
    const zoom = new DOMMatrixReadOnly(getComputedStyle(viewport).transform).a;
    const small: string[] = [];
    for (const el of canvas.querySelectorAll<HTMLElement>('[data-node-id] *')) {
      const text = [...el.childNodes].filter((c) => c.nodeType === Node.TEXT_NODE).map((c) => c.textContent ?? '').join('').trim();
      if (!text || el.getClientRects().length === 0) continue;
      const onScreen = parseFloat(getComputedStyle(el).fontSize) * zoom;
      if (onScreen < min) small.push(`"${text}" at ${onScreen.toFixed(1)} px`);
    }
    return small;
  }, READABLE_PX);
}

/** Rate labels lying on a handle or a card; and how many labels there were. */
async function labelOverlaps(page: Page): Promise<{ labels: number; overlaps: string[] }> {
  return canvasOf(page).evaluate(() => {
    const boxOf = (el: Element) => el.getBoundingClientRect();
    const hit = (a: DOMRect, b: DOMRect) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const labels = [...document.querySelectorAll('.flow-edge__rate')];
    const handles = [...document.querySelectorAll('[data-node-id] .react-flow__handle')];
    const cards = [...document.querySelectorAll('[data-node-id]')];
    const overlaps: string[] = [];
    for (const label of labels) {
      const box = boxOf(label);
      for (const h of handles) if (hit(box, boxOf(h))) overlaps.push(`"${label.textContent}" on a handle of ${h.closest('[data-node-id]')?.getAttribute('data-node-id')}`);
      for (const c of cards) if (hit(box, boxOf(c))) overlaps.push(`"${label.textContent}" on card ${c.getAttribute('data-node-id')}`);
    }
    return { labels: labels.length, overlaps };
  });
}

/** Runs the loaded flow until every card shows its live details, checking rate labels all along. */
async function runUntilLive(page: Page): Promise<number> {
  await page.getByRole('button', { name: 'Run' }).click();
  let labelsSeen = 0;
  const labelProblems: string[] = [];
  await expect
    .poll(async () => {
      const { labels, overlaps } = await labelOverlaps(page);
      labelsSeen += labels;
      labelProblems.push(...overlaps);
      const cards = await nodesOf(page).evaluateAll((els) =>
        els.map((el) => ({ state: el.getAttribute('data-state'), kind: el.getAttribute('data-kind'), text: el.textContent ?? '' })),
      );
      return cards.every((c) => (c.state === 'open' || c.state === 'closed') && (c.kind !== 'transfer' || /\d+ sent/.test(c.text)));
    }, { timeout: 20_000 })
    .toBe(true);
  // Cards settle into their live size (outcome chips, counts): wait until two looks agree.
  let last = '';
  await expect
    .poll(async () => {
      const { labels, overlaps } = await labelOverlaps(page);
      labelsSeen += labels;
      labelProblems.push(...overlaps);
      const now = JSON.stringify(await cardBoxes(page));
      const same = now === last;
      last = now;
      return same;
    }, { intervals: [250], timeout: 20_000 })
    .toBe(true);
  expect(labelProblems).toEqual([]);
  return labelsSeen;
}

async function expectReadable(page: Page, where: string) {
  const boxes = await cardBoxes(page);
  expect(boxes.length, where).toBeGreaterThan(0);
  const overlapping: string[] = [];
  for (let i = 0; i < boxes.length; i += 1) {
    for (let j = i + 1; j < boxes.length; j += 1) if (intersects(boxes[i]![1], boxes[j]![1])) overlapping.push(`${boxes[i]![0]} and ${boxes[j]![0]}`);
  }
  expect(overlapping, `${where}: cards overlapping`).toEqual([]);
  expect(await smallText(page), `${where}: card text under ${READABLE_PX} px`).toEqual([]);
  const { overlaps } = await labelOverlaps(page);
  expect(overlaps, `${where}: rate labels on handles or cards`).toEqual([]);
  expect(await clippedText(page), `${where}: card text clipped instead of shortened at a word`).toEqual([]);
}

/** Card lines whose text overflows its box (so the box would cut it mid-word), or that were shortened without the whole text in their tooltip. */
async function clippedText(page: Page): Promise<string[]> {
  return canvasOf(page).evaluate((canvas) => {
    const bad: string[] = [];
    for (const el of canvas.querySelectorAll<HTMLElement>('[data-node-id] .fit-text')) {
      const shown = el.textContent ?? '';
      if (el.scrollWidth > el.clientWidth + 1) bad.push(`"${shown}" overflows its ${el.clientWidth} px`);
      if (shown.endsWith('…') && !(el.title ?? '').startsWith(shown.slice(0, -1).trimEnd())) bad.push(`"${shown}" shortened but titled "${el.title}"`);
    }
    return bad;
  });
}

async function stop(page: Page) {
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
}

for (const viewport of VIEWPORTS) {
  for (const presenting of [false, true]) {
    const mode = presenting ? 'presenter mode' : 'the editor';
    test(`every template stays apart and readable while running at ${viewport.width}×${viewport.height} in ${mode}`, async ({ page }) => {
      test.setTimeout(240_000);
      // Its own page and broker on a free port: the templates' queues (credit starvation leaves 7
      // messages behind) must not reach other journeys.
      const server = await startServer({ host: '127.0.0.1', port: 0, appDir: 'dist' });
      try {
        await runEveryTemplate(page, server.url, viewport, presenting);
      } finally {
        await server.close();
      }
    });
  }
}

async function runEveryTemplate(page: Page, url: string, viewport: { width: number; height: number }, presenting: boolean) {
  const mode = presenting ? 'presenter mode' : 'the editor';
  await page.setViewportSize(viewport);
  await page.goto(url);
  const names = await templateNames(page);
  expect(names.length).toBeGreaterThan(0);
  if (presenting) {
    await page.getByRole('button', { name: 'Present' }).click();
    await expect(page.getByRole('button', { name: 'Present' })).toHaveAttribute('aria-pressed', 'true');
  }
  let labelsSeen = 0;
  for (const name of names) {
    await test.step(name, async () => {
      await loadTemplate(page, name);
      await expect(nodesOf(page).first()).toBeVisible();
      labelsSeen += await runUntilLive(page);
      await expectReadable(page, `${name} at ${viewport.width}×${viewport.height} in ${mode}`);
      if (presenting && viewport.width === 1280 && name === 'Request / reply') await saveScreenshot(page, 'presenter-1280x720.png');
      await stop(page);
    });
  }
  // Some template moves enough messages to show rate labels, so their placement was checked above.
  expect(labelsSeen).toBeGreaterThan(0);
}
