// The bottom area hosting the run panels, side by side so all three regions are always present.
import { CreditPanel, EventLogPanel, FramesPanel } from '../panels/RunPanels.tsx';

export function RunArea({ collapsed, onToggle }: { collapsed: boolean; onToggle: () => void }) {
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
      <div className="bottom__panels">
        <section role="region" aria-label="Event log" className="run-region">
          <h3 className="run-region__title">Event log</h3>
          <div className="run-region__body">
            <EventLogPanel />
          </div>
        </section>
        <section role="region" aria-label="Frames" className="run-region">
          <h3 className="run-region__title">Frames</h3>
          <div className="run-region__body">
            <FramesPanel />
          </div>
        </section>
        <section role="region" aria-label="Credit" className="run-region">
          <h3 className="run-region__title">Credit</h3>
          <div className="run-region__body">
            <CreditPanel />
          </div>
        </section>
      </div>
    </div>
  );
}
