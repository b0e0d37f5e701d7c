import { describe, expect, it } from 'vitest';
import { deepFreeze, makeGraph } from '../fixtures/factory.ts';
import { MAX_NAME_LENGTH } from '../limits.ts';
import { renameGraph } from './renameGraph.ts';

describe('renameGraph', () => {
  it('sets the trimmed name and keeps nodes and edges as they were', () => {
    const g = deepFreeze(makeGraph());
    const next = renameGraph(g, { name: '  Orders demo ' });
    expect(next.name).toBe('Orders demo');
    expect(next.nodes).toBe(g.nodes);
  });

  it('returns the same graph for the same, an empty or an over-long name', () => {
    const g = deepFreeze(makeGraph());
    expect(renameGraph(g, { name: 'Test flow' })).toBe(g);
    expect(renameGraph(g, { name: '   ' })).toBe(g);
    expect(renameGraph(g, { name: 'x'.repeat(MAX_NAME_LENGTH + 1) })).toBe(g);
  });
});
