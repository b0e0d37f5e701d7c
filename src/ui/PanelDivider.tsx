// The divider above the run panels: drag it (or focus it and press the arrow keys) to give the
// panels more or less of the page. The height is remembered in localStorage.
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';

export const PANEL_HEIGHT_KEY = 'amqpFlow.panelHeight';
const DEFAULT_HEIGHT = 250;
const MIN_HEIGHT = 120;
const KEY_STEP = 40;

const maxHeight = () => Math.max(MIN_HEIGHT, (typeof window === 'undefined' ? 900 : window.innerHeight) - 160);
const clamp = (h: number) => Math.round(Math.min(maxHeight(), Math.max(MIN_HEIGHT, h)));

function savedHeight(): number {
  try {
    const v = Number(localStorage.getItem(PANEL_HEIGHT_KEY));
    return Number.isFinite(v) && v > 0 ? clamp(v) : DEFAULT_HEIGHT;
  } catch {
    return DEFAULT_HEIGHT; // storage refused (private mode): the default height
  }
}

/** Sets the page grid's open-panel height; collapsing the panels still overrides it. */
function apply(el: HTMLElement | null, height: number) {
  el?.closest<HTMLElement>('.app')?.style.setProperty('--bottom-open-height', `${height}px`);
}

export function PanelDivider() {
  const ref = useRef<HTMLDivElement>(null);
  const [height, setHeight] = useState(savedHeight);
  const drag = useRef<{ startY: number; startHeight: number } | null>(null);

  useEffect(() => {
    apply(ref.current, height);
  }, [height]);

  const commit = (h: number) => {
    const next = clamp(h);
    setHeight(next);
    try {
      localStorage.setItem(PANEL_HEIGHT_KEY, String(next));
    } catch {
      // not remembered, still applied
    }
  };

  const onPointerDown = (e: PointerEvent<HTMLDivElement>) => {
    drag.current = { startY: e.clientY, startHeight: height };
    e.currentTarget.setPointerCapture(e.pointerId);
    e.preventDefault();
  };
  const onPointerMove = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    // Dragging up makes the panels taller; only the CSS changes while the pointer moves.
    if (d) apply(ref.current, clamp(d.startHeight + d.startY - e.clientY));
  };
  const onPointerUp = (e: PointerEvent<HTMLDivElement>) => {
    const d = drag.current;
    drag.current = null;
    if (d) commit(d.startHeight + d.startY - e.clientY);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'ArrowUp') commit(height + KEY_STEP);
    else if (e.key === 'ArrowDown') commit(height - KEY_STEP);
    else if (e.key === 'Home') commit(MIN_HEIGHT);
    else if (e.key === 'End') commit(maxHeight());
    else return;
    e.preventDefault();
  };

  return (
    <div
      ref={ref}
      className="panel-divider"
      role="separator"
      aria-orientation="horizontal"
      aria-label="Resize the run panels"
      aria-valuenow={height}
      aria-valuemin={MIN_HEIGHT}
      aria-valuemax={maxHeight()}
      tabIndex={0}
      title="Drag to resize the run panels (or use the arrow keys)"
      onPointerDown={onPointerDown}
      onPointerMove={onPointerMove}
      onPointerUp={onPointerUp}
      onPointerCancel={onPointerUp}
      onKeyDown={onKeyDown}
    />
  );
}
