// Journeys through the editor as a new user would take them, in Chromium, against the built page.
// Over 300 lines: one journey per editing feature of the README's "Editing" section, in its order.
import { test, expect } from './fixtures.ts';
import {
  canvasOf,
  deselect,
  dragFromPalette,
  dragNode,
  dragWire,
  edgesOf,
  exportGraph,
  exportText,
  importThroughInput,
  loadTemplate,
  nodeById,
  nodesOf,
  selectNode,
} from './editorSteps.ts';

const KINDS = ['Connection', 'Session', 'Sender', 'Receiver', 'Transfer'] as const;

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await expect(canvasOf(page)).toBeVisible();
});

test('the page has its toolbar, palette and the five regions', async ({ page }) => {
  for (const name of ['Run', 'Stop', 'Step', 'Import', 'Export', 'Undo', 'Redo', 'Auto layout', 'Templates']) {
    await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  }
  for (const name of KINDS) await expect(page.getByRole('button', { name, exact: true })).toBeVisible();
  for (const name of ['Canvas', 'Inspector', 'Event log', 'Frames', 'Credit']) {
    await expect(page.getByRole('region', { name, exact: true })).toBeVisible();
  }
});

test('each palette button adds its kind when clicked or pressed with Enter', async ({ page }) => {
  for (const [i, name] of KINDS.entries()) {
    await page.getByRole('button', { name, exact: true }).click();
    await expect(nodesOf(page)).toHaveCount(i + 1);
  }
  for (const kind of ['connection', 'session', 'sender', 'receiver', 'transfer']) {
    await expect(canvasOf(page).locator(`[data-kind="${kind}"]`)).toHaveCount(1);
    await expect(canvasOf(page).locator(`[data-kind="${kind}"]`)).toHaveAttribute('data-state', 'idle');
  }
  await expect(canvasOf(page).locator('[data-kind="sender"]')).toContainText('credit 0');
  await expect(canvasOf(page).locator('[data-kind="receiver"]')).toContainText('credit 0');

  await page.getByRole('button', { name: 'Session', exact: true }).focus();
  await page.keyboard.press('Enter');
  await expect(canvasOf(page).locator('[data-kind="session"]')).toHaveCount(2);
  const graph = await exportGraph(page);
  expect(graph.nodes.map((n) => n.id)).toEqual(['c1', 's1', 'tx1', 'rx1', 't1', 's2']);
  // Added at the centre, never exactly on top of each other.
  expect(new Set(graph.nodes.map((n) => `${n.position.x},${n.position.y}`)).size).toBe(6);
});

test('a valid chain is wired by dragging between handles, and an illegal wire is refused with the reason', async ({ page }) => {
  await dragFromPalette(page, 'Connection', 60, 120);
  await dragFromPalette(page, 'Session', 290, 120);
  await dragFromPalette(page, 'Sender', 520, 120);
  await dragFromPalette(page, 'Transfer', 380, 330);
  await expect(nodesOf(page)).toHaveCount(4);

  await dragWire(page, 'c1', 's1');
  await expect(edgesOf(page)).toHaveCount(1);
  await dragWire(page, 's1', 'tx1');
  await expect(edgesOf(page)).toHaveCount(2);

  // connection → transfer is not a legal pair: nothing is added and the reason is shown.
  await dragWire(page, 'c1', 't1');
  const alert = page.getByRole('alert');
  await expect(alert).toContainText('A connection can only be wired to sessions');
  await expect(edgesOf(page)).toHaveCount(2);

  await dragWire(page, 'tx1', 't1');
  await expect(edgesOf(page)).toHaveCount(3);
  const graph = await exportGraph(page);
  expect(graph.edges.map((e) => [e.source, e.target])).toEqual([
    ['c1', 's1'],
    ['s1', 'tx1'],
    ['tx1', 't1'],
  ]);
  // Wired, but the sender has no address yet: the flow lists that, and the problem leads to the node.
  await deselect(page);
  const inspector = page.getByRole('region', { name: 'Inspector' });
  await inspector.getByRole('button', { name: /has nowhere to go/ }).click();
  await expect(inspector.getByLabel('Id', { exact: true })).toHaveValue('t1');
  // Going to the problem may pan the sender out of view: bring every node back before clicking it.
  await page.getByRole('button', { name: 'fit view' }).click();
  await selectNode(page, 'tx1');
  await inspector.getByLabel('Address', { exact: true }).fill('greetings');
  await deselect(page);
  await expect(inspector).toContainText('No problems: this flow can run.');
});

test('undo and redo work from the toolbar and from the keyboard', async ({ page }) => {
  await page.getByRole('button', { name: 'Connection', exact: true }).click();
  await page.getByRole('button', { name: 'Session', exact: true }).click();
  await expect(nodesOf(page)).toHaveCount(2);

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(nodesOf(page)).toHaveCount(1);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(nodesOf(page)).toHaveCount(2);

  await deselect(page);
  await page.keyboard.press('Control+z');
  await page.keyboard.press('Control+z');
  await expect(nodesOf(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Undo' })).toBeDisabled();
  await page.keyboard.press('Control+Shift+z');
  await expect(nodesOf(page)).toHaveCount(1);
  await page.keyboard.press('Control+y');
  await expect(nodesOf(page)).toHaveCount(2);
  await expect(page.getByRole('button', { name: 'Redo' })).toBeDisabled();
});

test('a whole drag of a node is one undo step', async ({ page }) => {
  await loadTemplate(page, 'Hello over $cbs');
  await expect(nodesOf(page)).toHaveCount(4);
  const before = (await exportGraph(page)).nodes.find((n) => n.id === 's1')!.position;

  await dragNode(page, 's1', 120, 160);
  const after = (await exportGraph(page)).nodes.find((n) => n.id === 's1')!.position;
  expect(after.y - before.y).toBeGreaterThan(60);

  await page.getByRole('button', { name: 'Undo' }).click();
  const undone = (await exportGraph(page)).nodes.find((n) => n.id === 's1')!.position;
  expect(undone).toEqual(before);
  // The step before the drag is the template itself: one more undo empties the canvas.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(nodesOf(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Redo' }).click();
  await page.getByRole('button', { name: 'Redo' }).click();
  expect((await exportGraph(page)).nodes.find((n) => n.id === 's1')!.position).toEqual(after);
});

test('a reload restores the document exactly, with its props, edges and viewport', async ({ page }) => {
  await loadTemplate(page, 'Hello over $cbs');
  await selectNode(page, 'tx1');
  await page.getByRole('region', { name: 'Inspector' }).getByLabel('Address', { exact: true }).fill('orders');
  await deselect(page);
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await page.getByRole('button', { name: 'Zoom Out' }).click();
  await page.mouse.move(600, 300);
  await page.mouse.down();
  await page.mouse.move(500, 250, { steps: 5 });
  await page.mouse.up();
  const saved = await exportText(page);
  const transform = await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform);

  await page.reload();
  await expect(nodesOf(page)).toHaveCount(4);
  await expect(edgesOf(page)).toHaveCount(3);
  await expect(nodeById(page, 'tx1')).toContainText('orders');
  expect(await page.locator('.react-flow__viewport').evaluate((el) => (el as HTMLElement).style.transform)).toBe(transform);
  expect((await exportText(page)).text).toBe(saved.text);
});

test('export then import gives back an identical document', async ({ page }) => {
  await loadTemplate(page, 'Send and receive');
  await selectNode(page, 't1');
  await page.getByRole('region', { name: 'Inspector' }).getByLabel('Subject', { exact: true }).fill('greeting');
  const first = await exportText(page);
  expect(first.name).toBe('Send and receive.amqpflow.json');

  await loadTemplate(page, 'Hello over $cbs');
  await expect(nodesOf(page)).toHaveCount(4);
  await importThroughInput(page, first.text, first.name);
  await expect(nodeById(page, 't1')).toContainText('greeting');
  const second = await exportText(page);
  expect(second.text).toBe(first.text);
  expect(second.name).toBe(first.name);
});

test('a malformed file changes nothing and lists its problems in a dismissible message', async ({ page }) => {
  await loadTemplate(page, 'Hello over $cbs');
  const before = await exportText(page);
  const bad = JSON.stringify({
    format: 'amqp-flow',
    version: 1,
    name: 'Broken',
    nodes: [
      { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: { url: 'http://not-a-websocket' } },
      { id: 'x1', kind: 'teapot', position: { x: 0, y: 0 }, props: {} },
    ],
    edges: [{ id: 'e1', source: 'c1', target: 'nowhere' }],
  });
  await importThroughInput(page, bad, 'broken.amqpflow.json');
  const message = page.getByRole('alert').filter({ hasText: 'broken.amqpflow.json' });
  await expect(message).toContainText('was not imported');
  await expect(message.getByRole('listitem')).not.toHaveCount(0);
  await expect(message).toContainText('teapot');
  await expect(nodesOf(page)).toHaveCount(4);
  expect((await exportText(page)).text).toBe(before.text);

  await importThroughInput(page, '{ this is not json', 'garbage.json');
  await expect(page.getByRole('alert').filter({ hasText: 'garbage.json' })).toBeVisible();
  await message.getByRole('button', { name: 'Dismiss' }).click();
  await expect(message).toHaveCount(0);
  await expect(nodesOf(page)).toHaveCount(4);
});

test('dropping a flow file on the page imports it', async ({ page }) => {
  await loadTemplate(page, 'Hello over $cbs');
  const text = (await exportText(page)).text.replace('"Hello over $cbs"', '"Dropped flow"');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(nodesOf(page)).toHaveCount(0);

  const dataTransfer = await page.evaluateHandle((content) => {
    const dt = new DataTransfer();
    dt.items.add(new File([content], 'dropped.amqpflow.json', { type: 'application/json' }));
    return dt;
  }, text);
  await page.dispatchEvent('main', 'dragenter', { dataTransfer });
  await page.dispatchEvent('main', 'dragover', { dataTransfer });
  await page.dispatchEvent('main', 'drop', { dataTransfer });
  await expect(nodesOf(page)).toHaveCount(4);
  expect((await exportGraph(page)).name).toBe('Dropped flow');
  // Import is one undo step.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(nodesOf(page)).toHaveCount(0);
});

test('every template loads from the menu as one undo step', async ({ page }) => {
  await page.getByRole('button', { name: 'Connection', exact: true }).click();
  await page.getByRole('button', { name: 'Templates' }).click();
  const items = page.getByRole('menuitem');
  const names = await items.evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''));
  expect(names).toContain('Hello over $cbs');
  await page.keyboard.press('Escape');
  for (const name of names) {
    await loadTemplate(page, name);
    const graph = await exportGraph(page);
    expect(graph.name).toBe(name);
    await expect(nodesOf(page)).toHaveCount(graph.nodes.length);
    await expect(edgesOf(page)).toHaveCount(graph.edges.length);
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect(nodesOf(page)).toHaveCount(1);
  }
});

test('the inspector edits a prop, refuses an invalid value inline, and a typed value is one undo step', async ({ page }) => {
  await loadTemplate(page, 'Send and receive');
  const inspector = page.getByRole('region', { name: 'Inspector' });

  await selectNode(page, 'c1');
  await expect(inspector.getByLabel('Id', { exact: true })).toHaveValue('c1');
  const url = inspector.getByLabel('URL', { exact: true });
  await url.fill('http://example.test/');
  await expect(inspector).toContainText('must be a URL starting with ws:// or wss://');
  await expect(url).toHaveAttribute('aria-invalid', 'true');
  await expect(nodeById(page, 'c1')).toContainText('embedded broker');
  await url.fill('ws://127.0.0.1:15673/');
  await expect(url).not.toHaveAttribute('aria-invalid', 'true');
  await expect(nodeById(page, 'c1')).toContainText('ws://127.0.0.1:15673/');

  await selectNode(page, 'rx1');
  const window = inspector.getByLabel('Credit window', { exact: true });
  await window.fill('lots');
  await expect(inspector).toContainText('Credit window must be a whole number');
  await window.fill('-2');
  await expect(inspector).toContainText('creditWindow must be an integer');
  await window.fill('0');
  await expect(nodeById(page, 'rx1')).toContainText('manual');

  await selectNode(page, 'tx1');
  const address = inspector.getByLabel('Address', { exact: true });
  const original = await address.inputValue();
  await address.fill('');
  await address.pressSequentially('orders.created', { delay: 10 });
  await address.press('Enter');
  await expect(nodeById(page, 'tx1')).toContainText('orders.created');
  await deselect(page);
  await page.keyboard.press('Control+z');
  await expect(nodeById(page, 'tx1')).toContainText(original || '(no address)');
  await expect(nodeById(page, 'tx1')).not.toContainText('orders.created');
});

test('copy, paste and duplicate make new nodes, keeping the edges between copied nodes', async ({ page }) => {
  await loadTemplate(page, 'Hello over $cbs');
  await selectNode(page, 't1');
  await page.keyboard.press('Control+c');
  await page.keyboard.press('Control+v');
  await expect(nodesOf(page)).toHaveCount(5);
  await expect(nodeById(page, 't2')).toContainText('Hello!');

  await selectNode(page, 's1');
  await page.keyboard.press('Control+d');
  await expect(nodesOf(page)).toHaveCount(6);

  await selectNode(page, 'tx1');
  await selectNode(page, 't1', ['Shift']);
  await page.keyboard.press('Control+d');
  await expect(nodesOf(page)).toHaveCount(8);
  const graph = await exportGraph(page);
  expect(graph.edges).toHaveLength(4);
  expect(graph.edges.at(-1)).toMatchObject({ source: 'tx2', target: 't3' });
});

test('shift-dragging a box selects the nodes inside it with their edges', async ({ page }) => {
  await loadTemplate(page, 'Hello over $cbs');
  const c1 = (await nodeById(page, 'c1').boundingBox())!;
  const s1 = (await nodeById(page, 's1').boundingBox())!;
  await page.keyboard.down('Shift');
  await page.mouse.move(c1.x - 15, c1.y - 30);
  await page.mouse.down();
  await page.mouse.move(s1.x + s1.width / 2, s1.y + s1.height + 20, { steps: 6 });
  await page.mouse.move(s1.x + s1.width + 10, s1.y + s1.height + 30, { steps: 6 });
  await page.mouse.up();
  await page.keyboard.up('Shift');
  await expect(page.getByRole('region', { name: 'Inspector' })).toContainText('2 nodes and 2 edges selected.');
  await page.keyboard.press('Delete');
  await expect(nodesOf(page)).toHaveCount(2);
  expect((await exportGraph(page)).nodes.map((n) => n.id)).toEqual(['tx1', 't1']);
});

test('delete removes the selection with its edges, but not while typing in a field', async ({ page }) => {
  await loadTemplate(page, 'Hello over $cbs');
  await selectNode(page, 'tx1');
  const address = page.getByRole('region', { name: 'Inspector' }).getByLabel('Address', { exact: true });
  await address.click();
  await address.press('End');
  await address.press('Backspace');
  await expect(nodesOf(page)).toHaveCount(4);
  await expect(nodeById(page, 'tx1')).toContainText('$cb');

  await selectNode(page, 'tx1');
  await page.keyboard.press('Delete');
  await expect(nodesOf(page)).toHaveCount(3);
  await expect(edgesOf(page)).toHaveCount(1);

  await page.keyboard.press('Control+a');
  await page.keyboard.press('Backspace');
  await expect(nodesOf(page)).toHaveCount(0);
  await page.keyboard.press('Control+z');
  await expect(nodesOf(page)).toHaveCount(3);
});

test('auto layout moves the nodes and is one undo step', async ({ page }) => {
  const scrambled = {
    format: 'amqp-flow',
    version: 1,
    name: 'Scrambled',
    nodes: [
      { id: 't1', kind: 'transfer', position: { x: 0, y: 0 }, props: {} },
      { id: 'c1', kind: 'connection', position: { x: 500, y: 300 }, props: {} },
      { id: 'tx1', kind: 'sender', position: { x: 30, y: 400 }, props: { address: 'q' } },
      { id: 's1', kind: 'session', position: { x: 600, y: 20 }, props: {} },
    ],
    edges: [
      { id: 'e1', source: 'c1', target: 's1' },
      { id: 'e2', source: 's1', target: 'tx1' },
      { id: 'e3', source: 'tx1', target: 't1' },
    ],
  };
  await importThroughInput(page, JSON.stringify(scrambled), 'scrambled.amqpflow.json');
  await expect(nodesOf(page)).toHaveCount(4);
  await page.getByRole('button', { name: 'Auto layout' }).click();
  await expect
    .poll(async () => {
      const g = await exportGraph(page);
      const x = (id: string) => g.nodes.find((n) => n.id === id)!.position.x;
      return x('c1') < x('s1') && x('s1') < x('tx1') && x('tx1') < x('t1');
    })
    .toBe(true);
  await page.getByRole('button', { name: 'Undo' }).click();
  const undone = await exportGraph(page);
  expect(undone.nodes.map((n) => n.position)).toEqual(scrambled.nodes.map((n) => n.position));
});

test('a corrupt autosave is ignored with a notice and the editor starts empty', async ({ page }) => {
  await page.evaluate(() => localStorage.setItem('amqp-flow:document', '{"format":"amqp-flow","version":1,"nodes":[{"id":"x"'));
  await page.reload();
  await expect(page.getByRole('alert').filter({ hasText: 'could not be restored' })).toBeVisible();
  await expect(nodesOf(page)).toHaveCount(0);
  await page.getByRole('button', { name: 'Connection', exact: true }).click();
  await expect(nodesOf(page)).toHaveCount(1);
});
