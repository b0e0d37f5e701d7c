// A windowed list that follows its tail: which rows to draw for the scroll position, worked out from a
// RowLayout (no row is ever measured), and while the reader is at the bottom the list stays there as it
// grows; it lets go as soon as they scroll up to read. The viewport's height comes from a
// ResizeObserver and the scroll position from scroll events, so a render reads no layout (a scroll
// event reads the box's heights once, to tell whether the reader is at the bottom).
import { useCallback, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import { endScrollTop, visibleRows, type RowLayout } from './rowWindow.ts';

const SLACK_PX = 30;

export interface RowWindow {
  /** first row to draw */
  first: number;
  /** one past the last row to draw */
  last: number;
  /** the spacer's height: every row's */
  total: number;
  /** scrolls so row `i` is in view (it follows the tail again only if that is the end) */
  scrollToRow(i: number): void;
}

/** 'end' while following the tail; else where the reader scrolled to. */
type Position = number | 'end';

export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, layout: RowLayout, overscan: number): RowWindow {
  const [position, setPosition] = useState<Position>('end');
  const [viewport, setViewport] = useState(0);
  const layoutRef = useRef(layout);
  const viewportRef = useRef(viewport);
  useLayoutEffect(() => {
    layoutRef.current = layout;
    viewportRef.current = viewport;
  });

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    setViewport(el.clientHeight); // once, on mount; from then on the observer says
    const observer = new ResizeObserver((entries) => setViewport(entries[0]!.contentRect.height));
    observer.observe(el);
    const onScroll = () => {
      const top = el.scrollTop;
      // Whether the reader is at the bottom is read from the box itself, not from the height state:
      // a box shown again or resized fires its scroll event before the observer has told us its new
      // height, and judging by the old one let go of the tail of a list nobody scrolled.
      const atEnd = el.scrollHeight - top - el.clientHeight <= SLACK_PX;
      setPosition(atEnd ? 'end' : top);
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      observer.disconnect();
      el.removeEventListener('scroll', onScroll);
    };
  }, [scrollRef]);

  const scrollTop = position === 'end' ? endScrollTop(layout, viewport) : position;
  // Following: keep the list at its end as it grows (a write, never a read).
  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (el && position === 'end') el.scrollTop = scrollTop;
  }, [scrollRef, position, scrollTop]);

  const scrollToRow = useCallback(
    (i: number) => {
      const el = scrollRef.current;
      const l = layoutRef.current;
      if (!el || i < 0 || i >= l.count) return;
      const top = l.topOf(i);
      const vp = viewportRef.current;
      const current = el.scrollTop;
      if (top >= current && top + l.heightOf(i) <= current + vp) return; // already in view
      const target = Math.max(0, Math.min(top - vp / 3, endScrollTop(l, vp)));
      el.scrollTop = target;
      setPosition(l.total - target - vp <= SLACK_PX ? 'end' : target);
    },
    [scrollRef],
  );

  const { first, last } = visibleRows(layout, scrollTop, viewport || 600, overscan);
  return { first, last, total: layout.total, scrollToRow };
}
