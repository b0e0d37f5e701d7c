// Live views of a run that need a flow of their own: edges animating by rate (and in Slow motion),
// and a receiver that settles each delivery by hand.
import type { Page } from '@playwright/test';
import { graphOf } from '../src/graph/fixtures/factory.ts';
import type { Graph, PropsByKind } from '../src/graph/types.ts';
import { test, expect } from './fixtures.ts';
import { nodeById } from './editorSteps.ts';

/** c1 → s1 → sender tx1 → transfer t1, and receiver rx1 on the same queue. */
function makeGraph(name: string, transfer: PropsByKind['transfer'], receiver: PropsByKind['receiver']): Graph {
  const q = `${name}-${Date.now().toString(36)}-q`; // a queue of its own: the e2e broker is shared by every journey
  return graphOf(
    name,
    [['c1', 'connection'], ['s1', 'session'], ['tx1', 'sender', { address: q }], ['t1', 'transfer', transfer], ['rx1', 'receiver', { address: q, ...receiver }]],
    [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1']],
  );
}

async function importGraph(page: Page, graph: Graph) {
  await page.goto('/');
  await page.locator('input[type="file"]').setInputFiles({
    name: `${graph.name}.amqpflow.json`, mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)),
  });
  await expect(page.locator('[data-node-id="t1"]')).toBeVisible();
}

test('edges animate by message rate while transfers flow, and Slow motion shows each one moving', async ({ page }) => {
  await importGraph(page, makeGraph('steady', { body: 'tick', count: 400, intervalMs: 20 }, {}));
  await page.getByRole('button', { name: 'Run' }).click();

  const edgeIntoTransfer = page.locator('.react-flow__edge[data-id="e3"]');
  await expect(edgeIntoTransfer.locator('.flow-edge__pulse')).toBeVisible();
  await expect(page.locator('.flow-edge__rate').first()).toHaveText(/^\d+(\.\d)?\/s$/);
  // The rate is measured over a sliding window, so the first reading after the pulse appears can
  // be low: wait for it to reach the steady rate (a transfer every 20 ms ≈ 50/s).
  const rateNow = async () => Number(await edgeIntoTransfer.locator('.flow-edge__pulse').getAttribute('data-rate'));
  await expect.poll(rateNow, { timeout: 10_000 }).toBeGreaterThan(5);
  expect(await rateNow()).toBeLessThan(200);
  // Aggregate: one pulse per edge, however many messages pass.
  await expect(edgeIntoTransfer.locator('.flow-edge__pulse')).toHaveCount(1);

  await page.getByRole('region', { name: 'Credit' }).getByRole('switch', { name: 'Slow motion' }).check();
  await expect(edgeIntoTransfer.locator('.flow-edge__dot').first()).toBeAttached();
  await expect(edgeIntoTransfer.locator('.flow-edge__pulse')).toHaveCount(0);

  await page.getByRole('button', { name: 'Stop' }).click();
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
  await expect(nodeById(page, 't1')).toContainText('unsent');
});

test('a receiver that does not auto-accept lists its deliveries until each is accepted, rejected or released', async ({ page }) => {
  await importGraph(page, makeGraph('by-hand', { body: 'please settle me', count: 3 }, { autoAccept: false }));
  await page.getByRole('button', { name: 'Run' }).click();
  const receiver = nodeById(page, 'rx1');
  const deliveries = receiver.getByRole('list', { name: 'Unsettled deliveries' }).getByRole('listitem');
  await expect(deliveries).toHaveCount(3);
  await expect(deliveries.first()).toContainText('please settle me');

  // The card is still growing its lines as the deliveries arrive; a press that lands while a line moves
  // the button hits nothing (the list keeps its count), so press again, as a user would.
  const settleFirst = async (button: 'Accept' | 'Reject', left: number) =>
    expect(async () => {
      if ((await deliveries.count()) > left) await deliveries.nth(0).getByRole('button', { name: button }).click();
      await expect(deliveries).toHaveCount(left, { timeout: 2000 });
    }).toPass();
  await settleFirst('Accept', 2);
  await settleFirst('Reject', 1);
  await expect(receiver).toContainText('2 settled');

  const log = page.getByRole('region', { name: 'Event log' });
  await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('MESSAGE_SETTLED');
  await expect(log.locator('[data-event="MESSAGE_SETTLED"]')).toHaveCount(2);
  await expect(log.locator('[data-event="MESSAGE_SETTLED"]').first()).toContainText('outcome=accepted');
  await expect(log.locator('[data-event="MESSAGE_SETTLED"]').nth(1)).toContainText('outcome=rejected');

  // A released message goes back to the queue and comes to this receiver again.
  await deliveries.nth(0).getByRole('button', { name: 'Release' }).click();
  await expect(receiver).toContainText('4 received');
  await expect(deliveries).toHaveCount(1);
  await page.getByRole('button', { name: 'Stop' }).click();
});

test('a connection that cannot reach its broker shows the error with a hint and the run ends by itself', async ({ page }) => {
  // A port that was free a moment ago and has nothing listening on it now.
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', () => ok()));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((ok) => probe.close(() => ok()));

  const graph = makeGraph('unreachable', { body: 'never sent' }, {});
  graph.nodes[0] = { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: { url: `ws://127.0.0.1:${port}/` } };
  await importGraph(page, graph);
  await page.getByRole('button', { name: 'Run' }).click();

  const connection = nodeById(page, 'c1');
  await expect(connection).toHaveAttribute('data-state', 'error');
  const note = connection.getByRole('note');
  // The condition in bold, the words beside it, and a hint below saying what to do.
  await expect(note.locator('strong')).toHaveText(/^[\w-]+:[\w:-]+$/);
  await expect(note.locator('div')).toHaveText(/\w+.*\./);
  await expect(page.getByRole('status', { name: 'Run status' })).toHaveText('Idle');
  await expect(page.getByRole('button', { name: 'Run' })).toBeEnabled();

  const log = page.getByRole('region', { name: 'Event log' });
  await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('CONNECTION_ERROR');
  await expect(log.locator('[data-event="CONNECTION_ERROR"]')).toHaveCount(1);
  await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('TRANSFER_SETTLED');
  await expect(log.locator('[data-event="TRANSFER_SETTLED"]')).toContainText(/outcome=(unsent|lost)/);
});
