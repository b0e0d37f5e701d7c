// The Event log: every engine event of the run, windowed (rows of one height, only the visible ones in
// the DOM, an opened row the one taller exception), filterable by node and by event name; a click
// selects the event's node on the canvas.
import { memo, useEffect, useMemo, useState } from 'react';
import { EVENT_NAMES, isErrorEvent, lifecycleOf, type EngineEvent } from '../engine/events.ts';
import { setSelection } from '../store/documentStore.ts';
import { useRunControl } from '../store/runController.ts';
import { useRun } from '../store/runStore.ts';
import { DetailToggle, detailHeight, eventDetail, RowDetailText, useOpenRows } from './RowDetail.tsx';
import { fixedRowLayout } from './rowWindow.ts';
import { newTallRowMemo, tallRows } from './tallRows.ts';
import { WindowedRows } from './WindowedRows.tsx';
import { OpenMessageButton } from './OpenMessageButton.tsx';

const ROW_HEIGHT = 22;
const OVERSCAN = 12;


function brief(v: unknown): string {
  if (typeof v === 'string') return v.length > 60 ? `${v.slice(0, 59)}…` : v;
  try {
    const text = JSON.stringify(v) ?? String(v);
    return text.length > 60 ? `${text.slice(0, 59)}…` : text;
  } catch {
    return String(v);
  }
}

/** The event's own fields as one line (`credit=0 queued=7`), then its error condition and words. */
export function eventDetails(e: EngineEvent): string {
  const parts: string[] = [];
  for (const [k, v] of Object.entries(e)) {
    if (k === 'at' || k === 'node' || k === 'event' || k === 'errorDetail' || v === undefined) continue;
    if ((k === 'properties' || k === 'applicationProperties') && v && typeof v === 'object' && !Object.keys(v).length) continue;
    parts.push(`${k}=${brief(v)}`);
  }
  if (e.errorDetail) parts.push(`${e.errorDetail.condition}: ${e.errorDetail.description}`);
  return parts.join(' ');
}

function eventTone(e: EngineEvent): string {
  if (e.event === 'FAULT') return 'fault';
  if (e.errorDetail || isErrorEvent(e.event)) return 'error';
  if (e.event === 'TRANSFER_SETTLED' || e.event === 'MESSAGE_SETTLED') return e.outcome;
  return lifecycleOf(e.event)?.phase ?? 'plain';
}

export function EventLog() {
  const events = useRun((s) => s.events);
  const dropped = useRun((s) => s.eventsDropped);
  const kindOf = useRun((s) => s.kindOf);
  const problems = useRunControl((s) => s.problems);
  const [nodeFilter, setNodeFilter] = useState('');
  const [eventFilter, setEventFilter] = useState('');
  // A new flow (the run view emptied) or a run without the filtered node: show everything again.
  const runGraph = useRun((s) => s.graph);
  useEffect(() => {
    if (!runGraph) setEventFilter('');
    if (!runGraph || !runGraph.nodes.some((n) => n.id === nodeFilter)) setNodeFilter('');
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a change of run resets the filters
  }, [runGraph]);

  const rows = useMemo(() => {
    if (!nodeFilter && !eventFilter) return events;
    return events.filter((e) => (!nodeFilter || e.node === nodeFilter) && (!eventFilter || e.event === eventFilter));
  }, [events, nodeFilter, eventFilter]);

  const nodeIds = useMemo(() => Object.keys(kindOf), [kindOf]);
  const { open, toggle } = useOpenRows<EngineEvent>();
  const [tallMemo] = useState(newTallRowMemo<EngineEvent>);
  const layout = useMemo(() => {
    const tall = tallRows(open, rows.length, (i) => rows[i]!, (e) => detailHeight(eventDetail(e)), `${nodeFilter}|${eventFilter}`, tallMemo);
    return fixedRowLayout(rows.length, ROW_HEIGHT, tall);
  }, [open, rows, nodeFilter, eventFilter, tallMemo]);
  const drawRow = (i: number) => {
    const e = rows[i]!;
    return <EventRow event={e} height={layout.heightOf(i)} open={open.has(e)} onToggle={toggle} />;
  };

  return (
    <div className="panel panel--log">
      <div className="panel__toolbar">
        <label>
          Node{' '}
          <select aria-label="Filter by node" value={nodeFilter} onChange={(e) => setNodeFilter(e.target.value)}>
            <option value="">All nodes</option>
            {nodeIds.map((id) => (
              <option key={id} value={id}>
                {id} ({kindOf[id]})
              </option>
            ))}
          </select>
        </label>
        <label>
          Event{' '}
          <select aria-label="Filter by event" value={eventFilter} onChange={(e) => setEventFilter(e.target.value)}>
            <option value="">All events</option>
            {EVENT_NAMES.map((name) => (
              <option key={name} value={name}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <span className="panel__count" aria-live="polite">
          {rows.length === events.length ? `${events.length} events` : `${rows.length} of ${events.length} events`}
        </span>
        {dropped > 0 && <span className="panel__note">{dropped} older entries dropped</span>}
      </div>
      {problems.length > 0 && (
        <ul className="panel__problems" role="alert">
          {problems.map((p, i) => (
            <li key={i}>
              {p.nodeId && <strong>{p.nodeId}: </strong>}
              {p.message}
            </li>
          ))}
        </ul>
      )}
      {events.length === 0 && problems.length === 0 && <p className="panel__empty">Press Run to see events.</p>}
      <WindowedRows layout={layout} overscan={OVERSCAN} label="Events" row={drawRow} />
    </div>
  );
}

interface EventRowProps {
  event: EngineEvent;
  height: number;
  open: boolean;
  onToggle: (e: EngineEvent) => void;
}

const EventRow = memo(function EventRow({ event: e, height, open, onToggle }: EventRowProps) {
  return (
    <div
      role="listitem"
      className={`log__row log__row--${eventTone(e)}`}
      data-event={e.event}
      data-node={e.node}
      style={{ height }}
      onClick={() => setSelection({ nodes: [e.node], edges: [] })}
      title={e.errorDetail?.hint}
    >
      <div className="row__line" style={{ height: ROW_HEIGHT }}>
        <DetailToggle open={open} onToggle={() => onToggle(e)} />
        <span className="log__at">{e.at.toFixed(0)} ms</span>
        <span className="log__node">{e.node}</span>
        <span className="log__event">{e.event}</span>
        {e.event === 'MESSAGE_RECEIVED' && <OpenMessageButton message={e} />}
        <span className="log__details">{eventDetails(e)}</span>
      </div>
      {open && <RowDetailText text={eventDetail(e)} />}
    </div>
  );
});
