// The frame list's windowing against the embedded broker: a frame explained from the sequence diagram is
// scrolled into view when the list comes back, though the list comes back at its tail.
import { makeGraph } from '../src/graph/fixtures/factory.ts';
import { expect, test } from './fixtures.ts';

/** One sender sending `count` messages to a receiver on the same queue. */
function manyTransfersGraph(queue: string, count: number) {
  const graph = makeGraph({ receivers: 1, address: queue });
  const transfer = graph.nodes.find((n) => n.id === 't1')!;
  transfer.props = { body: 'hello', count };
  return graph;
}

test('a frame explained in the sequence diagram is scrolled into view when the frame list comes back', async ({ page }) => {
  await page.goto('/');
  const graph = manyTransfersGraph(`frame-window-${Date.now()}`, 60);
  await page.locator('input[type="file"]').setInputFiles({ name: 'many.amqpflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
  const receiver = page.getByRole('region', { name: 'Canvas' }).locator('[data-node-id="rx1"]');
  await expect(receiver).toBeVisible();
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(receiver).toContainText('60 received', { timeout: 30_000 });

  const frames = page.getByRole('region', { name: 'Frames' });
  await frames.getByRole('checkbox', { name: 'Selected node only' }).uncheck();
  const list = frames.getByRole('list', { name: 'Frame list' });

  await frames.getByRole('radio', { name: 'Sequence diagram' }).check();
  await frames.locator('.sequence__scroll').evaluate((el) => { el.scrollTop = 0; });
  await frames.locator('.sequence__row--out[data-performative="open"]').click();
  await expect(page.getByRole('region', { name: 'Frame explanation' })).toContainText('open');

  // The list comes back at its tail, well over a hundred frames below the connection's open.
  await frames.getByRole('radio', { name: 'List' }).check();
  const explained = list.locator('.frame__row--selected');
  await expect(explained).toHaveAttribute('data-performative', 'open');
  await expect(explained).toBeInViewport();
  await page.getByRole('button', { name: 'Stop' }).click();
});
