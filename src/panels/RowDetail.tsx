// Opening a log or frame row to its whole detail: a disclosure button at the row's start (so a
// click on the row itself stays free for selecting or explaining), and the full text below the
// row in a box of known height, so the virtualised list can place rows without measuring them.
import { useCallback, useState, type MouseEvent } from 'react';
import type { EngineEvent, FrameRecord } from '../engine/events.ts';

const DETAIL_LINE = 15;
const DETAIL_PAD = 10;
/** Longer details scroll inside their box. */
const DETAIL_MAX_LINES = 16;

function pretty(v: unknown): string {
  try {
    return JSON.stringify(v, null, 2) ?? String(v);
  } catch {
    return String(v);
  }
}

/** Everything recorded about a frame, field by field. */
export function frameDetail(f: FrameRecord): string {
  const head = `${f.at.toFixed(1)} ms  ${f.connection} ${f.dir === 'out' ? 'sent' : 'received'}  channel ${f.channel}  ${f.performative}`;
  const message = f.message ? `\nmessage: “${f.message.summary}” (${f.message.size} bytes)` : '';
  return `${head}\n${pretty(f.fields)}${message}`;
}

/** Everything an engine event carries, its error condition, description and hint spelled out. */
export function eventDetail(e: EngineEvent): string {
  const { at, node, event, errorDetail, ...rest } = e;
  const lines = [`${at.toFixed(1)} ms  ${node}  ${event}`];
  if (Object.keys(rest).length) lines.push(pretty(rest));
  if (errorDetail) {
    lines.push(`condition: ${errorDetail.condition}`, `description: ${errorDetail.description}`);
    if (errorDetail.hint) lines.push(`hint: ${errorDetail.hint}`);
  }
  return lines.join('\n');
}

/** Height in pixels of a detail box holding `text`. */
export function detailHeight(text: string): number {
  const lines = text.split('\n').length;
  return Math.min(lines, DETAIL_MAX_LINES) * DETAIL_LINE + DETAIL_PAD;
}

/** Which rows are open, by the record they show (records never change once made). */
export function useOpenRows<T extends object>() {
  const [open, setOpen] = useState<ReadonlySet<T>>(() => new Set());
  const toggle = useCallback((item: T) => {
    setOpen((s) => {
      const next = new Set(s);
      if (!next.delete(item)) next.add(item);
      return next;
    });
  }, []);
  return { open, toggle };
}

export function DetailToggle({ open, onToggle }: { open: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      className="row__toggle"
      aria-expanded={open}
      aria-label={open ? 'Hide details' : 'Show details'}
      title={open ? 'Hide details' : 'Show the whole entry'}
      onClick={(e: MouseEvent) => {
        e.stopPropagation(); // the row's own click (select, explain) is a different action
        onToggle();
      }}
    >
      {open ? '▾' : '▸'}
    </button>
  );
}

export function RowDetailText({ text }: { text: string }) {
  return (
    <pre className="row__detail" style={{ height: detailHeight(text) }} onClick={(e) => e.stopPropagation()}>
      {text}
    </pre>
  );
}
