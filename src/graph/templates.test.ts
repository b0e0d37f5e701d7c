import { describe, expect, it } from 'vitest';
import { COLUMN_STEP, anyCardsOverlap } from './cardSize.ts';
import { effectiveProps } from './defaults.ts';
import { TEMPLATES } from './templates.ts';
import { TEMPLATE_LIST, templateGraph } from './templateList.ts';
import type { Graph, GraphNode } from './types.ts';
import { validateGraph } from './validate.ts';
import { parentOf } from './wiring.ts';

const byId = (g: Graph, id: string) => g.nodes.find((n) => n.id === id)!;
const template = (id: string) => TEMPLATES.find((t) => t.id === id)!.graph();

describe('templates', () => {
  it('place every card with room for the largest live card around it', () => {
    for (const t of TEMPLATES) expect(anyCardsOverlap(t.graph().nodes.map((n) => n.position)), t.name).toBe(false);
  });

  it('offers the flows with distinct ids and names', () => {
    expect(TEMPLATES.map((t) => t.name)).toEqual([
      'Hello over $cbs', 'Send and receive', 'Credit starvation', 'Competing consumers', 'Request / reply',
      'Settle modes', 'Accept and reject by hand', 'Dead-lettering and redelivery', 'Drain', 'Survive a broker restart',
    ]);
    expect(new Set(TEMPLATES.map((t) => t.id)).size).toBe(TEMPLATES.length);
  });

  it.each(TEMPLATES.map((t) => [t.name, t] as const))('"%s" is runnable, uses the embedded broker and reads left to right', (_name, t) => {
    const g = t.graph();
    expect(validateGraph(g)).toEqual([]);
    expect(g.name).toBe(t.name);
    expect(t.description.length).toBeGreaterThan(20);
    for (const node of g.nodes) {
      if (node.kind === 'connection') expect(node.props.url ?? '').toBe('');
      const parent = parentOf(g, node.id);
      if (parent) expect(node.position.x).toBeGreaterThan(parent.position.x);
    }
  });

  it('lists every template for the menu with its own id, name and description, and loads each by id', async () => {
    expect(TEMPLATE_LIST).toEqual(TEMPLATES.map(({ id, name, description }) => ({ id, name, description })));
    for (const t of TEMPLATE_LIST) expect(await templateGraph(t.id)).toEqual(TEMPLATES.find((x) => x.id === t.id)!.graph());
    await expect(templateGraph('no-such-template')).rejects.toThrow(/no template "no-such-template"/);
  });

  it('hands out a fresh graph each time, so editing one cannot change the template', () => {
    const a = TEMPLATES[0]!.graph();
    const b = TEMPLATES[0]!.graph();
    expect(a).toEqual(b);
    expect(a).not.toBe(b);
    expect(a.nodes[0]!.props).not.toBe(b.nodes[0]!.props);
  });

  it('"Hello over $cbs" is the platform example: connection → session → sender to $cbs → "Hello!"', () => {
    const g = template('hello-cbs');
    expect(g.nodes.map((n) => [n.id, n.kind, n.position.x, n.props])).toEqual([
      ['c1', 'connection', 0, {}],
      ['s1', 'session', COLUMN_STEP, {}],
      ['tx1', 'sender', 2 * COLUMN_STEP, { address: '$cbs' }],
      ['t1', 'transfer', 3 * COLUMN_STEP, { body: 'Hello!' }],
    ]);
    expect(g.edges).toEqual([
      { id: 'e1', source: 'c1', target: 's1' },
      { id: 'e2', source: 's1', target: 'tx1' },
      { id: 'e3', source: 'tx1', target: 't1' },
    ]);
  });

  it('"Send and receive" sends five transfers to the queue its receiver reads', () => {
    const g = template('send-receive');
    const transfer = g.nodes.find((n) => n.kind === 'transfer') as GraphNode<'transfer'>;
    const sender = parentOf(g, transfer.id) as GraphNode<'sender'>;
    const receiver = g.nodes.find((n) => n.kind === 'receiver') as GraphNode<'receiver'>;
    expect(transfer.props.count).toBe(5);
    expect(receiver.props.address).toBe(sender.props.address);
  });

  it('"Credit starvation" grants 3 credits by hand against 10 transfers on one queue', () => {
    const g = template('credit-starvation');
    const receiver = g.nodes.find((n) => n.kind === 'receiver') as GraphNode<'receiver'>;
    const transfer = g.nodes.find((n) => n.kind === 'transfer') as GraphNode<'transfer'>;
    expect(receiver.props).toMatchObject({ creditWindow: 0, initialCredit: 3 });
    expect(transfer.props.count).toBe(10);
    expect((parentOf(g, transfer.id) as GraphNode<'sender'>).props.address).toBe(receiver.props.address);
  });

  it('"Competing consumers" shares twenty transfers between several receivers of one queue', () => {
    const g = template('competing-consumers');
    const receivers = g.nodes.filter((n): n is GraphNode<'receiver'> => n.kind === 'receiver');
    const transfer = g.nodes.find((n) => n.kind === 'transfer') as GraphNode<'transfer'>;
    expect(receivers.length).toBeGreaterThanOrEqual(2);
    expect(effectiveProps(transfer).count).toBe(20);
    expect(new Set(receivers.map((r) => r.props.address))).toEqual(new Set([(parentOf(g, transfer.id) as GraphNode<'sender'>).props.address]));
  });

  it('"Request / reply" points the request\'s replyTo at a dynamic receiver, and a responder reads the request queue', () => {
    const g = template('request-reply');
    const transfer = g.nodes.find((n) => n.kind === 'transfer') as GraphNode<'transfer'>;
    const replyTo = transfer.props.replyTo!;
    expect(replyTo).toMatch(/^@/);
    const replyReceiver = byId(g, replyTo.slice(1)) as GraphNode<'receiver'>;
    expect(replyReceiver.kind).toBe('receiver');
    expect(replyReceiver.props.dynamic).toBe(true);
    const requestQueue = (parentOf(g, transfer.id) as GraphNode<'sender'>).props.address;
    expect(g.nodes.some((n) => n.kind === 'receiver' && n.props.address === requestQueue)).toBe(true);
  });
});
