// Steps on the app's page shared by the browser benchmarks: import a flow through the real file
// input, press Run and Stop with the toolbar's buttons.
import type { Page } from 'playwright-core';
import type { Graph } from '../../src/graph/types.ts';

/** Imports a flow through `<input type=file>` and waits until all its nodes are on the canvas. */
export async function importGraph(page: Page, graph: Graph) {
  await page.locator('input[type="file"]').setInputFiles({ name: 'bench.amqpflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
  await page.waitForFunction((n) => document.querySelectorAll('[aria-label="Canvas"] [data-node-id]').length === n, graph.nodes.length, { timeout: 60_000 });
}

export async function waitIdle(page: Page) {
  await page.waitForFunction(() => document.querySelector('[aria-label="Run status"]')?.textContent === 'Idle', null, { timeout: 60_000 });
}

export async function stopRun(page: Page) {
  await page.getByRole('button', { name: 'Stop', exact: true }).click();
  await waitIdle(page);
}

/**
 * Presses Run in the page and resolves, in the page's own clock, with the ms from the click until each
 * watched node has an element whose whole text is the given one (`{ tx1: '5000 accepted' }`), or,
 * for `state=<state>`, has that `data-state` (`{ c1: 'state=open' }`); checked on every DOM change.
 */
export async function timeRun(page: Page, watch: Record<string, string>, timeoutMs = 120_000): Promise<number> {
  return page.evaluate(({ watch, timeoutMs }) => new Promise<number>((resolve, reject) => {
    const run = [...document.querySelectorAll<HTMLButtonElement>('button')].find((b) => b.textContent?.trim() === 'Run');
    if (!run || run.disabled) return reject(new Error('the Run button is missing or disabled'));
    const canvas = document.querySelector('[aria-label="Canvas"]')!;
    const patterns = Object.entries(watch);
    let t0 = 0;
    const holds = () => patterns.every(([id, text]) => {
      const node = canvas.querySelector(`[data-node-id="${id}"]`);
      if (!node) return false;
      if (text.startsWith('state=')) return node.getAttribute('data-state') === text.slice(6);
      return [...node.querySelectorAll('span, div')].some((el) => el.textContent?.trim() === text);
    });
    const observer = new MutationObserver(() => {
      if (!holds()) return;
      const ms = performance.now() - t0;
      observer.disconnect();
      clearTimeout(timer);
      resolve(ms);
    });
    const timer = setTimeout(() => {
      observer.disconnect();
      reject(new Error(`not done after ${timeoutMs} ms: ${patterns.map(([id]) => `${id}: ${canvas.querySelector(`[data-node-id="${id}"]`)?.textContent}`).join('; ')}`));
    }, timeoutMs);
    observer.observe(canvas, { subtree: true, childList: true, characterData: true, attributes: true, attributeFilter: ['data-state'] });
    t0 = performance.now();
    run.click();
  }), { watch, timeoutMs });
}
