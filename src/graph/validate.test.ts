import { describe, expect, it } from 'vitest';
import { DEFAULT_PROPS, PROP_DOCS } from './defaults.ts';
import { EMPTY_GRAPH } from './empty.ts';
import { makeGraph } from './fixtures/factory.ts';
import { NODE_KINDS, type Graph, type GraphNode } from './types.ts';
import { validateGraph, validateProps } from './validate.ts';

function setProps(g: Graph, id: string, props: object): Graph {
  return { ...g, nodes: g.nodes.map((n) => (n.id === id ? ({ ...n, props } as GraphNode) : n)) };
}

describe('validateProps', () => {
  it('accepts empty props and the defaults of every kind', () => {
    for (const kind of NODE_KINDS) {
      expect(validateProps(kind, {})).toEqual([]);
      expect(validateProps(kind, DEFAULT_PROPS[kind])).toEqual([]);
    }
  });

  it('accepts every documented default value', () => {
    for (const kind of NODE_KINDS) {
      for (const doc of PROP_DOCS[kind]) {
        if (doc.default !== undefined) expect(validateProps(kind, { [doc.field]: doc.default }), `${kind}.${doc.field}`).toEqual([]);
      }
    }
  });

  it('names the field and the rule when a value is out of range or of the wrong type', () => {
    expect(validateProps('receiver', { creditWindow: -1 })).toEqual([{ field: 'creditWindow', message: 'creditWindow must be an integer ≥ 0 (found -1)' }]);
    expect(validateProps('connection', { url: 'amqp://host:5672' })[0]!.message).toMatch(/url must be a URL starting with ws:\/\/ or wss:\/\//);
    expect(validateProps('connection', { channelMax: 70000 })[0]!.message).toBe('channelMax must be an integer from 0 to 65535 (found 70000)');
    expect(validateProps('connection', { maxFrameSize: 100 })[0]!.message).toMatch(/maxFrameSize must be an integer ≥ 512/);
    expect(validateProps('session', { incomingWindow: 0 })[0]!.field).toBe('incomingWindow');
    expect(validateProps('transfer', { count: 1.5 })[0]!.message).toMatch(/count must be an integer from 1 to 100000/);
    expect(validateProps('transfer', { intervalMs: -1 })[0]!.field).toBe('intervalMs');
    expect(validateProps('transfer', { body: Infinity })[0]!.message).toMatch(/body must be a string or another JSON value/);
    expect(validateProps('transfer', { replyTo: '@' })[0]!.message).toMatch(/"@" followed by a receiver id/);
    expect(validateProps('sender', { rcvSettleMode: 'third' })[0]!.message).toBe('rcvSettleMode must be one of "first", "second" (found "third")');
    expect(validateProps('connection', { subprotocols: ['binary', 'has space'] })[0]!.field).toBe('subprotocols');
  });

  it('accepts good values of every field', () => {
    expect(validateProps('connection', { url: 'wss://ns.servicebus.windows.net:443/$servicebus/websocket', subprotocols: ['AMQPWSB10'], sasl: { mechanism: 'PLAIN', username: 'u', password: '' }, idleTimeoutMs: 0, maxFrameSize: 512, channelMax: 0, reconnect: true, containerId: 'a', hostname: 'b' })).toEqual([]);
    expect(validateProps('transfer', { body: { nested: [1, 'two', null, true] }, applicationProperties: { operation: 'put-token', n: 1, ok: false, none: null }, replyTo: '@rx1', ttlMs: 1000, durable: true, count: 100000 })).toEqual([]);
    expect(validateProps('receiver', { address: '', creditWindow: 0, initialCredit: 3, autoAccept: false, rcvSettleMode: 'second', dynamic: true })).toEqual([]);
  });

  it('treats fields set to undefined as unset', () => {
    expect(validateProps('sender', { address: undefined, sndSettleMode: undefined })).toEqual([]);
  });

  it('refuses unknown fields by name and lists the known ones', () => {
    expect(validateProps('session', { window: 5 })).toEqual([{ field: 'window', message: 'A session has no property "window"; remove it (known: incomingWindow, outgoingWindow)' }]);
    expect(validateProps('sender', { constructor: 1 })[0]!.field).toBe('constructor');
  });

  it('refuses props that are not an object, and unknown kinds', () => {
    expect(validateProps('sender', null)[0]!.message).toBe('The props of a sender must be an object');
    expect(validateProps('sender', ['address'])[0]!.message).toBe('The props of a sender must be an object');
    expect(validateProps('queue' as never, {})[0]!.message).toMatch(/Unknown node kind "queue"/);
  });

  it('reports every bad field of one node together', () => {
    const problems = validateProps('receiver', { creditWindow: 'ten', autoAccept: 1, rcvSettleMode: 'x', extra: true });
    expect(problems.map((p) => p.field)).toEqual(['creditWindow', 'autoAccept', 'rcvSettleMode', 'extra']);
  });
});

describe('validateGraph', () => {
  it('accepts a complete flow', () => {
    expect(validateGraph(makeGraph({ senders: 2, receivers: 2 }))).toEqual([]);
  });

  it('says an empty flow cannot run yet', () => {
    expect(validateGraph(EMPTY_GRAPH)[0]!.message).toMatch(/This flow is empty/);
  });

  it('finds nodes without a parent', () => {
    const g = makeGraph({ receivers: 1 });
    const cut: Graph = { ...g, edges: g.edges.filter((e) => e.source !== 's1') };
    expect(validateGraph(cut)).toEqual([
      { nodeId: 'tx1', message: 'Sender "tx1" is not wired to a session; wire one to it' },
      { nodeId: 'rx1', message: 'Receiver "rx1" is not wired to a session; wire one to it' },
    ]);
  });

  it('checks that a replyTo reference points at a receiver of this flow', () => {
    const g = makeGraph({ receivers: 1 });
    expect(validateGraph(setProps(g, 't1', { replyTo: '@rx1' }))).toEqual([]);
    expect(validateGraph(setProps(g, 't1', { replyTo: 'plain-address' }))).toEqual([]);
    expect(validateGraph(setProps(g, 't1', { replyTo: '@tx1' }))).toEqual([{ nodeId: 't1', field: 'replyTo', message: 'replyTo "@tx1" points at a sender; it must point at a receiver' }]);
    expect(validateGraph(setProps(g, 't1', { replyTo: '@rx9' }))[0]!.message).toMatch(/points at "rx9", which is not a node of this flow/);
  });

  it('asks for an address on a receiver that is not dynamic', () => {
    const g = makeGraph({ receivers: 1 });
    expect(validateGraph(setProps(g, 'rx1', {}))[0]).toEqual({ nodeId: 'rx1', field: 'address', message: 'Receiver "rx1" needs an address to receive from, or dynamic turned on' });
    expect(validateGraph(setProps(g, 'rx1', { dynamic: true }))).toEqual([]);
  });

  it('asks for a destination when neither the sender nor the transfer has one', () => {
    const g = setProps(makeGraph(), 'tx1', {});
    expect(validateGraph(g)[0]).toMatchObject({ nodeId: 't1', field: 'to' });
    expect(validateGraph(setProps(g, 't1', { to: 'examples' }))).toEqual([]);
  });

  it('reports structural and run problems together, each pinned to its node', () => {
    const g = makeGraph({ receivers: 1 });
    const base = setProps(setProps(g, 'rx1', { creditWindow: -1 }), 't1', { replyTo: '@s1' });
    const broken: Graph = {
      ...base,
      nodes: [...base.nodes, { id: 's1', kind: 'session', position: { x: 0, y: 0 }, props: {} }],
      edges: [...base.edges, { id: 'e99', source: 'tx1', target: 'rx1' }, { id: 'e100', source: 'c1', target: 'nowhere' }],
    };
    const messages = validateGraph(broken).map((p) => p.message);
    expect(messages).toEqual(expect.arrayContaining([
      expect.stringMatching(/duplicate id "s1"/),
      expect.stringMatching(/creditWindow must be an integer ≥ 0/),
      expect.stringMatching(/A sender can only be wired to transfers/),
      expect.stringMatching(/Edge "e100" ends at "nowhere"/),
      expect.stringMatching(/replyTo "@s1" points at a session/),
      expect.stringMatching(/Receiver "rx1" needs an address/),
    ]));
  });

  it('finds duplicate ids and second parents made outside the commands', () => {
    const g = makeGraph();
    const twoParents: Graph = {
      ...g,
      nodes: [...g.nodes, { id: 'c2', kind: 'connection', position: { x: 0, y: 200 }, props: {} }],
      edges: [...g.edges, { id: 'e9', source: 'c2', target: 's1' }],
    };
    expect(validateGraph(twoParents)).toEqual([{ nodeId: 's1', message: 'Session "s1" has a second connection (c1, c2); a session has exactly one connection, so keep one edge' }]);
  });
});

describe('validateGraph on an unchanged graph', () => {
  it('gives the same problems again in a fresh array that callers may change freely', () => {
    const g: Graph = { ...EMPTY_GRAPH, nodes: [{ id: 's1', kind: 'session', position: { x: 0, y: 0 }, props: {} }] };
    const first = validateGraph(g);
    expect(first.length).toBeGreaterThan(0);
    first.length = 0;
    const second = validateGraph(g);
    expect(second).not.toBe(first);
    expect(second).toEqual(validateGraph({ ...g }));
    expect(second.length).toBeGreaterThan(0);
  });
});
