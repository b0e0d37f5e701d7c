// The layers hold: every import in src/ and broker/ points down the layer order (README "Layout"),
// features never import each other, src/cli uses only the model and the engine, broker/ nothing
// from src/, and no file reaches itself again through its imports.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

/** Layer of each folder under src/ (and broker/); a file may import its own layer or lower ones. */
const LAYERS: Record<string, number> = {
  graph: 0,
  engine: 1,
  store: 2,
  ui: 3,
  styles: 3,
  canvas: 4,
  panels: 4,
  // features: each plugs into the shell and never imports another feature
  share: 5,
  record: 5,
  codegen: 5,
  compare: 5,
  presenter: 5,
  lessons: 5,
  faults: 5,
  diagrams: 5,
  app: 6,
  entry: 7, // src/main.tsx, src/polyfills.ts
};
const FEATURES = new Set(Object.keys(LAYERS).filter((f) => LAYERS[f] === 5));
const CLI_MAY_IMPORT = new Set(['graph', 'engine', 'cli']);

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    return /\.(ts|tsx)$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** "graph", "cli", "broker", "entry" … for a file; undefined outside src/ and broker/. */
function areaOf(file: string): string | undefined {
  const rel = relative(ROOT, file).split('/');
  if (rel[0] === 'broker') return 'broker';
  if (rel[0] !== 'src') return undefined;
  return rel.length === 2 ? 'entry' : rel[1];
}

const isTest = (file: string) => /\.(test|fuzz\.test)\.tsx?$/.test(file) || file.includes('/fixtures/');

/** Relative imports of a file (static, dynamic, re-exports and `import type` alike), resolved to paths. */
function importsOf(file: string): string[] {
  const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
  return info.importedFiles
    .map((f) => f.fileName)
    .filter((spec) => spec.startsWith('.'))
    .map((spec) => resolve(dirname(file), spec));
}

const files = [...walk(join(ROOT, 'src')), ...walk(join(ROOT, 'broker'))];
const graph = new Map(files.map((f) => [f, importsOf(f)]));
const rel = (f: string) => relative(ROOT, f);

/** Why `from` may not import `to`, or null when it may. */
function violation(from: string, to: string): string | null {
  const a = areaOf(from)!;
  const b = areaOf(to);
  if (b === undefined) return isTest(from) ? null : 'imports from outside src/ and broker/';
  if (a === 'broker' || b === 'broker') return a === b ? null : 'broker/ and src/ share nothing';
  if (a === 'cli') return CLI_MAY_IMPORT.has(b) ? null : 'src/cli may import only graph/ and engine/';
  if (b === 'cli') return 'nothing imports src/cli';
  const la = LAYERS[a];
  const lb = LAYERS[b];
  if (la === undefined) return `src/${a}/ has no layer: add it to LAYERS here and to the README's layout table`;
  if (lb === undefined) return `src/${b}/ has no layer`;
  if (FEATURES.has(a) && FEATURES.has(b) && a !== b) return 'a feature never imports another feature';
  if (lb > la) return `${a} (layer ${la}) imports up into ${b} (layer ${lb})`;
  return null;
}

/** Every cycle's files (strongly connected components with more than one file, or a self-import). */
function cycles(graph: Map<string, string[]>): string[][] {
  let index = 0;
  const idx = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (v: string) => {
    idx.set(v, index);
    low.set(v, index++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!graph.has(w)) continue;
      if (!idx.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, idx.get(w)!));
    }
    if (low.get(v) === idx.get(v)) {
      const scc: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        scc.push(w);
      } while (w !== v);
      if (scc.length > 1 || graph.get(v)!.includes(v)) found.push(scc.map(rel).sort());
    }
  };
  for (const f of graph.keys()) if (!idx.has(f)) visit(f);
  return found;
}

describe('architecture', () => {
  it('finds the files and their imports', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(graph.get(join(ROOT, 'src/main.tsx'))!.length).toBeGreaterThan(0);
  });

  it('knows an upward import, a feature importing another, the CLI or broker overstepping, and a cycle when it sees one', () => {
    const at = (path: string) => join(ROOT, path);
    expect(violation(at('src/canvas/Toolbar.tsx'), at('src/share/ShareButtons.tsx'))).toMatch(/imports up/);
    expect(violation(at('src/store/runStore.ts'), at('src/ui/Dialog.tsx'))).toMatch(/imports up/);
    expect(violation(at('src/codegen/ExportCodeDialog.tsx'), at('src/share/Dialog.tsx'))).toMatch(/another feature/);
    expect(violation(at('src/cli/main.ts'), at('src/store/documentStore.ts'))).toMatch(/src\/cli/);
    expect(violation(at('broker/server.ts'), at('src/graph/types.ts'))).toMatch(/share nothing/);
    expect(violation(at('src/newthing/x.ts'), at('src/graph/types.ts'))).toMatch(/has no layer/);
    expect(violation(at('src/app/App.tsx'), at('src/share/feature.tsx'))).toBeNull();
    const loop = new Map([[at('a.ts'), [at('b.ts')]], [at('b.ts'), [at('a.ts')]], [at('c.ts'), [at('a.ts')]]]);
    expect(cycles(loop)).toEqual([['a.ts', 'b.ts']]);
  });

  it('every import points down the layers', () => {
    const wrong: string[] = [];
    for (const [from, targets] of graph) {
      for (const to of targets) {
        const why = violation(from, to);
        if (why) wrong.push(`${rel(from)} → ${rel(to)}: ${why}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('no import cycle', () => {
    // The exported program's runtime parts (src/codegen/runtime/) are never loaded as modules: the export
    // copies them as text into one file (src/codegen/runtimeText.ts), where they call each other freely.
    const loaded = new Map([...graph].filter(([file]) => !rel(file).startsWith('src/codegen/runtime/')));
    expect(cycles(loaded)).toEqual([]);
  });
});
