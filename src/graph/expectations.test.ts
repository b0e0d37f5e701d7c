import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectationProblems } from './expectations.ts';
import { parseGraphFile, serializeGraph } from './file.ts';
import { makeGraph } from './fixtures/factory.ts';
import { TEMPLATE_EXPECTATIONS } from './templateExpectations.ts';
import { TEMPLATES } from './templates.ts';

const withExpect = (expectValue: unknown) => JSON.stringify({ ...makeGraph({ receivers: 1 }), expect: expectValue });

describe('the expect section of a graph file', () => {
  it('is optional: files written before it existed still load, unchanged when written back', () => {
    const text = readFileSync(new URL('./fixtures/v1/every-field.amqpflow.json', import.meta.url), 'utf8');
    const parsed = parseGraphFile(text);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) {
      expect(parsed.graph.expect).toBeUndefined();
      expect(serializeGraph(parsed.graph)).toBe(text);
    }
  });

  it('keeps every kind of expectation through a save and a load', () => {
    const expectValue = {
      timeLimitMs: 5000,
      embeddedOnly: 'needs dynamic receivers',
      nodes: {
        t1: { outcomes: { accepted: 1, rejected: { max: 0 } } },
        rx1: { received: { min: 1, max: 3 }, bodies: ['Hello!', { n: 1 }], state: 'open', error: false },
        c1: { error: 'amqp:unauthorized-access' },
      },
    };
    const parsed = parseGraphFile(withExpect(expectValue));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.graph.expect).toEqual(expectValue);
    const again = parseGraphFile(serializeGraph(parsed.graph));
    expect(again.ok && again.graph.expect).toEqual(expectValue);
  });

  it('refuses a file whose expectations are malformed, naming each problem', () => {
    const parsed = parseGraphFile(
      withExpect({ timeLimitMs: -1, colour: 'red', nodes: { t1: { outcomes: { accepted: 1.5, vanished: 1 } }, rx1: { state: 'asleep', received: { min: 3, max: 1 }, error: '' } } }),
    );
    expect(parsed.ok).toBe(false);
    const messages = parsed.ok ? [] : parsed.problems.map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        expect.stringMatching(/timeLimitMs.*whole number of milliseconds/),
        expect.stringMatching(/unknown field "colour"/),
        expect.stringMatching(/t1" outcomes.accepted: must be a whole number/),
        expect.stringMatching(/outcomes.vanished: unknown outcome/),
        expect.stringMatching(/rx1" state: must be one of "open", "closed", "error"/),
        expect.stringMatching(/rx1" received: has "min" above "max"/),
        expect.stringMatching(/rx1" error: must be a condition/),
      ]),
    );
  });

  it('accepts an expectation for a node the flow lacks (the checker reports it), but not one that is not an object', () => {
    expect(expectationProblems({ nodes: { gone: { received: 1 } } })).toEqual([]);
    expect(expectationProblems({ nodes: { gone: 3 } })[0]!.message).toMatch(/must be an object/);
    expect(expectationProblems([])[0]!.message).toMatch(/"expect" must be an object/);
  });

  it('every template states what it must do, about its own nodes', () => {
    for (const t of TEMPLATES) {
      const g = t.graph();
      expect(g.expect, t.id).toBeDefined();
      expect(expectationProblems(g.expect), t.id).toEqual([]);
      const ids = new Set(g.nodes.map((n) => n.id));
      for (const id of Object.keys(g.expect?.nodes ?? {})) expect(ids.has(id), `${t.id}: ${id}`).toBe(true);
    }
    expect(Object.keys(TEMPLATE_EXPECTATIONS).sort()).toEqual(TEMPLATES.map((t) => t.id).sort());
  });
});
