import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGraphFile } from './file.ts';
import { MALFORMED_CASES } from './fixtures/malformed/cases.ts';

const dir = new URL('./fixtures/malformed/', import.meta.url);

describe('the malformed file corpus', () => {
  it('holds at least thirty files, each listed in the table exactly once', () => {
    const files = readdirSync(dir).filter((f) => f.endsWith('.json') || f.endsWith('.txt')).sort();
    expect(files.length).toBeGreaterThanOrEqual(30);
    expect(MALFORMED_CASES.map((c) => c.file).sort()).toEqual(files);
  });

  it.each(MALFORMED_CASES.map((c) => [c.file, c] as const))('refuses %s with a message a user can act on', (file, c) => {
    const result = parseGraphFile(readFileSync(new URL(file, dir), 'utf8'));
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const match = result.problems.find((p) => c.expect.test(p.message));
    expect(match, `problems were: ${JSON.stringify(result.problems)}`).toBeDefined();
    if (c.nodeId) expect(match!.nodeId).toBe(c.nodeId);
    if (c.field) expect(match!.field).toBe(c.field);
    for (const p of result.problems) expect(p.message.length).toBeGreaterThan(10);
  });
});
