// The bottom area hosting the run panels, side by side so all three regions are always present.
// The panels' contents (virtualised lists, frame decoding) load just after the first paint, so they
// stay out of the initial bundle; the regions and their titles are there from the start.
import { lazy } from 'react';
import { PanelDivider } from '../ui/PanelDivider.tsx';
import { RunRegion } from './RunRegion.tsx';
import { useChecks } from '../store/checksStore.ts';
import { useDocument } from '../store/documentStore.ts';

const EventLogPanel = lazy(() => import('./RunPanels.tsx').then((m) => ({ default: m.EventLogPanel })));
const FramesPanel = lazy(() => import('./RunPanels.tsx').then((m) => ({ default: m.FramesPanel })));
const CreditPanel = lazy(() => import('./RunPanels.tsx').then((m) => ({ default: m.CreditPanel })));
const ChecksPanel = lazy(() => import('./RunPanels.tsx').then((m) => ({ default: m.ChecksPanel })));

export function RunArea({ collapsed, onToggle }: { collapsed: boolean; onToggle: () => void }) {
  // The Checks region joins the others while the flow states expectations or a verdict is shown.
  const stated = useDocument((s) => s.graph.expect !== undefined);
  const shown = useChecks((s) => s.results !== null);
  const checks = stated || shown;
  return (
    <div className="bottom">
      <PanelDivider />
      <div className="bottom__bar">
        <h2 className="section-title" style={{ margin: 0 }}>
          Run
        </h2>
        <span className="toolbar__spacer" />
        <button type="button" className="btn btn--small btn--ghost" aria-expanded={!collapsed} onClick={onToggle}>
          {collapsed ? 'Show panels' : 'Hide panels'}
        </button>
      </div>
      <div className={`bottom__panels${checks ? ' bottom__panels--checks' : ''}`}>
        <RunRegion title="Event log">
          <EventLogPanel />
        </RunRegion>
        <RunRegion title="Frames">
          <FramesPanel />
        </RunRegion>
        <RunRegion title="Credit">
          <CreditPanel />
        </RunRegion>
        {checks && (
          <RunRegion title="Checks">
            <ChecksPanel />
          </RunRegion>
        )}
      </div>
    </div>
  );
}
