import { describe, expect, it } from 'vitest';
import { DUPLICATE_MEMORY, DuplicateWatch } from './duplicateWatch.ts';

describe('DuplicateWatch', () => {
  it('spots the same message-id again on the same receiver only', () => {
    const w = new DuplicateWatch();
    expect(w.check('rx1', 't1-1')).toBe(false);
    expect(w.check('rx1', 't1-2')).toBe(false);
    expect(w.check('rx1', 't1-1')).toBe(true);
    expect(w.check('rx2', 't1-1')).toBe(false);
    expect(w.check('rx1', undefined)).toBe(false);
    expect(w.check('rx1', undefined)).toBe(false);
  });

  it('remembers a bounded number of ids', () => {
    const w = new DuplicateWatch();
    for (let i = 0; i <= DUPLICATE_MEMORY; i++) w.check('rx1', i);
    expect(w.check('rx1', DUPLICATE_MEMORY)).toBe(true);
    expect(w.check('rx1', 0)).toBe(false); // forgotten
  });
});
