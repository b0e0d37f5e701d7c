import { describe, expect, it } from 'vitest';
import { endScrollTop, fixedRowLayout, variableRowLayout, visibleRows } from './rowWindow.ts';
import { newTallRowMemo, tallRows } from './tallRows.ts';

describe('fixedRowLayout', () => {
  it('places rows of one height by arithmetic', () => {
    const l = fixedRowLayout(100_000, 22);
    expect(l.total).toBe(2_200_000);
    expect(l.topOf(10)).toBe(220);
    expect(l.indexAt(0)).toBe(0);
    expect(l.indexAt(221)).toBe(10);
    expect(l.indexAt(10e9)).toBe(99_999);
  });

  it('makes room for opened rows and finds rows below and inside them', () => {
    const l = fixedRowLayout(10, 20, [{ index: 2, extra: 100 }, { index: 5, extra: 50 }]);
    expect(l.total).toBe(350);
    expect(l.topOf(2)).toBe(40);
    expect(l.heightOf(2)).toBe(120);
    expect(l.topOf(3)).toBe(160);
    expect(l.topOf(6)).toBe(20 * 6 + 150);
    expect(l.indexAt(100)).toBe(2); // inside row 2's detail
    expect(l.indexAt(160)).toBe(3);
    expect(l.indexAt(219)).toBe(5); // row 5 starts at 200 and is 70 tall
    expect(l.indexAt(270)).toBe(6);
  });
});

describe('variableRowLayout', () => {
  it('finds the row at a height by prefix sums', () => {
    const l = variableRowLayout([10, 30, 20, 40]);
    expect(l.total).toBe(100);
    expect(l.topOf(2)).toBe(40);
    expect(l.indexAt(39)).toBe(1);
    expect(l.indexAt(40)).toBe(2);
    expect(l.indexAt(999)).toBe(3);
  });
});

describe('visibleRows', () => {
  it('draws only the rows in view, with overscan', () => {
    const l = fixedRowLayout(100_000, 22);
    expect(visibleRows(l, 2200, 220, 5)).toEqual({ first: 95, last: 116 });
    const end = endScrollTop(l, 220);
    expect(visibleRows(l, end, 220, 0)).toEqual({ first: 99_990, last: 100_000 });
    expect(visibleRows(fixedRowLayout(0, 22), 0, 220, 5)).toEqual({ first: 0, last: 0 });
  });
});

describe('tallRows', () => {
  it('finds the opened records among the rows as old ones drop from the front', () => {
    const records = Array.from({ length: 1000 }, (_, i) => ({ i }));
    const memo = newTallRowMemo<{ i: number }>();
    const open = new Set([records[500]!, records[10]!]);
    expect(tallRows(open, 1000, (r) => records[r]!, () => 30, '', memo)).toEqual([{ index: 10, extra: 30 }, { index: 500, extra: 30 }]);
    const later = records.slice(100).concat(Array.from({ length: 100 }, (_, i) => ({ i: 1000 + i })));
    expect(tallRows(open, later.length, (r) => later[r]!, () => 30, '', memo)).toEqual([{ index: 400, extra: 30 }]);
  });
});
