import { describe, expect, it } from 'vitest';
import { appendCapped } from './cappedList.ts';

const range = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => from + i);

describe('appendCapped', () => {
  it('returns the same list when nothing is added', () => {
    const list = [1, 2, 3];
    expect(appendCapped(list, [], 3)).toEqual({ list, dropped: 0 });
    expect(appendCapped(list, [], 3).list).toBe(list);
  });

  it('appends below the cap without dropping and leaves the old list alone', () => {
    const list = [1, 2];
    const r = appendCapped(list, [3, 4], 5);
    expect(r).toEqual({ list: [1, 2, 3, 4], dropped: 0 });
    expect(list).toEqual([1, 2]);
  });

  it('fills exactly to the cap without dropping', () => {
    expect(appendCapped([1, 2, 3], [4, 5], 5)).toEqual({ list: [1, 2, 3, 4, 5], dropped: 0 });
  });

  it('keeps the newest cap entries in order once full, one at a time and in batches', () => {
    const cap = 1000;
    let list: readonly number[] = [];
    let dropped = 0;
    let next = 0;
    for (const size of [1, 999, 1, 7, 500, 1, 333, 998]) {
      const r = appendCapped(list, range(next, next + size), cap);
      const before = list;
      const beforeCopy = [...before];
      list = r.list;
      dropped += r.dropped;
      next += size;
      expect(before).toEqual(beforeCopy); // the previous list is never changed
      expect(list).toEqual(range(Math.max(0, next - cap), next));
      expect(dropped).toBe(Math.max(0, next - cap));
    }
  });

  it('keeps only the newest of a batch larger than the cap', () => {
    const r = appendCapped([1, 2, 3], range(10, 20), 4);
    expect(r).toEqual({ list: [16, 17, 18, 19], dropped: 9 });
  });

  it('gives a full list every entry (no holes) so views can iterate it as a plain array', () => {
    const r = appendCapped(range(0, 10), [10, 11, 12], 10);
    expect(r.list).toHaveLength(10);
    expect(Object.keys(r.list)).toHaveLength(10);
    expect(r.list.every((v, i) => v === i + 3)).toBe(true);
  });
});
