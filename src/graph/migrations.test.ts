import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseGraphFile } from './file.ts';
import { migrate, MIGRATIONS, OLDEST_VERSION } from './migrations.ts';
import { GRAPH_VERSION } from './types.ts';
import { validateGraph } from './validate.ts';

describe('file-format migrations', () => {
  it('has one migration step for every version from the oldest to the current one', () => {
    for (let v = OLDEST_VERSION; v < GRAPH_VERSION; v += 1) expect(MIGRATIONS[v], `migration ${v} → ${v + 1}`).toBeTypeOf('function');
  });

  it('keeps one fixture per readable version, and every fixture opens as a runnable current graph', () => {
    for (let v = OLDEST_VERSION; v <= GRAPH_VERSION; v += 1) {
      const dir = new URL(`./fixtures/v${v}/`, import.meta.url);
      const files = readdirSync(dir).filter((f) => f.endsWith('.amqpflow.json'));
      expect(files.length, `fixtures for version ${v}`).toBeGreaterThan(0);
      for (const file of files) {
        const result = parseGraphFile(readFileSync(new URL(file, dir), 'utf8'));
        expect(result.ok, file).toBe(true);
        if (result.ok) {
          expect(result.graph.version).toBe(GRAPH_VERSION);
          expect(validateGraph(result.graph)).toEqual([]);
        }
      }
    }
  });

  it('passes a current document through unchanged', () => {
    const doc = { format: 'amqp-flow', version: GRAPH_VERSION, nodes: [], edges: [] };
    expect(migrate(doc)).toEqual({ ok: true, doc });
  });

  it('refuses a version newer than this build with an upgrade hint', () => {
    const result = migrate({ version: GRAPH_VERSION + 1 });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toBe(`This file was made by a newer AMQP Flow (version ${GRAPH_VERSION + 1}); this one reads version ${GRAPH_VERSION}. Update AMQP Flow to open it`);
  });

  it('refuses versions that are missing, fractional or below the oldest', () => {
    for (const version of [undefined, 1.5, '1', OLDEST_VERSION - 1]) {
      const result = migrate({ version });
      expect(result.ok, String(version)).toBe(false);
    }
  });
});
