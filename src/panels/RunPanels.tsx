// The run panels' contents: Event log, Frames, and Credit (charts, with the broker's queues as a
// second tab). The page places each inside its own labelled region.
import { lazy, Suspense, useState } from 'react';
import { BrokerView } from './BrokerView.tsx';
import { EventLog } from './EventLog.tsx';
import { FrameTrace } from './FrameTrace.tsx';
import { MessageView } from './MessageView.tsx';
import { setSlowMotion, useSlowMotion } from './useSlowMotion.ts';
import './panels.css';

const CreditCharts = lazy(() => import('./CreditCharts.tsx'));

export function EventLogPanel() {
  return (
    <>
      <EventLog />
      {/* the message view's dialog, opened from a log row or a receiver card */}
      <MessageView />
    </>
  );
}

export { ChecksPanel } from './ChecksPanel.tsx';

export function FramesPanel() {
  return <FrameTrace />;
}

export function CreditPanel() {
  const [tab, setTab] = useState<'credit' | 'broker'>('credit');
  const slow = useSlowMotion((s) => s.on);
  return (
    <div className="panel panel--credit">
      <div className="panel__tabs" role="tablist" aria-label="Credit views">
        <button type="button" role="tab" aria-selected={tab === 'credit'} onClick={() => setTab('credit')}>
          Charts
        </button>
        <button type="button" role="tab" aria-selected={tab === 'broker'} onClick={() => setTab('broker')}>
          Broker
        </button>
        <label className="panel__slow" title="Show each transfer moving along its edge (for teaching; best at low rates)">
          <input type="checkbox" role="switch" checked={slow} onChange={(e) => setSlowMotion(e.target.checked)} /> Slow motion
        </label>
      </div>
      <div className="panel__scroll" role="tabpanel" aria-label={tab === 'credit' ? 'Charts' : 'Broker'}>
        {tab === 'credit' ? (
          <Suspense fallback={<p className="panel__empty">Loading the charts…</p>}>
            <CreditCharts />
          </Suspense>
        ) : (
          <BrokerView />
        )}
      </div>
    </div>
  );
}
