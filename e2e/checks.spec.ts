// A flow's expectations in the page: after the run, the Checks region lists each one met or not and
// the nodes concerned carry a ✓ or ✗.
import { importThroughInput, nodeById } from './editorSteps.ts';
import { expect, test } from './fixtures.ts';

const flow = {
  format: 'amqp-flow',
  version: 1,
  name: 'Two expectations, one wrong',
  nodes: [
    { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: {} },
    { id: 's1', kind: 'session', position: { x: 220, y: 0 }, props: {} },
    { id: 'tx1', kind: 'sender', position: { x: 440, y: 0 }, props: { address: 'checks-e2e' } },
    { id: 't1', kind: 'transfer', position: { x: 660, y: 0 }, props: { body: 'ping', count: 2 } },
    { id: 'rx1', kind: 'receiver', position: { x: 440, y: 230 }, props: { address: 'checks-e2e' } },
  ],
  edges: [
    { id: 'e1', source: 'c1', target: 's1' },
    { id: 'e2', source: 's1', target: 'tx1' },
    { id: 'e3', source: 'tx1', target: 't1' },
    { id: 'e4', source: 's1', target: 'rx1' },
  ],
  expect: { nodes: { t1: { outcomes: { accepted: 2 } }, rx1: { received: 3, bodies: ['ping', 'ping'] } } },
};

test('after a run the Checks region lists each expectation met or not, and the nodes show ✓ or ✗', async ({ page }) => {
  await page.goto('/');
  await importThroughInput(page, JSON.stringify(flow));
  const checks = page.getByRole('region', { name: 'Checks' });
  await expect(checks).toContainText('This flow states what must happen');

  await page.getByRole('button', { name: 'Run' }).click();
  await expect(nodeById(page, 'rx1')).toContainText('2 received');
  await expect(checks).toContainText('Checked when the run ends');
  await page.getByRole('button', { name: 'Stop' }).click();

  await expect(checks).toContainText('1 of 3 expectations failed');
  const items = checks.getByRole('list', { name: 'Expectations' }).getByRole('listitem');
  await expect(items).toHaveText([/✓\s*t1 accepted = 2\s*2 accepted/, /✗\s*rx1 received = 3\s*2 received/, /✓\s*rx1 bodies \(2\)\s*2 bodies as expected/]);
  await expect(nodeById(page, 't1').locator('[data-check]')).toHaveAttribute('data-check', 'met');
  await expect(nodeById(page, 'rx1').locator('[data-check]')).toHaveAttribute('data-check', 'failed');
  await expect(nodeById(page, 'rx1').locator('[data-check]')).toHaveAttribute('title', /✗ rx1 received = 3: 2 received/);
  await expect(nodeById(page, 'c1').locator('[data-check]')).toHaveCount(0);

  // A click on an expectation selects its node.
  await items.nth(1).getByRole('button').click();
  await expect(page.getByRole('region', { name: 'Inspector' }).getByLabel('Id', { exact: true })).toHaveValue('rx1');
  await page.screenshot({ path: '/tmp/eco-checks.png' });
});
