import { describe, expect, it } from 'vitest';
import { EMPTY_GRAPH } from '../empty.ts';
import { deepFreeze, makeGraph } from '../fixtures/factory.ts';
import { TEMPLATES } from '../templates.ts';
import { replaceGraph } from './replaceGraph.ts';

describe('replaceGraph', () => {
  it('swaps in another document in one step', () => {
    const template = TEMPLATES[0]!.graph();
    expect(replaceGraph(EMPTY_GRAPH, { graph: template })).toBe(template);
  });

  it('returns the same graph when the new one is the same or equal to it', () => {
    const g = deepFreeze(makeGraph());
    expect(replaceGraph(g, { graph: g })).toBe(g);
    expect(replaceGraph(g, { graph: makeGraph() })).toBe(g);
  });
});
