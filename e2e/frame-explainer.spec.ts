// The frame explainer in Chromium against the embedded broker: a click on a frame (in the list or the
// sequence diagram) explains it with its spec section and its fields read in this run's words; an error
// condition inside a frame explains itself on a click.
import type { Page } from '@playwright/test';
import type { Graph, GraphNode } from '../src/graph/types.ts';
import { expect, test } from './fixtures.ts';
import { saveScreenshot } from './screenshots.ts';
import { nodeById } from './editorSteps.ts';

async function openTemplate(page: Page, name: string) {
  await page.goto('/');
  await page.getByRole('button', { name: 'Templates' }).click();
  await page.getByRole('menuitem', { name }).click();
  await expect(nodeById(page, 'c1')).toBeVisible();
}

function byHandGraph(queue: string): Graph {
  const at = { x: 0, y: 0 };
  return {
    format: 'amqp-flow', version: 1, name: 'Reject by hand',
    nodes: [
      { id: 'c1', kind: 'connection', position: at, props: {} },
      { id: 's1', kind: 'session', position: { x: 220, y: 60 }, props: {} },
      { id: 'tx1', kind: 'sender', position: { x: 440, y: 0 }, props: { address: queue } },
      { id: 't1', kind: 'transfer', position: { x: 680, y: 0 }, props: { body: 'not for me', count: 1 } },
      { id: 'rx1', kind: 'receiver', position: { x: 440, y: 200 }, props: { address: queue, autoAccept: false } },
    ] as GraphNode[],
    edges: [
      { id: 'e1', source: 'c1', target: 's1' },
      { id: 'e2', source: 's1', target: 'tx1' },
      { id: 'e3', source: 'tx1', target: 't1' },
      { id: 'e4', source: 's1', target: 'rx1' },
    ],
  };
}

test('clicking a receiver’s flow frame explains link credit in the run’s words and cites §2.7.4', async ({ page }) => {
  await openTemplate(page, 'Send and receive');
  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 'rx1')).toContainText('5 received');

  const frames = page.getByRole('region', { name: 'Frames' });
  await frames.getByRole('combobox', { name: 'Filter by performative' }).selectOption('flow');
  const flow = frames.locator('.frame__row--out[data-performative="flow"][data-node="rx1"]').first();
  const credit = Number((await flow.textContent())?.match(/link_credit=(\d+)/)?.[1]);
  expect(credit).toBeGreaterThan(0);
  await flow.click();

  const explanation = page.getByRole('region', { name: 'Frame explanation' });
  await expect(explanation).toContainText('flow');
  await expect(explanation).toContainText('§2.7.4');
  await expect(explanation).toContainText('Sent by receiver rx1 (connection c1) to the broker');
  const linkCredit = explanation.locator('[data-field="link-credit"]');
  await expect(linkCredit).toContainText(`rx1 may now receive ${credit} more messages`);
  await expect(linkCredit).toContainText('§2.6.7');
  await saveScreenshot(page, 'frame-explainer.png');

  // The sequence diagram explains its arrows too: the sender's attach names its target.
  await frames.getByRole('combobox', { name: 'Filter by performative' }).selectOption('attach');
  await frames.getByRole('radio', { name: 'Sequence diagram' }).check();
  await frames.locator('.sequence__row--out[data-performative="attach"]').first().click();
  await expect(explanation).toContainText('§2.7.3');
  await expect(explanation.locator('[data-field="role"]')).toContainText(/is the (sender|receiver) end/);
  await expect(explanation.getByRole('region', { name: /^(source|target): / }).first()).toContainText('§3.5.');

  await explanation.getByRole('button', { name: 'Close the frame explanation' }).click();
  await expect(explanation).toHaveCount(0);
  await page.getByRole('button', { name: 'Stop' }).click();
});

test('a rejected delivery’s disposition explains the outcome and, on a click, its error condition', async ({ page }) => {
  await page.goto('/');
  const graph = byHandGraph(`explain-reject-${Date.now()}`);
  await page.locator('input[type="file"]').setInputFiles({ name: 'reject.amqpflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
  await expect(nodeById(page, 'rx1')).toBeVisible();
  await page.getByRole('button', { name: 'Run' }).click();
  const deliveries = nodeById(page, 'rx1').getByRole('list', { name: 'Unsettled deliveries' }).getByRole('listitem');
  await expect(deliveries).toHaveCount(1);
  await deliveries.first().getByRole('button', { name: 'Reject' }).click();
  await expect(nodeById(page, 'rx1')).toContainText('1 settled');

  const frames = page.getByRole('region', { name: 'Frames' });
  // Reject selected rx1; a disposition belongs to its session, so show every node's frames.
  await frames.getByRole('checkbox', { name: 'Selected node only' }).uncheck();
  await frames.getByRole('combobox', { name: 'Filter by performative' }).selectOption('disposition');
  await frames.locator('.frame__row--out[data-performative="disposition"]').first().click();

  const explanation = page.getByRole('region', { name: 'Frame explanation' });
  await expect(explanation).toContainText('§2.7.6');
  // A disposition belongs to the session; it is read for the receiver whose delivery it settles.
  await expect(explanation.locator('[data-field="role"]')).toContainText('rx1 speaks as the receiver');
  const state = explanation.getByRole('region', { name: 'state: rejected' });
  await expect(state).toContainText('§3.4.3');
  await state.getByRole('button', { name: 'Explain amqp:precondition-failed' }).click();
  await expect(explanation).toContainText('amqp:precondition-failed');
  await expect(explanation).toContainText('§2.8.15');
  await expect(explanation).toContainText('Rejected by hand in AMQP Flow');
  await expect(explanation).toContainText('What to do');
  await explanation.getByRole('button', { name: 'Back to the frame' }).click();
  await expect(explanation).toContainText('§2.7.6');
  await page.getByRole('button', { name: 'Stop' }).click();
});

test('a connection’s error condition on the canvas (one of AMQP Flow’s own) explains itself on a click', async ({ page }) => {
  // A port that was free a moment ago and has nothing listening on it now.
  const { createServer } = await import('node:net');
  const probe = createServer();
  await new Promise<void>((ok) => probe.listen(0, '127.0.0.1', () => ok()));
  const port = (probe.address() as { port: number }).port;
  await new Promise<void>((ok) => probe.close(() => ok()));
  const graph = byHandGraph('never-reached');
  graph.nodes[0] = { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: { url: `ws://127.0.0.1:${port}/` } };
  await page.goto('/');
  await page.locator('input[type="file"]').setInputFiles({ name: 'unreachable.amqpflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) });
  await page.getByRole('button', { name: 'Run' }).click();

  const note = nodeById(page, 'c1').getByRole('note');
  const condition = (await note.locator('strong').textContent({ timeout: 10_000 }))!;
  expect(condition).toMatch(/^amqp-flow:/);
  await note.getByRole('button', { name: `Explain ${condition}` }).click();
  const explanation = page.getByRole('region', { name: 'Frame explanation' });
  await expect(explanation.locator(`[data-condition="${condition}"]`)).toBeVisible();
  await expect(explanation).toContainText('AMQP Flow');
  await expect(explanation).toContainText('What to do');
});
