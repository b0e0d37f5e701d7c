// The Frames panel: decoded performatives one per line (or as a sequence diagram), filtered to the
// node selected on the canvas; a click flashes the frame's node on the canvas.
import { lazy, memo, Suspense, useEffect, useMemo, useRef, useState } from 'react';
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
import { fixedRowLayout, type RowLayout } from './rowWindow.ts';
import { newTallRowMemo, tallRows } from './tallRows.ts';
import { useFrameNodes } from './useFrameNodes.ts';
import { WindowedRows, type WindowedRowsHandle } from './WindowedRows.tsx';

const SequenceDiagram = lazy(() => import('./SequenceDiagram.tsx'));

const ROW_HEIGHT = 22;
const OVERSCAN = 12;

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
  const frameNodes = useFrameNodes();

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

  const { open, toggle } = useOpenRows<FrameRecord>();
  const [tallMemo] = useState(newTallRowMemo<FrameRecord>);
  const filterKey = `${filtering ? focus : ''}|${performative}`;
  const layout = useMemo(() => {
    const tall = tallRows(open, rowCount, (row) => frames[rows ? rows[row]! : row]!, (f) => detailHeight(frameDetail(f)), filterKey, tallMemo);
    return fixedRowLayout(rowCount, ROW_HEIGHT, tall);
  }, [open, rows, rowCount, frames, filterKey, tallMemo]);

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
        <FrameList layout={layout} frames={frames} frameAt={frameAt} frameNodes={frameNodes} open={open} toggle={toggle} />
      )}
      <FrameExplanation />
    </div>
  );
}

interface FrameListProps {
  layout: RowLayout;
  frames: readonly FrameRecord[];
  frameAt: (row: number) => number;
  frameNodes: readonly string[];
  open: ReadonlySet<FrameRecord>;
  toggle: (f: FrameRecord) => void;
}

/** The list view: only the rows in view are drawn; a frame explained from elsewhere is scrolled into view. */
function FrameList({ layout, frames, frameAt, frameNodes, open, toggle }: FrameListProps) {
  const listRef = useRef<WindowedRowsHandle>(null);
  const explained = useFrameSelection((s) => s.frame);
  useEffect(() => {
    if (!explained) return;
    // rows are looked for only when the explained frame changes
    for (let row = layout.count - 1; row >= 0; row--) {
      if (frames[frameAt(row)] === explained) return listRef.current?.scrollToRow(row);
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only a newly explained frame scrolls the list
  }, [explained]);

  const drawRow = (row: number) => {
    const i = frameAt(row);
    const f = frames[i]!;
    return (
      <FrameRow
        frame={f}
        index={i}
        frames={frames}
        frameNodes={frameNodes}
        height={layout.heightOf(row)}
        open={open.has(f)}
        selected={f === explained}
        onToggle={toggle}
      />
    );
  };
  return <WindowedRows ref={listRef} layout={layout} overscan={OVERSCAN} label="Frame list" row={drawRow} />;
}

interface FrameRowProps {
  frame: FrameRecord;
  /** its index in `frames` */
  index: number;
  frames: readonly FrameRecord[];
  frameNodes: readonly string[];
  height: number;
  open: boolean;
  selected: boolean;
  onToggle: (f: FrameRecord) => void;
}

const FrameRow = memo(
  function FrameRow({ frame: f, index: i, frames, frameNodes, height, open, selected, onToggle }: FrameRowProps) {
    return (
      <div
        role="listitem"
        className={`frame__row frame__row--${f.dir}${selected ? ' frame__row--selected' : ''}`}
        data-performative={f.performative}
        data-node={frameNodes[i]}
        style={{ height }}
        onClick={() => {
          // `frames` and `frameNodes` may be those of an earlier render: they never change, and `i` indexes both
          flashNode(frameNodes[i] ?? f.connection);
          selectFrame(f, frameSubject(frames, frameNodes, useRun.getState().parentOf, i));
        }}
      >
        <div className="row__line" style={{ height: ROW_HEIGHT }}>
          <DetailToggle open={open} onToggle={() => onToggle(f)} />
          <span className="frame__at">{f.at.toFixed(0)} ms</span>
          <span className="frame__conn">{f.connection}</span>
          <span className="frame__dir" aria-label={f.dir === 'out' ? 'sent' : 'received'}>
            {f.dir === 'out' ? '→' : '←'}
          </span>
          <span className="frame__perf">{f.performative}</span>
          <span className="frame__ch">ch {f.channel}</span>
          <span className="frame__fields">{frameSummary(f)}</span>
        </div>
        {open && <RowDetailText text={frameDetail(f)} />}
      </div>
    );
  },
  // Redrawn when what it shows changes, not because the frame list behind it grew.
  (a, b) => a.frame === b.frame && a.height === b.height && a.open === b.open && a.selected === b.selected && a.frameNodes[a.index] === b.frameNodes[b.index] && a.onToggle === b.onToggle,
);
