// The bottom area hosting the run panels, side by side so all three regions are always present.
// The panels' contents (virtualised lists, frame decoding) load just after the first paint, so they
// stay out of the initial bundle; the regions and their titles are there from the start.
import { lazy, Suspense, type ReactNode } from 'react';
import { useChecks } from '../store/checksStore.ts';
import { useDocument } from '../store/documentStore.ts';

const EventLogPanel = lazy(() => import('../panels/RunPanels.tsx').then((m) => ({ default: m.EventLogPanel })));
const FramesPanel = lazy(() => import('../panels/RunPanels.tsx').then((m) => ({ default: m.FramesPanel })));
const CreditPanel = lazy(() => import('../panels/RunPanels.tsx').then((m) => ({ default: m.CreditPanel })));
const ChecksPanel = lazy(() => import('../panels/RunPanels.tsx').then((m) => ({ default: m.ChecksPanel })));

function Loading({ children }: { children: ReactNode }) {
  return <Suspense fallback={<p className="run-region__loading">Loading…</p>}>{children}</Suspense>;
}

export function RunArea({ collapsed, onToggle }: { collapsed: boolean; onToggle: () => void }) {
  // The Checks region joins the others while the flow states expectations or a verdict is shown.
  const stated = useDocument((s) => s.graph.expect !== undefined);
  const shown = useChecks((s) => s.results !== null);
  const checks = stated || shown;
  return (
    <div className="bottom">
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
        <section role="region" aria-label="Event log" className="run-region">
          <h3 className="run-region__title">Event log</h3>
          <div className="run-region__body">
            <Loading>
              <EventLogPanel />
            </Loading>
          </div>
        </section>
        <section role="region" aria-label="Frames" className="run-region">
          <h3 className="run-region__title">Frames</h3>
          <div className="run-region__body">
            <Loading>
              <FramesPanel />
            </Loading>
          </div>
        </section>
        <section role="region" aria-label="Credit" className="run-region">
          <h3 className="run-region__title">Credit</h3>
          <div className="run-region__body">
            <Loading>
              <CreditPanel />
            </Loading>
          </div>
        </section>
        {checks && (
          <section role="region" aria-label="Checks" className="run-region">
            <h3 className="run-region__title">Checks</h3>
            <div className="run-region__body">
              <Loading>
                <ChecksPanel />
              </Loading>
            </div>
          </section>
        )}
      </div>
    </div>
  );
}
