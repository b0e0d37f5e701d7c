import { describe, expect, it } from 'vitest';
import { deepFreeze, makeGraph } from '../fixtures/factory.ts';
import { removeElements } from './removeElements.ts';

describe('removeElements', () => {
  it('removes a node together with every edge that touches it', () => {
    const g = deepFreeze(makeGraph({ senders: 1, receivers: 1 }));
    const next = removeElements(g, { nodeIds: ['s1'] });
    expect(next.nodes.map((n) => n.id)).toEqual(['c1', 'tx1', 't1', 'rx1']);
    expect(next.edges.map((e) => `${e.source}>${e.target}`)).toEqual(['tx1>t1']);
  });

  it('removes edges alone and keeps the untouched node list as it was', () => {
    const g = deepFreeze(makeGraph());
    const next = removeElements(g, { edgeIds: ['e2'] });
    expect(next.edges.map((e) => e.id)).toEqual(['e1', 'e3']);
    expect(next.nodes).toBe(g.nodes);
  });

  it('returns the same graph when nothing matches', () => {
    const g = deepFreeze(makeGraph());
    expect(removeElements(g, { nodeIds: ['nope'], edgeIds: ['nope'] })).toBe(g);
    expect(removeElements(g, {})).toBe(g);
  });
});
