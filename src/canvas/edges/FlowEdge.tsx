// A parent → child edge that shows traffic: a dashed pulse whose speed follows the message rate
// through the child (aggregate, never one sprite per message), and in Slow motion one dot per transfer.
import { memo, useEffect, useState } from 'react';
import { BaseEdge, EdgeLabelRenderer, getBezierPath, type EdgeProps } from '@xyflow/react';
import { subscribeBatch } from '../../store/runBatch.ts';
import { useEdgeActivity } from '../../panels/useEdgeActivity.ts';
import { useSlowMotion } from '../../panels/useSlowMotion.ts';

const DOT_MS = 1200;
const MAX_DOTS = 12;

/** Seconds for one dash cycle: faster as the rate grows, on a log scale so 10/s and 10,000/s both read. */
export function pulseSeconds(rate: number): number {
  return Math.max(0.25, 2.4 / Math.log2(rate + 2));
}

/** One dot per message moving into `target` (its own events or those of nodes below it). */
function useMovingDots(target: string, on: boolean): number[] {
  const [dots, setDots] = useState<number[]>([]);
  useEffect(() => {
    if (!on) return;
    let nextKey = 0;
    const timers = new Set<ReturnType<typeof setTimeout>>();
    const unsubscribe = subscribeBatch(({ events, state: s, reset }) => {
      if (reset) return; // history, not messages moving now
      for (const e of events) {
        if (e.event !== 'TRANSFER_SENT' && e.event !== 'MESSAGE_RECEIVED') continue;
        let through = false;
        for (let id: string | undefined = e.node; id; id = s.parentOf[id]) if (id === target) through = true;
        if (!through) continue;
        const key = nextKey++;
        setDots((d) => (d.length >= MAX_DOTS ? d : [...d, key]));
        const timer = setTimeout(() => {
          timers.delete(timer);
          setDots((d) => d.filter((k) => k !== key));
        }, DOT_MS);
        timers.add(timer);
      }
    });
    return () => {
      unsubscribe();
      for (const t of timers) clearTimeout(t);
      setDots([]);
    };
  }, [target, on]);
  return dots;
}

function FlowEdge(props: EdgeProps) {
  const { id, target, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, markerEnd, style } = props;
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const rate = useEdgeActivity(target);
  const slow = useSlowMotion((s) => s.on);
  const dots = useMovingDots(target, slow);
  return (
    <>
      <BaseEdge id={id} path={path} markerEnd={markerEnd} style={style} />
      {rate > 0 && !slow && (
        <path
          d={path}
          className="flow-edge__pulse"
          data-rate={Math.round(rate)}
          style={{ animationDuration: `${pulseSeconds(rate)}s` }}
        />
      )}
      {dots.map((key) => (
        <circle key={key} r={5} className="flow-edge__dot">
          <animateMotion dur={`${DOT_MS}ms`} repeatCount="1" path={path} fill="freeze" />
        </circle>
      ))}
      {rate > 0 && (
        <EdgeLabelRenderer>
          <div
            className="flow-edge__rate nodrag nopan"
            // Above the edge's midpoint, between the cards: never on the line, a handle or a card's text.
            style={{ transform: `translate(${labelX}px, ${labelY}px) translate(-50%, calc(-100% - 6px))` }}
          >
            {rate >= 10 ? Math.round(rate) : rate.toFixed(1)}/s
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export default memo(FlowEdge);
