// The Frames panel: decoded performatives one per line (or as a sequence diagram), filtered to the
// node selected on the canvas; a click flashes the frame's node on the canvas.
import { lazy, Suspense, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { FrameRecord } from '../engine/events.ts';
import { useDocument } from '../store/documentStore.ts';
import { frameSummary } from '../store/describeFrame.ts';
import { useRunControl } from '../store/runController.ts';
import { useRun } from '../store/runStore.ts';
import { flashNode } from './flashNode.ts';
import { DetailToggle, detailHeight, frameDetail, RowDetailText, useOpenRows } from './RowDetail.tsx';
import { FrameExplanation } from './FrameExplanation.tsx';
import { frameSubject } from './explain/frameSubject.ts';
import { selectFrame, useFrameSelection } from './frameSelection.ts';
import { SequenceExport } from './SequenceExport.tsx';
import { scrollToEnd, useFollowTail } from './useFollowTail.ts';
import { useFrameNodes } from './useFrameNodes.ts';

const SequenceDiagram = lazy(() => import('./SequenceDiagram.tsx'));

const ROW_HEIGHT = 22;

/** Whether `nodeId` (where a frame was attributed) is `selected` or lies under it in the graph. */
function isUnder(nodeId: string, selected: string, parentOf: Readonly<Record<string, string>>): boolean {
  for (let id: string | undefined = nodeId; id; id = parentOf[id]) if (id === selected) return true;
  return false;
}

/** The performatives seen so far, sorted; learned incrementally as the trace grows. */
function usePerformatives(frames: readonly FrameRecord[]): readonly string[] {
  const memo = useRef<{ frames: readonly FrameRecord[] | null; seen: Set<string>; list: string[] }>({ frames: null, seen: new Set(), list: [] });
  const m = memo.current;
  if (m.frames !== frames) {
    const from = m.frames && frames.length >= m.frames.length && frames[0] === m.frames[0] ? m.frames.length : 0;
    if (from === 0) m.seen = new Set();
    let added = false;
    for (let i = from; i < frames.length; i++) {
      const p = frames[i]!.performative;
      if (!m.seen.has(p)) {
        m.seen.add(p);
        added = true;
      }
    }
    if (added || from === 0) m.list = [...m.seen].sort();
    m.frames = frames;
  }
  return m.list;
}

export function FrameTrace() {
  const frames = useRun((s) => s.frames);
  const frameTotal = useRun((s) => s.frameTotal);
  const dropped = useRun((s) => s.framesDropped);
  const graph = useRun((s) => s.graph);
  const parentOf = useRun((s) => s.parentOf);
  const kindOf = useRun((s) => s.kindOf);
  const selected = useDocument((s) => s.selection.nodes[0] ?? null);
  const nextHeld = useRunControl((s) => s.nextHeld);
  const [view, setView] = useState<'list' | 'sequence'>('list');
  const [onlySelected, setOnlySelected] = useState(true);
  const [performative, setPerformative] = useState('');
  useEffect(() => {
    if (!graph) setPerformative(''); // a new flow: no filter left over from the last one
  }, [graph]);
  const frameNodes = useFrameNodes(graph, frames, frameTotal);
  const explained = useFrameSelection((s) => s.frame);

  // A transfer node's frames are its sender's.
  const focus = selected && kindOf[selected] === 'transfer' ? parentOf[selected] ?? selected : selected;
  const filtering = onlySelected && focus !== null && focus in kindOf;
  // Without a filter every frame is a row: no index array is built for a 50,000-frame trace.
  const rows = useMemo((): readonly number[] | null => {
    if (!filtering && !performative) return null;
    const out: number[] = [];
    for (let i = 0; i < frames.length; i++) {
      if ((!filtering || isUnder(frameNodes[i]!, focus, parentOf)) && (!performative || frames[i]!.performative === performative)) out.push(i);
    }
    return out;
  }, [frames, frameNodes, filtering, focus, parentOf, performative]);
  const rowCount = rows ? rows.length : frames.length;
  const frameAt = (row: number) => (rows ? rows[row]! : row);
  const performatives = usePerformatives(frames);

  const scrollRef = useRef<HTMLDivElement>(null);
  const { open, toggle } = useOpenRows<FrameRecord>();
  const virtualizer = useVirtualizer({
    count: view === 'list' ? rowCount : 0,
    getScrollElement: () => scrollRef.current,
    estimateSize: (row) => {
      const f = frames[frameAt(row)]!;
      return open.has(f) ? ROW_HEIGHT + detailHeight(frameDetail(f)) : ROW_HEIGHT;
    },
    // A new key function when rows open or close makes the virtualiser lay them out again.
    // eslint-disable-next-line react-hooks/exhaustive-deps -- open and rows are the reason for a new key function
    getItemKey: useCallback((row: number) => row, [open, rows]),
    overscan: 12,
  });
  const follow = useFollowTail(scrollRef);
  useEffect(() => {
    if (view === 'list' && follow.current && rowCount) scrollToEnd(scrollRef.current, virtualizer.getTotalSize());
  }, [rowCount, frames, follow, view, virtualizer]);

  return (
    <div className="panel panel--frames">
      <div className="panel__toolbar">
        <div role="radiogroup" aria-label="Frames view" className="panel__switch">
          <label>
            <input type="radio" name="frames-view" checked={view === 'list'} onChange={() => setView('list')} /> List
          </label>
          <label>
            <input type="radio" name="frames-view" checked={view === 'sequence'} onChange={() => setView('sequence')} /> Sequence diagram
          </label>
        </div>
        <label>
          <input type="checkbox" checked={onlySelected} onChange={(e) => setOnlySelected(e.target.checked)} /> Selected node only
          {filtering && <span className="panel__muted"> ({focus})</span>}
        </label>
        <select aria-label="Filter by performative" value={performative} onChange={(e) => setPerformative(e.target.value)}>
          <option value="">All performatives</option>
          {(performative && !performatives.includes(performative) ? [...performatives, performative] : performatives).map((p) => (
            <option key={p} value={p}>
              {p}
            </option>
          ))}
        </select>
        <span className="panel__count">{rows ? `${rows.length} of ${frames.length} frames` : `${frames.length} frames`}</span>
        {dropped > 0 && <span className="panel__note">{dropped} older frames dropped</span>}
        {view === 'sequence' && <SequenceExport frames={frames} rows={rows} />}
      </div>
      {nextHeld && (
        <div className="panel__step" role="status" aria-label="Next frame">
          {nextHeld}
        </div>
      )}
      {frames.length === 0 && <p className="panel__empty">Press Run to see the frames on the wire.</p>}
      {view === 'sequence' ? (
        <Suspense fallback={<p className="panel__empty">Loading the diagram…</p>}>
          <SequenceDiagram frames={frames} rows={rows} frameNodes={frameNodes} />
        </Suspense>
      ) : (
        <div ref={scrollRef} className="panel__scroll" role="list" aria-label="Frame list">
          <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
            {virtualizer.getVirtualItems().map((item) => {
              const i = frameAt(item.index);
              const f = frames[i]!;
              const isOpen = open.has(f);
              return (
                <div
                  key={item.key}
                  role="listitem"
                  className={`frame__row frame__row--${f.dir}${f === explained ? ' frame__row--selected' : ''}`}
                  data-performative={f.performative}
                  data-node={frameNodes[i]}
                  style={{ position: 'absolute', top: 0, left: 0, right: 0, height: item.size, transform: `translateY(${item.start}px)` }}
                  onClick={() => {
                    flashNode(frameNodes[i] ?? f.connection);
                    selectFrame(f, frameSubject(frames, frameNodes, parentOf, i));
                  }}
                >
                  <div className="row__line" style={{ height: ROW_HEIGHT }}>
                    <DetailToggle open={isOpen} onToggle={() => toggle(f)} />
                    <span className="frame__at">{f.at.toFixed(0)} ms</span>
                    <span className="frame__conn">{f.connection}</span>
                    <span className="frame__dir" aria-label={f.dir === 'out' ? 'sent' : 'received'}>
                      {f.dir === 'out' ? '→' : '←'}
                    </span>
                    <span className="frame__perf">{f.performative}</span>
                    <span className="frame__ch">ch {f.channel}</span>
                    <span className="frame__fields">{frameSummary(f)}</span>
                  </div>
                  {isOpen && <RowDetailText text={frameDetail(f)} />}
                </div>
              );
            })}
          </div>
        </div>
      )}
      <FrameExplanation />
    </div>
  );
}
