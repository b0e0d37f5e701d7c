import { describe, expect, it } from 'vitest';
import { deepFreeze, makeGraph } from '../fixtures/factory.ts';
import { updateProps } from './updateProps.ts';

describe('updateProps', () => {
  it('replaces the props object of one node and leaves the others as they were', () => {
    const g = deepFreeze(makeGraph());
    const next = updateProps(g, { id: 'tx1', props: { address: 'orders', sndSettleMode: 'settled' } });
    expect(next.nodes.find((n) => n.id === 'tx1')!.props).toEqual({ address: 'orders', sndSettleMode: 'settled' });
    expect(next.nodes[0]).toBe(g.nodes[0]);
    expect(g.nodes.find((n) => n.id === 'tx1')!.props).toEqual({ address: 'examples' });
  });

  it('replaces rather than merges, so a cleared field is gone', () => {
    const next = updateProps(makeGraph(), { id: 'tx1', props: {} });
    expect(next.nodes.find((n) => n.id === 'tx1')!.props).toEqual({});
  });

  it('returns the same graph for an unknown id or props equal to the current ones', () => {
    const g = deepFreeze(makeGraph());
    expect(updateProps(g, { id: 'nope', props: {} })).toBe(g);
    expect(updateProps(g, { id: 'tx1', props: { address: 'examples' } })).toBe(g);
    expect(updateProps(g, { id: 'tx1', props: { address: 'examples', rcvSettleMode: undefined } })).toBe(g);
  });
});
