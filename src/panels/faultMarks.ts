// Marks for injected faults on the Credit charts: a dashed vertical line at each FAULT event's time,
// labelled with the fault, so cause (the fault) and effect (credit, throughput) sit side by side.
import type uPlot from 'uplot';
import type { EngineEvent } from '../engine/events.ts';
import { FAULTS } from '../graph/faults.ts';

export interface FaultMark {
  /** seconds since the run started (the charts' x axis) */
  t: number;
  label: string;
}

/** The mark for an event, or null when it is not a fault (frame faults mark when armed, not again when they hit). */
export function faultMarkOf(e: EngineEvent): FaultMark | null {
  if (e.event !== 'FAULT' || e.frame !== undefined) return null;
  return { t: Math.round(e.at) / 1000, label: `${FAULTS[e.fault]?.label ?? e.fault} (${e.node})` };
}

const MARK_COLOUR = '#c2410c';

/** A uPlot plugin drawing the current marks over the plot area. */
export function faultMarksPlugin(marks: () => readonly FaultMark[]): uPlot.Plugin {
  return {
    hooks: {
      draw: [
        (u: uPlot) => {
          const list = marks();
          if (!list.length) return;
          const { ctx } = u;
          const { top, height } = u.bbox;
          ctx.save();
          ctx.strokeStyle = MARK_COLOUR;
          ctx.fillStyle = MARK_COLOUR;
          ctx.lineWidth = Math.max(1, devicePixelRatio);
          ctx.setLineDash([5 * devicePixelRatio, 4 * devicePixelRatio]);
          ctx.font = `${11 * devicePixelRatio}px system-ui, sans-serif`;
          for (const m of list) {
            const x = Math.round(u.valToPos(m.t, 'x', true));
            if (x < u.bbox.left || x > u.bbox.left + u.bbox.width) continue;
            ctx.beginPath();
            ctx.moveTo(x, top);
            ctx.lineTo(x, top + height);
            ctx.stroke();
            ctx.fillText(`⚡ ${m.label}`, x + 4 * devicePixelRatio, top + 12 * devicePixelRatio);
          }
          ctx.restore();
        },
      ],
    },
  };
}
