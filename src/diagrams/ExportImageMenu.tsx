// The toolbar's "Export image" menu: the canvas as SVG or PNG, with the last run's states and the
// expectations' ✓/✗ when there are any.
import { flowToSvg } from '../graph/flowSvg.ts';
import { nodeVerdict, useChecks } from '../store/checksStore.ts';
import { useDocument } from '../store/documentStore.ts';
import { notify } from '../store/noticeStore.ts';
import { useRun } from '../store/runStore.ts';
import { download, downloadBlob, fileStem } from '../ui/download.ts';
import { Menu, MenuItem } from '../ui/Menu.tsx';
import { svgToPng } from './svgToPng.ts';

function currentSvg(): { svg: string; stem: string } {
  const graph = useDocument.getState().graph;
  const run = useRun.getState();
  const results = useChecks.getState().results;
  const states: Record<string, string> = {};
  const checks: Record<string, 'met' | 'failed' | 'skipped'> = {};
  for (const n of graph.nodes) {
    const state = run.nodes[n.id]?.state;
    if (state && state !== 'idle') states[n.id] = state;
    const verdict = nodeVerdict(results, n.id);
    if (verdict) checks[n.id] = verdict.status;
  }
  return { svg: flowToSvg(graph, { states, checks }), stem: fileStem(graph.name) };
}

async function exportAs(format: 'svg' | 'png') {
  const { svg, stem } = currentSvg();
  if (format === 'svg') return download(`${stem}.svg`, svg, 'image/svg+xml');
  try {
    downloadBlob(`${stem}.png`, await svgToPng(svg));
  } catch (e) {
    notify('error', 'The PNG could not be made.', [e instanceof Error ? e.message : String(e)]);
  }
}

export function ExportImageMenu() {
  return (
    <Menu label="Export image" title="Download the canvas as a picture for documents">
      {(close) => (
        <>
          <MenuItem title="SVG" help="Scalable, for documents and slides." onSelect={() => (close(), void exportAs('svg'))} />
          <MenuItem title="PNG" help="A picture at twice the screen size." onSelect={() => (close(), void exportAs('png'))} />
        </>
      )}
    </Menu>
  );
}
