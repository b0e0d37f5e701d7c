import { describe, expect, it } from 'vitest';
import { deepFreeze, makeGraph } from '../fixtures/factory.ts';
import { EMPTY_GRAPH } from '../empty.ts';
import { addNode } from './addNode.ts';

describe('addNode', () => {
  it('adds a node with the next free id of its kind, without touching the frozen input', () => {
    const g = deepFreeze(makeGraph({ senders: 2 }));
    const next = addNode(g, { kind: 'sender', position: { x: 10, y: 20 } });
    expect(next).not.toBe(g);
    expect(next.nodes.at(-1)).toEqual({ id: 'tx3', kind: 'sender', position: { x: 10, y: 20 }, props: {} });
    expect(g.nodes).toHaveLength(makeGraph({ senders: 2 }).nodes.length);
  });

  it('starts numbering at 1 on an empty flow, and copies the props it is given', () => {
    const props = { address: 'q', creditWindow: 0 };
    const next = addNode(EMPTY_GRAPH, { kind: 'receiver', position: { x: 0, y: 0 }, props });
    expect(next.nodes[0]).toMatchObject({ id: 'rx1', props });
    expect(next.nodes[0]!.props).not.toBe(props);
  });

  it('keeps a given id when it is free', () => {
    expect(addNode(makeGraph(), { kind: 'connection', id: 'broker-a', position: { x: 0, y: 0 } }).nodes.at(-1)!.id).toBe('broker-a');
  });

  it('returns the same graph when the id is taken, the kind is unknown or the position is not finite', () => {
    const g = deepFreeze(makeGraph());
    expect(addNode(g, { kind: 'session', id: 's1', position: { x: 0, y: 0 } })).toBe(g);
    expect(addNode(g, { kind: 'session', id: 'e1', position: { x: 0, y: 0 } })).toBe(g);
    expect(addNode(g, { kind: 'queue' as never, position: { x: 0, y: 0 } })).toBe(g);
    expect(addNode(g, { kind: 'session', position: { x: NaN, y: 0 } })).toBe(g);
  });
});
