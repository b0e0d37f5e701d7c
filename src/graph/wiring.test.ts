import { describe, expect, it } from 'vitest';
import { makeGraph } from './fixtures/factory.ts';
import { NODE_KINDS, type Graph } from './types.ts';
import { canWire, CHILDREN, childrenOf, PARENT, parentOf } from './wiring.ts';

/** One loose node of every kind next to the factory graph. */
function withLooseNodes(): Graph {
  const g = makeGraph({ senders: 1, receivers: 1 });
  return {
    ...g,
    nodes: [
      ...g.nodes,
      { id: 'c2', kind: 'connection', position: { x: 0, y: 300 }, props: {} },
      { id: 's2', kind: 'session', position: { x: 220, y: 300 }, props: {} },
      { id: 'tx2', kind: 'sender', position: { x: 440, y: 300 }, props: {} },
      { id: 'rx2', kind: 'receiver', position: { x: 440, y: 400 }, props: {} },
      { id: 't2', kind: 'transfer', position: { x: 660, y: 300 }, props: {} },
    ],
  };
}

describe('wiring rules', () => {
  it('lists exactly the four legal parent → child pairs, and PARENT mirrors CHILDREN', () => {
    const pairs = NODE_KINDS.flatMap((p) => (CHILDREN[p] as readonly string[]).map((c) => `${p}>${c}`));
    expect(pairs).toEqual(['connection>session', 'session>sender', 'session>receiver', 'sender>transfer']);
    for (const kind of NODE_KINDS) {
      const parent = PARENT[kind];
      if (parent) expect(CHILDREN[parent]).toContain(kind);
      else expect(kind).toBe('connection');
    }
  });

  it('allows every legal pair between loose nodes', () => {
    const g = withLooseNodes();
    expect(canWire(g, 'c2', 's2')).toBeNull();
    expect(canWire(g, 's2', 'tx2')).toBeNull();
    expect(canWire(g, 's2', 'rx2')).toBeNull();
    expect(canWire(g, 'tx2', 't2')).toBeNull();
  });

  it('refuses illegal pairs with a reason that names what the source accepts', () => {
    const g = withLooseNodes();
    expect(canWire(g, 'tx2', 'rx2')?.message).toBe('A sender can only be wired to transfers');
    expect(canWire(g, 'c2', 'tx2')?.message).toBe('A connection can only be wired to sessions');
    expect(canWire(g, 's2', 't2')?.message).toBe('A session can only be wired to senders and receivers');
    expect(canWire(g, 'rx2', 't2')?.message).toBe('A receiver cannot have children');
    expect(canWire(g, 't2', 'c2')?.message).toBe('A transfer cannot have children');
  });

  it('explains that edges go parent → child when a pair is wired backwards', () => {
    const g = withLooseNodes();
    const problem = canWire(g, 's2', 'c2');
    expect(problem?.message).toMatch(/wire from the connection to the session/);
    expect(problem?.nodeId).toBe('s2');
  });

  it('refuses a second parent and names the existing one', () => {
    const g = withLooseNodes();
    expect(canWire(g, 'c2', 's1')).toEqual({ nodeId: 's1', message: 'This session already has a connection (c1); remove that edge first' });
    expect(canWire(g, 's2', 'tx1')?.message).toMatch(/This sender already has a session \(s1\)/);
    expect(canWire(g, 'tx2', 't1')?.message).toMatch(/This transfer already has a sender \(tx1\)/);
  });

  it('refuses self-wiring, a duplicate edge, unknown nodes and cycles', () => {
    const g = withLooseNodes();
    expect(canWire(g, 's1', 's1')?.message).toBe('A node cannot be wired to itself');
    expect(canWire(g, 'c1', 's1')?.message).toBe('"c1" is already wired to "s1"');
    expect(canWire(g, 'nope', 's2')?.message).toBe('There is no node "nope" in this flow');
    expect(canWire(g, 'c2', 'nope')?.message).toBe('There is no node "nope" in this flow');
    // Only an illegal edge already in the document can close a loop; the cycle is still named.
    const looped: Graph = { ...g, edges: [...g.edges, { id: 'bad', source: 's2', target: 'c2' }] };
    expect(canWire(looped, 'c2', 's2')?.message).toMatch(/would make a cycle/);
  });

  it('finds a node\'s parent and its children in edge order', () => {
    const g = makeGraph({ senders: 2, receivers: 1 });
    expect(parentOf(g, 't2')?.id).toBe('tx2');
    expect(parentOf(g, 'c1')).toBeUndefined();
    expect(parentOf(g, 'missing')).toBeUndefined();
    expect(childrenOf(g, 's1').map((n) => n.id)).toEqual(['tx1', 'tx2', 'rx1']);
    expect(childrenOf(g, 'rx1')).toEqual([]);
  });

  it('ignores edges whose other end is missing', () => {
    const g = makeGraph();
    const broken: Graph = { ...g, edges: [...g.edges, { id: 'x', source: 'ghost', target: 's1' }, { id: 'y', source: 's1', target: 'ghost' }] };
    expect(parentOf(broken, 's1')?.id).toBe('c1');
    expect(childrenOf(broken, 's1').map((n) => n.id)).toEqual(['tx1']);
  });
});
