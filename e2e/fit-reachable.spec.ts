// A fitted view the user can act in: once a run has opened its links and its cards have grown their
// lines, every control on a card (Add credit, Drain, a delivery's Open message, Accept…) is what a
// press at its centre reaches, not the mini map, not a run panel below the canvas; and no card lies
// under the mini map after the first fit or after Fit View. At the editor's default 1440×900 and at
// 1280×720 (where the canvas is too short for a mini map).
import type { Page } from '@playwright/test';
import { graphOf } from '../src/graph/fixtures/factory.ts';
import type { Graph } from '../src/graph/types.ts';
import { test, expect } from './fixtures.ts';
import { canvasOf, importFlow, nodeById, templateOnOwnQueue } from './editorSteps.ts';
import { saveScreenshot } from './screenshots.ts';

const VIEWPORTS = [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
];

/** Closes the notices (an import's "Imported …" lies over the canvas's corner until dismissed), as a user would. */
async function dismissNotices(page: Page) {
  const dismiss = page.getByRole('button', { name: 'Dismiss' });
  while ((await dismiss.count()) > 0) await dismiss.first().click();
}

/**
 * Each control a card shows that a press at its centre does not reach, with what it reaches instead.
 * A control the card itself hides (in a closed details, scrolled out of the card's list) is not shown, so not counted.
 */
async function unreachableControls(page: Page): Promise<string[]> {
  return canvasOf(page).evaluate((canvas) => {
    const missed: string[] = [];
    for (const control of canvas.querySelectorAll<HTMLElement>('[data-node-id] :is(button, input, select, textarea, summary)')) {
      if (!control.checkVisibility()) continue;
      let { left, top, right, bottom } = control.getBoundingClientRect();
      for (let p = control.parentElement; p && !p.hasAttribute('data-node-id'); p = p.parentElement) {
        const style = getComputedStyle(p);
        if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
        const clip = p.getBoundingClientRect();
        [left, top, right, bottom] = [Math.max(left, clip.left), Math.max(top, clip.top), Math.min(right, clip.right), Math.min(bottom, clip.bottom)];
      }
      if (right - left < 1 || bottom - top < 1) continue;
      const hit = document.elementFromPoint((left + right) / 2, (top + bottom) / 2);
      if (hit && (hit === control || control.contains(hit))) continue;
      const name = control.getAttribute('aria-label') ?? control.textContent?.trim();
      const card = control.closest('[data-node-id]')?.getAttribute('data-node-id');
      const over = hit ? `${hit.tagName.toLowerCase()}.${[...hit.classList].join('.')}` : 'nothing (off screen)';
      missed.push(`${card} "${name}" at ${Math.round((left + right) / 2)},${Math.round((top + bottom) / 2)} reaches ${over}`);
    }
    return missed;
  });
}

/** The cards whose boxes reach under the mini map (none when no mini map is shown). */
async function cardsUnderMiniMap(page: Page): Promise<string[]> {
  return canvasOf(page).evaluate((canvas) => {
    const map = canvas.querySelector('.react-flow__minimap')?.getBoundingClientRect();
    if (!map) return [];
    return [...canvas.querySelectorAll('[data-node-id]')]
      .filter((card) => {
        const b = card.getBoundingClientRect();
        return b.left < map.right && map.left < b.right && b.top < map.bottom && map.top < b.bottom;
      })
      .map((card) => card.getAttribute('data-node-id')!);
  });
}

async function expectAllReachable(page: Page) {
  await dismissNotices(page);
  // The view pans to the controls a frame after the cards grow: wait for that state.
  await expect.poll(() => unreachableControls(page)).toEqual([]);
}

async function fitView(page: Page) {
  await canvasOf(page).locator('.react-flow__controls-fitview').click();
}

async function stop(page: Page) {
  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
}

/** Imports a flow, checks the first fit keeps cards off the mini map, and presses Run. */
async function openAndRun(page: Page, graph: Graph) {
  await importFlow(page, graph);
  await dismissNotices(page);
  expect(await cardsUnderMiniMap(page)).toEqual([]);
  await page.getByRole('button', { name: 'Run' }).click();
}

/** Once the run has grown the cards: every control reachable, and again after Fit View with no card under the mini map. */
async function expectReachableNowAndAfterFit(page: Page, shot: string) {
  await expectAllReachable(page);
  await saveScreenshot(page, `${shot}.png`);
  await fitView(page);
  await expect.poll(() => cardsUnderMiniMap(page)).toEqual([]);
  await expectAllReachable(page);
}

for (const size of VIEWPORTS) {
  test.describe(`at ${size.width}×${size.height}`, () => {
    test.use({ viewport: size });

    test('Credit starvation: the manual-credit receiver\'s Add credit, Drain and amount are in reach once the run waits for credit', async ({ page }) => {
      const queue = `fit-credit-${size.width}-${Date.now()}`;
      await page.goto('/');
      await openAndRun(page, templateOnOwnQueue('credit-starvation', queue));
      const receiver = nodeById(page, 'rx1');
      await expect(receiver).toContainText('3 received');
      await expect(receiver).toContainText('credit 0');
      await expect(receiver).toContainText(`7 in queue ${queue}`);
      await expectReachableNowAndAfterFit(page, `fit-credit-${size.width}`);

      // and a press there does what it says
      await receiver.getByRole('button', { name: 'Add credit' }).click();
      await expect(receiver).toContainText('4 received');
      await stop(page);
    });

    test('Accept and reject by hand: each delivery\'s buttons the card shows are in reach', async ({ page }) => {
      await page.goto('/');
      await openAndRun(page, templateOnOwnQueue('settle-by-hand', `fit-by-hand-${size.width}-${Date.now()}`));
      const deliveries = nodeById(page, 'rx1').getByRole('list', { name: 'Unsettled deliveries' }).getByRole('listitem');
      await expect(deliveries).toHaveCount(4);
      await expect(nodeById(page, 'tx1')).toContainText('4 sent');
      await expectReachableNowAndAfterFit(page, `fit-by-hand-${size.width}`);

      await deliveries.first().getByRole('button', { name: 'Accept' }).click();
      await expect(deliveries).toHaveCount(3);
      await stop(page);
    });

    test('a three-card connection → session → receiver flow: the receiver\'s deliveries open and settle from its card', async ({ page }) => {
      const queue = `fit-three-${size.width}-${Date.now()}`;
      await page.goto('/');
      // Fill the queue with a sender flow first, then open the three cards on it.
      const fill = graphOf('fill', [['c1', 'connection'], ['s1', 'session'], ['tx1', 'sender', { address: queue }], ['t1', 'transfer', { body: 'waiting', count: 2 }]], [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1']]);
      await importFlow(page, fill);
      await page.getByRole('button', { name: 'Run' }).click();
      await expect(nodeById(page, 't1')).toContainText('2 accepted');
      await stop(page);

      await openAndRun(page, graphOf('three cards', [['c1', 'connection'], ['s1', 'session'], ['rx1', 'receiver', { address: queue, autoAccept: false }]], [['c1', 's1'], ['s1', 'rx1']]));
      const deliveries = nodeById(page, 'rx1').getByRole('list', { name: 'Unsettled deliveries' }).getByRole('listitem');
      await expect(deliveries).toHaveCount(2);
      await expectReachableNowAndAfterFit(page, `fit-three-${size.width}`);

      await deliveries.first().getByRole('button', { name: /^Open message #\d+ of rx1$/ }).click();
      await expect(page.getByRole('dialog', { name: /received by rx1$/ })).toBeVisible();
      await page.keyboard.press('Escape');
      await deliveries.first().getByRole('button', { name: 'Accept' }).click();
      await expect(deliveries).toHaveCount(1);
      await stop(page);
    });
  });
}
