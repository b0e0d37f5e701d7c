// The page against real brokers: import a graph whose connection points at RabbitMQ or the Proton
// example broker (each behind websockify), press Run, and watch the nodes open and the transfer settle.
import type { Page } from '@playwright/test';
import type { Graph } from '../src/graph/types.ts';
import { TRAITS, externalBrokerUrl, makeGraph, releaseExternalBrokers, skipInterop, uniqueName, type BrokerName } from '../test/integration/support/brokers.ts';
import { test, expect } from './fixtures.ts';
import { nodeById } from './editorSteps.ts';

test.afterAll(releaseExternalBrokers);

/** Imports a graph the way a person does: Import, then the browser's file chooser. */
async function importGraph(page: Page, graph: Graph) {
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Import' }).click();
  await (await chooser).setFiles({ name: 'interop.amqpflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
  await expect(nodeById(page, 'c1')).toBeVisible();
}

const BROKERS: BrokerName[] = ['embedded', 'rabbitmq', 'proton'];

for (const name of BROKERS) {
  const traits = TRAITS[name];
  test.describe(`against ${traits.label}`, () => {
    test.skip(skipInterop && name !== 'embedded', 'AMQPFLOW_SKIP_INTEROP=1');

    test('an imported graph opens every node, sends "Hello!", and receives it back accepted', async ({ page }) => {
      // An empty URL means the embedded broker the page was served with.
      const url = name === 'embedded' ? undefined : (await externalBrokerUrl(name)).wsUrl;
      const queue = traits.addressFor(uniqueName('browser'));
      const graph = makeGraph(
        `Interop with ${name}`,
        [
          ['c1', 'connection', url ? { url } : {}],
          ['s1', 'session'],
          ['tx1', 'sender', { address: queue }],
          ['t1', 'transfer', { body: 'Hello!' }],
          ['rx1', 'receiver', { address: queue }],
        ],
        [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1']],
      );
      await page.goto('/');
      await importGraph(page, graph);
      await page.getByRole('button', { name: 'Run' }).click();
      for (const id of ['c1', 's1', 'tx1', 'rx1']) await expect(nodeById(page, id)).toHaveAttribute('data-state', 'open');
      await expect(nodeById(page, 'tx1')).toContainText('1 accepted');
      await expect(nodeById(page, 'rx1')).toContainText('1 received');

      const log = page.getByRole('region', { name: 'Event log' });
      await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('CONNECTION_OPEN');
      await expect(log.locator('[data-event="CONNECTION_OPEN"][data-node="c1"]')).toHaveCount(1);
      await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('TRANSFER_SETTLED');
      await expect(log.locator('[data-event="TRANSFER_SETTLED"][data-node="t1"]')).toContainText('outcome=accepted');
      await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('MESSAGE_RECEIVED');
      await expect(log.locator('[data-event="MESSAGE_RECEIVED"][data-node="rx1"]')).toHaveCount(1);

      await page.getByRole('button', { name: 'Stop' }).click();
      for (const id of ['c1', 's1', 'tx1', 'rx1']) await expect(nodeById(page, id)).toHaveAttribute('data-state', 'closed');
    });
  });
}

test.describe('the connection doctor in the page', () => {
  test.skip(skipInterop, 'AMQPFLOW_SKIP_INTEROP=1');

  test('offering only "amqp" to websockify puts the connection in error with a hint that websockify needs "binary"', async ({ page }) => {
    const { wsUrl } = await externalBrokerUrl('rabbitmq');
    await page.goto('/');
    await importGraph(page, makeGraph('amqp only', [['c1', 'connection', { url: wsUrl, subprotocols: ['amqp'] }], ['s1', 'session']], [['c1', 's1']]));
    await page.getByRole('button', { name: 'Run' }).click();
    await expect(nodeById(page, 'c1')).toHaveAttribute('data-state', 'error');
    const log = page.getByRole('region', { name: 'Event log' });
    await log.getByRole('combobox', { name: 'Filter by event' }).selectOption('CONNECTION_ERROR');
    await expect(log.locator('[data-event="CONNECTION_ERROR"][data-node="c1"]')).toContainText('amqp-flow:websocket-failed');
    // A browser is not told the HTTP status, so the hint lists the causes, websockify's "binary" among them.
    await expect(nodeById(page, 'c1')).toContainText('websockify needs "binary"');
  });
});
