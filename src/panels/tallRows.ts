// The opened rows of a windowed list, as the RowLayout's tall rows: each opened record's index among the
// rows shown and the height its detail adds. Only opened rows are looked for, so a list with none open
// costs nothing however long it is.
import type { TallRow } from './rowWindow.ts';

export interface TallRowMemo<T> {
  /** where each opened record was found last time: records only move towards the front as the log drops old ones */
  hints: Map<T, number>;
  /** records not among the rows under a filter: they never come back under it (records never change) */
  missing: Map<T, unknown>;
}

export const newTallRowMemo = <T,>(): TallRowMemo<T> => ({ hints: new Map(), missing: new Map() });

/** The index of `item` among `rowCount` rows (read by `rowAt`), or -1; searched back from `hint`, then everywhere. */
function locate<T>(item: T, rowCount: number, rowAt: (row: number) => T, hint: number): number {
  for (let i = Math.min(hint, rowCount - 1); i >= 0; i--) if (rowAt(i) === item) return i;
  for (let i = Math.max(0, hint + 1); i < rowCount; i++) if (rowAt(i) === item) return i;
  return -1;
}

/**
 * Opened records that are among the rows (filtered out or dropped ones are left out), sorted by index.
 * `filter` names what selects the rows: a record missing under one filter is not searched for again under it.
 */
export function tallRows<T>(
  open: ReadonlySet<T>, rowCount: number, rowAt: (row: number) => T, extraOf: (item: T) => number, filter: unknown, memo: TallRowMemo<T>,
): TallRow[] {
  const out: TallRow[] = [];
  if (open.size === 0) {
    memo.hints.clear();
    memo.missing.clear();
    return out;
  }
  for (const item of open) {
    if (memo.missing.has(item) && memo.missing.get(item) === filter) continue;
    const index = locate(item, rowCount, rowAt, memo.hints.get(item) ?? rowCount - 1);
    if (index < 0) {
      memo.hints.delete(item);
      memo.missing.set(item, filter);
      continue;
    }
    memo.missing.delete(item);
    memo.hints.set(item, index);
    out.push({ index, extra: extraOf(item) });
  }
  return out.sort((a, b) => a.index - b.index);
}
