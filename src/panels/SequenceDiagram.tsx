// The frame trace as a sequence diagram: a client and a broker lane per connection, one arrow per
// frame labelled with its performative and key fields (wrapped, never clipped). Windowed: only the
// rows in view are drawn.
import { useMemo, useRef } from 'react';
import type { FrameRecord } from '../engine/events.ts';
import { arrowFields, arrowLabel, wrapWords } from './arrowLabel.ts';
import { flashNode } from './flashNode.ts';
import { useRun } from '../store/runStore.ts';
import { frameSubject } from './explain/frameSubject.ts';
import { selectFrame, useFrameSelection } from './frameSelection.ts';
import { variableRowLayout } from './rowWindow.ts';
import { useRowWindow } from './useRowWindow.ts';

const LINE_HEIGHT = 12;
/** space below the label lines for the arrow itself */
const ARROW_SPACE = 14;
const LANE_GAP = 300;
/** characters of 10 px monospace that fit between two lanes */
const LABEL_CHARS = Math.floor((LANE_GAP - 24) / 6.1);

/** The label's lines: the performative leads the first line. */
const labelLines = (f: FrameRecord) => wrapWords([f.performative, ...arrowFields(f)], LABEL_CHARS);
const rowHeight = (lines: number) => 4 + lines * LINE_HEIGHT + ARROW_SPACE;
// Frames never change once recorded, so a row's height is worked out once per frame.
const heights = new WeakMap<FrameRecord, number>();
function frameRowHeight(f: FrameRecord): number {
  let h = heights.get(f);
  if (h === undefined) heights.set(f, (h = rowHeight(labelLines(f).length)));
  return h;
}
const PAIR_GAP = 80;
const MARGIN = 60;

export interface SequenceDiagramProps {
  frames: readonly FrameRecord[];
  /** indices into `frames` to draw, in order; null for all of them */
  rows: readonly number[] | null;
  frameNodes: readonly string[];
}

export default function SequenceDiagram({ frames, rows, frameNodes }: SequenceDiagramProps) {
  // Connections in order of their first frame; each gets a client lane and a broker lane.
  const connections = useMemo(() => {
    const seen: string[] = [];
    const count = rows ? rows.length : frames.length;
    for (let r = 0; r < count; r++) {
      const c = frames[rows ? rows[r]! : r]!.connection;
      if (!seen.includes(c)) seen.push(c);
    }
    return seen;
  }, [frames, rows]);
  const laneX = (connection: string, side: 'client' | 'broker') => {
    const k = Math.max(0, connections.indexOf(connection));
    return MARGIN + k * (LANE_GAP + PAIR_GAP) + (side === 'broker' ? LANE_GAP : 0);
  };
  const width = MARGIN * 2 + Math.max(1, connections.length) * (LANE_GAP + PAIR_GAP) - PAIR_GAP;

  const explained = useFrameSelection((s) => s.frame);
  const rowCount = rows ? rows.length : frames.length;
  const scrollRef = useRef<HTMLDivElement>(null);
  // Each row is as tall as its wrapped label; the height is known without measuring the DOM.
  const layout = useMemo(() => {
    const heights = new Array<number>(rowCount);
    for (let r = 0; r < rowCount; r++) heights[r] = frameRowHeight(frames[rows ? rows[r]! : r]!);
    return variableRowLayout(heights);
  }, [frames, rows, rowCount]);
  const shown = useRowWindow(scrollRef, layout, 8);
  const items: { index: number; start: number }[] = [];
  for (let r = shown.first; r < shown.last; r++) items.push({ index: r, start: layout.topOf(r) });

  const lanes = connections.flatMap((c) => [
    { key: `${c}-client`, x: laneX(c, 'client'), label: `${c} (page)` },
    { key: `${c}-broker`, x: laneX(c, 'broker'), label: 'broker' },
  ]);

  return (
    <div className="sequence" role="img" aria-label="Sequence diagram of the frames">
      <svg className="sequence__heads" width={width} height={24} aria-hidden="true">
        {lanes.map((l) => (
          <text key={l.key} x={l.x} y={16} textAnchor="middle">
            {l.label}
          </text>
        ))}
      </svg>
      <div ref={scrollRef} className="panel__scroll sequence__scroll">
        <div style={{ height: shown.total, width, position: 'relative' }}>
          {items.map((item) => {
            const i = rows ? rows[item.index]! : item.index;
            const f = frames[i]!;
            const client = laneX(f.connection, 'client');
            const broker = laneX(f.connection, 'broker');
            const [from, to] = f.dir === 'out' ? [client, broker] : [broker, client];
            const tip = to > from ? to - 6 : to + 6;
            const lines = labelLines(f);
            const height = rowHeight(lines.length);
            const y = height - ARROW_SPACE / 2;
            return (
              <svg
                key={item.index}
                className={`sequence__row sequence__row--${f.dir}${f === explained ? ' sequence__row--selected' : ''}`}
                data-performative={f.performative}
                data-label={arrowLabel(f)}
                width={width}
                height={height}
                style={{ position: 'absolute', top: 0, left: 0, transform: `translateY(${item.start}px)` }}
                onClick={() => {
                  flashNode(frameNodes[i] ?? f.connection);
                  selectFrame(f, frameSubject(frames, frameNodes, useRun.getState().parentOf, i));
                }}
              >
                <title>{`${f.at.toFixed(0)} ms ch ${f.channel} ${arrowLabel(f)}`}</title>
                {lanes.map((l) => (
                  <line key={l.key} className="sequence__lane" x1={l.x} x2={l.x} y1={0} y2={height} />
                ))}
                <line className="sequence__arrow" x1={from} x2={tip} y1={y} y2={y} />
                <polygon className="sequence__head" points={`${to},${y} ${tip},${y - 4} ${tip},${y + 4}`} />
                <text className="sequence__label" x={(client + broker) / 2} y={2} textAnchor="middle">
                  {lines.map((line, k) => (
                    <tspan key={k} x={(client + broker) / 2} dy={LINE_HEIGHT} className={k === 0 ? 'sequence__perf' : undefined}>
                      {line}
                    </tspan>
                  ))}
                </text>
                <text className="sequence__at" x={4} y={y + 3}>
                  {f.at.toFixed(0)}
                </text>
              </svg>
            );
          })}
        </div>
      </div>
    </div>
  );
}
