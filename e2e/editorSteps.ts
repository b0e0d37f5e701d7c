// Shared steps for the editor journeys: read the document through Export, wire by dragging handles.
import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { TEMPLATES } from '../src/graph/templates.ts';
import type { Graph } from '../src/graph/types.ts';
import { expect } from './fixtures.ts';

export const canvasOf = (page: Page): Locator => page.getByRole('region', { name: 'Canvas' });
export const nodesOf = (page: Page): Locator => canvasOf(page).locator('[data-node-id]');
export const edgesOf = (page: Page): Locator => canvasOf(page).locator('.react-flow__edge');
export const nodeById = (page: Page, id: string): Locator => canvasOf(page).locator(`[data-node-id="${id}"]`);

/** Downloads the document with the toolbar's Export and returns the file's name and text. */
export async function exportText(page: Page): Promise<{ name: string; text: string }> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export', exact: true }).click();
  const file = await download;
  const path = await file.path();
  return { name: file.suggestedFilename(), text: await readFile(path, 'utf8') };
}

export async function exportGraph(page: Page): Promise<Graph> {
  return JSON.parse((await exportText(page)).text) as Graph;
}

/**
 * Picks a template from the menu and waits until the toolbar names it: a template's flow loads when
 * picked, and steps other than Run (which waits for it: run-while-loading.spec.ts) need it in.
 */
export async function loadTemplate(page: Page, name: string) {
  await pickTemplate(page, name);
  await expect(page.locator('.toolbar__doc')).toHaveText(name);
}

/** Picks a template from the menu; its flow may still be loading when this returns. */
export async function pickTemplate(page: Page, name: string) {
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
}

/** Imports text through the real file input, as the file chooser would. */
export async function importThroughInput(page: Page, text: string, name = 'flow.amqpflow.json') {
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
}

/** Drags from one node's source handle to another node's target handle with the mouse. */
export async function dragWire(page: Page, fromId: string, toId: string) {
  const from = nodeById(page, fromId).locator('.react-flow__handle.source');
  const to = nodeById(page, toId).locator('.react-flow__handle.target');
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + a.height / 2);
  await page.mouse.down();
  await page.mouse.move((a.x + b.x) / 2, (a.y + b.y) / 2 + 20, { steps: 8 });
  await page.mouse.move(b.x + b.width / 2, b.y + b.height / 2, { steps: 8 });
  await page.mouse.up();
}

/** Drags a node by its header by (dx, dy) screen pixels. */
export async function dragNode(page: Page, id: string, dx: number, dy: number) {
  const header = nodeById(page, id).locator('.node__header');
  const box = (await header.boundingBox())!;
  const x = box.x + box.width / 2;
  const y = box.y + box.height / 2;
  await page.mouse.move(x, y);
  await page.mouse.down();
  await page.mouse.move(x + dx / 2, y + dy / 2, { steps: 10 });
  await page.mouse.move(x + dx, y + dy, { steps: 10 });
  await page.mouse.up();
}

/** Drops a palette item onto the canvas at a point relative to the canvas's top-left corner. */
/**
 * Drags a kind from the palette onto the canvas and waits for its card. On a loaded machine the
 * browser's first drag of a page can end without a drop (no card appears); a user drags again, and so
 * does this step, but only while the card count has not moved, so a late drop never makes two cards.
 */
export async function dragFromPalette(page: Page, kind: string, x: number, y: number) {
  const before = await nodesOf(page).count();
  await expect(async () => {
    if ((await nodesOf(page).count()) === before) {
      await page.getByRole('button', { name: kind, exact: true }).dragTo(canvasOf(page).locator('.react-flow__pane'), { targetPosition: { x, y } });
    }
    await expect(nodesOf(page)).toHaveCount(before + 1, { timeout: 3000 });
  }).toPass();
}

export async function selectNode(page: Page, id: string, modifiers: ('Shift' | 'Control')[] = []) {
  await nodeById(page, id).locator('.node__header').click({ modifiers });
}

export async function expectEmptyCanvas(page: Page) {
  await expect(nodesOf(page)).toHaveCount(0);
}

/** Leaves any field and clears the selection, as Escape on the canvas does. */
export async function deselect(page: Page) {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press('Escape');
}

/** A template with its links' addresses made unique, so runs never share a queue with another journey's. */
export function templateOnOwnQueue(id: string, address: string): Graph {
  const g = TEMPLATES.find((t) => t.id === id)!.graph();
  for (const n of g.nodes) if ((n.kind === 'sender' || n.kind === 'receiver') && 'address' in n.props) n.props = { ...n.props, address };
  return g;
}

/**
 * Imports a flow and waits until the canvas shows every one of its nodes, as a user sees the flow before
 * acting on it (the import reads the file and loads its parser first; Run alone waits for it).
 */
export async function importFlow(page: Page, graph: Graph, name?: string) {
  await importThroughInput(page, JSON.stringify(graph), name);
  for (const n of graph.nodes) await expect(nodeById(page, n.id)).toBeVisible();
}

/**
 * Pans the canvas, by dragging an empty part of it as a user would, until the whole card is in view: a
 * tall flow fitted at a readable zoom can leave its lowest card's controls under the run panels, and
 * a press there would land on the panels (or race the browser scrolling the canvas to reach it).
 */
export async function panCardIntoView(page: Page, id: string) {
  const canvas = (await canvasOf(page).locator('.react-flow').boundingBox())!;
  const card = (await nodeById(page, id).boundingBox())!;
  const margin = 16;
  const below = card.y + card.height - (canvas.y + canvas.height - margin);
  if (below <= 0) return;
  const delta = Math.min(below, card.y - canvas.y - margin);
  if (delta <= 0) return;
  // a point of the bare pane low enough that the drag stays inside the canvas
  const start = await page.evaluate(
    ({ left, top, right, bottom }) => {
      for (let y = bottom; y > top; y -= 12) {
        for (let x = left; x < right; x += 12) {
          if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
        }
      }
      return null;
    },
    { left: canvas.x + 60, top: canvas.y + delta + 10, right: canvas.x + canvas.width - 10, bottom: canvas.y + canvas.height - 10 },
  );
  if (!start) throw new Error(`no bare canvas to drag for bringing ${id} into view`);
  await page.mouse.move(start.x, start.y);
  await page.mouse.down();
  await page.mouse.move(start.x, start.y - delta / 2, { steps: 4 });
  await page.mouse.move(start.x, start.y - delta, { steps: 4 });
  await page.mouse.up();
  await expect
    .poll(async () => {
      const b = (await nodeById(page, id).boundingBox())!;
      return b.y + b.height <= canvas.y + canvas.height - margin / 2 || b.y <= canvas.y + margin;
    })
    .toBe(true);
}
