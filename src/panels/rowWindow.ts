// Windowing by arithmetic: where each row of a long list sits and which rows a scroll position shows,
// worked out from heights known in advance, so a list never measures its rows in the page.

/** Where rows sit in a list: the top of row `i`, the row at a height, and the list's whole height. */
export interface RowLayout {
  readonly count: number;
  readonly total: number;
  topOf(i: number): number;
  heightOf(i: number): number;
  /** the row under `y` (clamped to the list) */
  indexAt(y: number): number;
}

/** A row taller than the rest (an opened row with its detail): its index and the extra pixels. */
export interface TallRow {
  index: number;
  extra: number;
}

const EMPTY: readonly TallRow[] = [];

/**
 * Rows of one height, except a few `tall` ones (sorted by index). Every answer is arithmetic over the
 * tall rows only, so a 100,000-row list costs what a handful of opened rows cost.
 */
export function fixedRowLayout(count: number, rowHeight: number, tall: readonly TallRow[] = EMPTY): RowLayout {
  let extraTotal = 0;
  for (const t of tall) extraTotal += t.extra;
  const extraBefore = (i: number) => {
    let sum = 0;
    for (const t of tall) {
      if (t.index >= i) break;
      sum += t.extra;
    }
    return sum;
  };
  return {
    count,
    total: count * rowHeight + extraTotal,
    topOf: (i) => i * rowHeight + extraBefore(i),
    heightOf: (i) => rowHeight + (tall.find((t) => t.index === i)?.extra ?? 0),
    indexAt(y) {
      if (count === 0) return 0;
      let before = 0; // extra pixels of the tall rows above
      for (const t of tall) {
        const top = t.index * rowHeight + before;
        if (y < top) break;
        if (y < top + rowHeight + t.extra) return t.index;
        before += t.extra;
      }
      return clamp(Math.floor((y - before) / rowHeight), 0, count - 1);
    },
  };
}

/** Rows of varying but known heights: prefix sums, and a binary search for the row at a height. */
export function variableRowLayout(heights: readonly number[]): RowLayout {
  const count = heights.length;
  const tops = new Float64Array(count + 1);
  for (let i = 0; i < count; i++) tops[i + 1] = tops[i]! + heights[i]!;
  return {
    count,
    total: tops[count]!,
    topOf: (i) => tops[clamp(i, 0, count)]!,
    heightOf: (i) => heights[i] ?? 0,
    indexAt(y) {
      if (count === 0) return 0;
      let lo = 0;
      let hi = count - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (tops[mid]! <= y) lo = mid;
        else hi = mid - 1;
      }
      return lo;
    },
  };
}

/** The rows to draw for a viewport at `scrollTop`, `overscan` more on each side; `last` is exclusive. */
export function visibleRows(layout: RowLayout, scrollTop: number, viewport: number, overscan: number): { first: number; last: number } {
  if (layout.count === 0) return { first: 0, last: 0 };
  const top = clamp(scrollTop, 0, Math.max(0, layout.total - viewport));
  const first = Math.max(0, layout.indexAt(top) - overscan);
  const last = Math.min(layout.count, layout.indexAt(top + viewport) + 1 + overscan);
  return { first, last };
}

/** Where a list scrolled to its end has its top: the whole height less the viewport. */
export const endScrollTop = (layout: RowLayout, viewport: number) => Math.max(0, layout.total - viewport);

function clamp(v: number, lo: number, hi: number) {
  return v < lo ? lo : v > hi ? hi : v;
}

/**
 * A key for row `i` among the rows drawn, `first` … `last`: a ring of slots as large as the window, so
 * when the list scrolls or grows by d rows only d elements get new content and none is made anew.
 */
export function slotOf(i: number, first: number, last: number): number {
  let ring = 16;
  while (ring < last - first) ring *= 2;
  return i % ring;
}
