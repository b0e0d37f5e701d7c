// The toolbar's "Export image" menu: the canvas as SVG or PNG, with the last run's states and the
// expectations' ✓/✗ when there are any.
import { useEffect, useRef, useState } from 'react';
import { useChecks, nodeVerdict } from '../store/checksStore.ts';
import { useDocument } from '../store/documentStore.ts';
import { notify } from '../store/noticeStore.ts';
import { useRun } from '../store/runStore.ts';
import { downloadBlob, downloadText, fileStem } from '../panels/download.ts';
import { flowToSvg } from '../graph/flowSvg.ts';
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

export function ExportImageMenu() {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !anchor.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  const exportAs = async (format: 'svg' | 'png') => {
    setOpen(false);
    const { svg, stem } = currentSvg();
    if (format === 'svg') return downloadText(svg, `${stem}.svg`, 'image/svg+xml');
    try {
      downloadBlob(await svgToPng(svg), `${stem}.png`);
    } catch (e) {
      notify('error', 'The PNG could not be made.', [e instanceof Error ? e.message : String(e)]);
    }
  };
  return (
    <div className="menu-anchor" ref={anchor}>
      <button type="button" className="btn" aria-haspopup="menu" aria-expanded={open} onClick={() => setOpen((o) => !o)} title="Download the canvas as a picture for documents">
        Export image
      </button>
      {open && (
        <div role="menu" aria-label="Export image" className="menu">
          <button type="button" role="menuitem" className="menu__item" onClick={() => void exportAs('svg')}>
            <span className="menu__item-title">SVG</span>
            <span className="menu__item-help">Scalable, for documents and slides.</span>
          </button>
          <button type="button" role="menuitem" className="menu__item" onClick={() => void exportAs('png')}>
            <span className="menu__item-title">PNG</span>
            <span className="menu__item-help">A picture at twice the screen size.</span>
          </button>
        </div>
      )}
    </div>
  );
}
