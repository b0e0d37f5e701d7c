// A windowed list of rows: a scroll box (`role="list"`), a spacer as tall as every row, and one box moved
// to where the first drawn row sits, holding only the rows in view (see `useRowWindow.ts`). The event log
// and the frame list draw their rows through it; a row must be a `role="listitem"` as tall as the layout says.
import { Fragment, useImperativeHandle, useRef, type ReactNode, type Ref } from 'react';
import { slotOf, type RowLayout } from './rowWindow.ts';
import { useRowWindow } from './useRowWindow.ts';

/** What a list's owner may ask of it from outside. */
export interface WindowedRowsHandle {
  /** scrolls so row `i` is in view (it follows the tail again only if that is the end) */
  scrollToRow(i: number): void;
}

interface WindowedRowsProps {
  layout: RowLayout;
  /** rows drawn beyond each edge of the viewport */
  overscan: number;
  /** the list's accessible name */
  label: string;
  /** draws row `i`, `layout.heightOf(i)` pixels tall */
  row: (i: number) => ReactNode;
  ref?: Ref<WindowedRowsHandle>;
}

export function WindowedRows({ layout, overscan, label, row, ref }: WindowedRowsProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  const shown = useRowWindow(scrollRef, layout, overscan);
  const { scrollToRow } = shown;
  useImperativeHandle(ref, () => ({ scrollToRow }), [scrollToRow]);

  const drawn: ReactNode[] = [];
  // keyed by slot: when the list scrolls or grows by d rows only d drawn rows get new content
  for (let i = shown.first; i < shown.last; i++) drawn.push(<Fragment key={slotOf(i, shown.first, shown.last)}>{row(i)}</Fragment>);
  return (
    <div ref={scrollRef} className="panel__scroll" role="list" aria-label={label}>
      <div style={{ height: shown.total }}>
        {/* the drawn rows stack in normal flow, moved as one to where the first of them sits */}
        <div style={{ transform: `translateY(${layout.topOf(shown.first)}px)` }}>{drawn}</div>
      </div>
    </div>
  );
}
