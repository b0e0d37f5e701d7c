// editor_1000_load_ms and editor_1000_drag_p95_ms: a 1,000-node valid flow imported through the real
// `<input type=file>` until every node is on the canvas and painted; then a node dragged with the
// mouse while frame times are recorded.
import { startBenchBrowser } from './lib/browser.ts';
import { editorGraph } from './lib/graphs.ts';
import { startFrameRecorder, stopFrameRecorder } from './lib/frames.ts';
import { detail, figure, main, quick } from './lib/report.ts';
import { median, percentile, round } from './lib/stats.ts';

const LOADS = quick ? 2 : 3;
const DRAGS = 3;
const DRAG_STEPS = 60;

main(async () => {
  const graph = editorGraph();
  if (graph.nodes.length !== 1000) throw new Error(`the editor graph has ${graph.nodes.length} nodes, not 1000`);
  const file = { name: 'thousand.amqpflow.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(graph)) };
  const bb = await startBenchBrowser();
  try {
    const loads: number[] = [];
    let page = await bb.openApp();
    for (let i = 0; i < LOADS; i++) {
      if (i > 0) {
        await page.context().close();
        page = await bb.openApp();
      }
      // The clock starts when the input's change event fires and stops at the first animation frame
      // after the one in which all nodes are in the page and measured (React Flow hides a node until then).
      const loaded = page.evaluate((n) => new Promise<number>((resolve) => {
        const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
        input.addEventListener('change', () => {
          const t0 = performance.now();
          const check = () => {
            const all = document.querySelectorAll('[aria-label="Canvas"] [data-node-id]').length === n;
            const hidden = document.querySelector('.react-flow__node[style*="visibility: hidden"]');
            if (all && !hidden) requestAnimationFrame(() => resolve(performance.now() - t0));
            else requestAnimationFrame(check);
          };
          check();
        }, { capture: true, once: true });
      }), graph.nodes.length);
      await page.locator('input[type="file"]').setInputFiles(file);
      loads.push(await loaded);
      console.log(`load ${i + 1}: ${loads[i]!.toFixed(0)} ms`);
    }

    // Drag a connection node's header across the canvas, slowly enough to take a few hundred frames.
    await page.waitForTimeout(500);
    // The readable fit shows a flow this large from its top-left corner: drag the connection nearest the
    // canvas's centre, which has room to move either way.
    const dragId = await page.evaluate(() => {
      const canvas = document.querySelector('[aria-label="Canvas"]')!.getBoundingClientRect();
      const cx = canvas.left + canvas.width / 2;
      const cy = canvas.top + canvas.height / 2;
      let best = { id: '', d: Infinity };
      for (const el of document.querySelectorAll<HTMLElement>('[aria-label="Canvas"] [data-kind="connection"]')) {
        const r = el.getBoundingClientRect();
        const d = Math.hypot(r.left + r.width / 2 - cx, r.top + r.height / 2 - cy);
        if (d < best.d) best = { id: el.dataset.nodeId!, d };
      }
      return best.id;
    });
    const deltas: number[] = [];
    const longTasks: number[] = [];
    for (let d = 0; d < DRAGS; d++) {
      const header = page.locator(`[aria-label="Canvas"] [data-node-id="${dragId}"] .node__header`);
      const box = await header.boundingBox();
      if (!box) throw new Error(`node ${dragId} is not on screen`);
      const x = box.x + box.width / 2;
      const y = box.y + box.height / 2;
      await page.mouse.move(x, y);
      await page.mouse.down();
      await startFrameRecorder(page);
      const dx = d % 2 === 0 ? 240 : -240;
      for (let s = 1; s <= DRAG_STEPS; s++) {
        await page.mouse.move(x + (dx * s) / DRAG_STEPS, y + (60 * Math.sin((s / DRAG_STEPS) * Math.PI)));
        await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
      }
      const rec = await stopFrameRecorder(page);
      await page.mouse.up();
      const after = await header.boundingBox();
      if (!after || Math.abs(after.x - box.x) < 100) throw new Error(`the drag did not move node ${dragId} (x ${box.x} → ${after?.x})`);
      deltas.push(...rec.deltas);
      longTasks.push(...rec.longTasks);
    }
    const p95 = percentile(deltas, 95);
    console.log(`drag: ${deltas.length} frames, p50 ${percentile(deltas, 50).toFixed(1)} ms, p95 ${p95.toFixed(1)} ms, max ${Math.max(...deltas).toFixed(1)} ms, long tasks ${longTasks.length}`);
    detail('editor_1000_load_ms', { nodes: graph.nodes.length, edges: graph.edges.length, fileBytes: file.buffer.length, loadsMs: loads.map((t) => round(t, 0)) });
    detail('editor_1000_drag_p95_ms', { node: dragId, drags: DRAGS, stepsPerDrag: DRAG_STEPS, frames: deltas.length, p50: round(percentile(deltas, 50), 1), max: round(Math.max(...deltas), 1), longTasks: longTasks.length });
    figure('editor_1000_load_ms', round(median(loads), 0), 'ms');
    figure('editor_1000_drag_p95_ms', round(p95, 1), 'ms');
  } finally {
    await bb.close();
  }
});
