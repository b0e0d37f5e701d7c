import { describe, expect, it } from 'vitest';
import { InFlight, SendQueue } from './sendRings.ts';

describe('SendQueue', () => {
  it('gives sends back oldest first, skipping cancelled ones, across growth', () => {
    const q = new SendQueue(10_000, 4);
    const positions = Array.from({ length: 1000 }, (_, i) => q.push(i));
    for (const p of positions) if (p % 3 === 0) q.cancel(p);
    const got: number[] = [];
    for (let at = q.shift(); at >= 0; at = q.shift()) got.push(at);
    expect(got).toEqual(positions.filter((p) => p % 3 !== 0));
  });

  it('forgets the oldest beyond its limit, and a cancel of a forgotten send changes nothing', () => {
    const q = new SendQueue(3, 4);
    const first = q.push(10);
    for (const at of [11, 12, 13]) q.push(at);
    q.cancel(first);
    expect([q.shift(), q.shift(), q.shift(), q.shift()]).toEqual([11, 12, 13, -1]);
  });
});

describe('InFlight', () => {
  it('finds every attempt however many wait, settled in any order', () => {
    const f = new InFlight(1 << 17, 4);
    for (let a = 1; a <= 3000; a++) f.put(a, a * 2, a + 100);
    for (const a of [3000, 1, 1500, 2, 2999]) {
      f.take(a);
      expect([f.takenAt, f.takenPosition]).toEqual([a * 2, a + 100]);
    }
    f.take(1); // already taken
    expect([f.takenAt, f.takenPosition]).toEqual([-1, -1]);
  });

  it('at its limit forgets an old attempt rather than grow', () => {
    const f = new InFlight(8, 8);
    f.put(1, 5, 0);
    f.put(9, 6, 1); // the same slot as 1 in a ring of 8
    f.take(9);
    expect(f.takenAt).toBe(6);
    f.take(1);
    expect(f.takenAt).toBe(-1);
  });
});
