import { describe, expect, it } from 'vitest';
import { parseGraphFile, parseGraphValue, serializeGraph } from './file.ts';
import { TEMPLATES } from './templates.ts';
import { structuralProblems } from './validate.ts';
import { seededRandom as random } from '../../test/support/seededRandom.ts';


const JUNK: unknown[] = [null, true, 0, -1, 1.5, 1e308, '', 's1', '@rx1', 'ws://x', '__proto__', [], {}, [1, [2]], { kind: 'sender' }, { __proto__: null, constructor: 1 }];

type Container = Record<string, unknown> | unknown[];

/** Every object or array inside `value`, with itself. */
function containers(value: unknown, out: Container[] = []): Container[] {
  if (typeof value === 'object' && value !== null) {
    out.push(value as Container);
    for (const v of Object.values(value)) containers(v, out);
  }
  return out;
}

function mutate(doc: unknown, rnd: () => number): void {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)]!;
  const target = pick(containers(doc));
  const keys = Object.keys(target);
  const key = keys.length > 0 ? pick(keys) : '0';
  const record = target as Record<string, unknown>;
  switch (Math.floor(rnd() * 6)) {
    case 0: delete record[key]; break;
    case 1: record[key] = structuredClone(pick(JUNK)); break;
    case 2: record[pick(['id', 'kind', 'props', 'x', 'source', 'constructor', 'extra', 'address', 'creditWindow'])] = structuredClone(pick(JUNK)); break;
    case 3: if (Array.isArray(target) && target.length > 0) target.push(structuredClone(pick(target))); break;
    case 4: if (typeof record[key] === 'string') record[key] = `${record[key] as string}${pick(['1', '', 'x'.repeat(70_000)])}`; break;
    default: if (typeof record[key] === 'number') record[key] = pick([NaN, Infinity, -0, 2 ** 53, (record[key] as number) + 1]); break;
  }
}

describe('parsing random mutations of valid files', () => {
  it('never throws, and every result is either a sound graph or a list of problems in words', () => {
    let accepted = 0;
    for (let seed = 1; seed <= 600; seed += 1) {
      const rnd = random(seed);
      const template = TEMPLATES[seed % TEMPLATES.length]!;
      const doc: unknown = JSON.parse(serializeGraph(template.graph()));
      const steps = 1 + Math.floor(rnd() * 4);
      for (let i = 0; i < steps; i += 1) mutate(doc, rnd);
      let text = JSON.stringify(doc) ?? '';
      if (rnd() < 0.15) text = text.slice(0, Math.floor(rnd() * text.length));
      for (const result of [parseGraphValue(doc), parseGraphFile(text)]) {
        if (result.ok) {
          accepted += 1;
          expect(structuralProblems(result.graph), `seed ${seed}`).toEqual([]);
          expect(parseGraphFile(serializeGraph(result.graph))).toEqual(result);
        } else {
          expect(result.problems.length, `seed ${seed}`).toBeGreaterThan(0);
          for (const p of result.problems) expect(typeof p.message === 'string' && p.message.length > 0, `seed ${seed}`).toBe(true);
        }
      }
    }
    // Some mutations are harmless (a moved node, a new address): both outcomes must occur.
    expect(accepted).toBeGreaterThan(0);
    expect(({} as Record<string, unknown>).kind).toBeUndefined();
  });
});
