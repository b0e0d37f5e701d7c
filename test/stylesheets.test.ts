// Every style sheet closes each rule before the next one starts. The page's sheets are bundled into
// one file in import order, so a rule left open swallows the rules of every sheet bundled after it
// (they become nested rules that match nothing): a dialog once lost all its styles that way.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '..');

function cssFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return cssFiles(path);
    return name.endsWith('.css') ? [path] : [];
  });
}

/** Problems with the sheet's blocks: a style rule opened inside another (this project writes no
 *  nested CSS, so that is a missing `}`), a stray `}`, or blocks left open at the end. */
function blockProblems(css: string): string[] {
  // Comments and strings may hold braces; blank them out but keep the line breaks for line numbers.
  const text = css.replace(/\/\*[\s\S]*?\*\/|"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'/g, (m) => m.replace(/[^\n]/g, ' '));
  const problems: string[] = [];
  const open: { kind: 'rule' | 'at-rule'; line: number }[] = [];
  let line = 1;
  let prelude = '';
  for (const ch of text) {
    if (ch === '\n') line++;
    if (ch === '{') {
      const kind = prelude.trim().startsWith('@') ? 'at-rule' : 'rule';
      const parent = open.at(-1);
      if (parent?.kind === 'rule') problems.push(`line ${line}: a rule starts inside the rule opened on line ${parent.line} (missing "}"?)`);
      open.push({ kind, line });
      prelude = '';
    } else if (ch === '}') {
      if (!open.pop()) problems.push(`line ${line}: "}" closes nothing`);
      prelude = '';
    } else if (ch === ';') {
      prelude = '';
    } else {
      prelude += ch;
    }
  }
  for (const block of open) problems.push(`line ${block.line}: the block opened here is never closed`);
  return problems;
}

describe('style sheets', () => {
  it('finds a rule left open', () => {
    expect(blockProblems('.a {\n  color: red;\n/* next */\n.b {\n  margin: 0;\n}\n')).toEqual([
      'line 4: a rule starts inside the rule opened on line 1 (missing "}"?)',
      'line 1: the block opened here is never closed',
    ]);
    expect(blockProblems('@media (width < 600px) {\n  .a { color: red; }\n}\n.b::after { content: "{"; }\n')).toEqual([]);
  });

  it.each(cssFiles(join(ROOT, 'src')).map((path) => [relative(ROOT, path)]))('%s closes every rule', (path) => {
    expect(blockProblems(readFileSync(join(ROOT, path), 'utf8'))).toEqual([]);
  });
});
