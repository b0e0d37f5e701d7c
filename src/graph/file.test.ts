import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { MAX_FILE_BYTES, MAX_NODES, parseGraphFile, parseGraphValue, serializeGraph } from './file.ts';
import { makeGraph } from './fixtures/factory.ts';
import { TEMPLATES } from './templates.ts';
import type { Graph, GraphNode } from './types.ts';
import { validateGraph } from './validate.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');

function mustParse(text: string): Graph {
  const result = parseGraphFile(text);
  if (!result.ok) throw new Error(JSON.stringify(result.problems));
  return result.graph;
}

describe('the graph file', () => {
  it('reads the example from the contract with its ids kept as they are', () => {
    const g = mustParse(fixture('v1/hello-cbs.amqpflow.json'));
    expect(g.name).toBe('Hello over $cbs');
    expect(g.nodes.map((n) => `${n.id}:${n.kind}`)).toEqual(['c1:connection', 's1:session', 'tx1:sender', 't1:transfer']);
    expect(g.edges.map((e) => `${e.id}:${e.source}>${e.target}`)).toEqual(['e1:c1>s1', 'e2:s1>tx1', 'e3:tx1>t1']);
    expect(g.nodes[0]!.props).toEqual({ url: 'ws://127.0.0.1:5673/' });
    expect(validateGraph(g)).toEqual([]);
  });

  it('writes a file that uses every field back byte for byte, viewport included', () => {
    const text = fixture('v1/every-field.amqpflow.json');
    const g = mustParse(text);
    expect(g.viewport).toEqual({ x: -120.5, y: 40, zoom: 1.25 });
    expect(serializeGraph(g)).toBe(text);
  });

  it.each(TEMPLATES.map((t) => [t.name, t] as const))('round-trips the template "%s" through serialize and parse', (_name, template) => {
    const g = template.graph();
    expect(mustParse(serializeGraph(g))).toEqual(g);
  });

  it('serializes in a stable key order whatever order the props were written in', () => {
    const a = makeGraph();
    const b: Graph = { ...a, nodes: a.nodes.map((n) => (n.kind === 'sender' ? { ...n, props: { rcvSettleMode: 'first', address: 'examples' } } : n)) };
    const c: Graph = { ...a, nodes: a.nodes.map((n) => (n.kind === 'sender' ? { ...n, props: { address: 'examples', rcvSettleMode: 'first' } } : n)) };
    expect(serializeGraph(b)).toBe(serializeGraph(c));
    expect(serializeGraph(b).endsWith('}\n')).toBe(true);
  });

  it('leaves out props set to undefined, and reads the file back equal', () => {
    const g = makeGraph();
    const withUndefined: Graph = { ...g, nodes: g.nodes.map((n) => (n.id === 'tx1' ? ({ ...n, props: { address: 'examples', sndSettleMode: undefined } } as GraphNode) : n)) };
    expect(serializeGraph(withUndefined)).not.toContain('sndSettleMode');
    expect(mustParse(serializeGraph(withUndefined))).toEqual(withUndefined);
  });

  it('fills in a missing name and missing props', () => {
    const g = mustParse(JSON.stringify({ format: 'amqp-flow', version: 1, nodes: [{ id: 'c1', kind: 'connection', position: { x: 0, y: 0 } }], edges: [] }));
    expect(g.name).toBe('Untitled flow');
    expect(g.nodes[0]!.props).toEqual({});
  });

  it('accepts a file that starts with a byte order mark', () => {
    expect(parseGraphFile(`\ufeff${fixture('v1/hello-cbs.amqpflow.json')}`).ok).toBe(true);
  });

  it('accepts an unfinished flow as a document, leaving run checks to validateGraph', () => {
    const g = makeGraph();
    const loose: Graph = { ...g, edges: [] };
    const parsed = mustParse(serializeGraph(loose));
    expect(parsed).toEqual(loose);
    expect(validateGraph(parsed).map((p) => p.nodeId)).toEqual(['s1', 'tx1', 't1']);
  });

  it('refuses a file over the size limit before reading it', () => {
    const big = `{"format":"amqp-flow","version":1,"name":"${'x'.repeat(MAX_FILE_BYTES)}","nodes":[],"edges":[]}`;
    const result = parseGraphFile(big);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/larger than 10 MB/);
  });

  it('refuses a file with more nodes than the limit, naming the limit', () => {
    const nodes = Array.from({ length: MAX_NODES + 1 }, (_, i) => ({ id: `c${i}`, kind: 'connection', position: { x: 0, y: i }, props: {} }));
    const result = parseGraphValue({ format: 'amqp-flow', version: 1, name: 'Big', nodes, edges: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toBe(`This file has ${MAX_NODES + 1} nodes; the limit is ${MAX_NODES}`);
  });

  it('counts the size limit in UTF-8 bytes, not characters', () => {
    const chars = Math.ceil(MAX_FILE_BYTES / 3) + 10;
    const text = `{"name":"${'€'.repeat(chars)}"}`;
    expect(text.length).toBeLessThan(MAX_FILE_BYTES);
    const result = parseGraphFile(text);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems[0]!.message).toMatch(/larger than/);
  });

  it('never lets a __proto__ key reach any prototype', () => {
    const text = fixture('malformed/proto-key.json');
    const result = parseGraphFile(text);
    expect(result.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    const value: unknown = JSON.parse('{"format":"amqp-flow","version":1,"__proto__":{"polluted":true},"nodes":[],"edges":[]}');
    expect(parseGraphValue(value).ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('refuses values that JSON cannot hold when given a value instead of text', () => {
    const g = makeGraph();
    const withFunction = { ...g, nodes: g.nodes.map((n) => (n.id === 't1' ? { ...n, props: { body: () => 1 } } : n)) };
    const withDate = { ...g, name: new Date() };
    const cyclic: Record<string, unknown> = { format: 'amqp-flow', version: 1, name: 'loop', nodes: [], edges: [] };
    cyclic.self = cyclic;
    for (const value of [withFunction, withDate, cyclic, undefined, 42, NaN]) {
      const result = parseGraphValue(value);
      expect(result.ok).toBe(false);
      if (!result.ok) expect(result.problems.length).toBeGreaterThan(0);
    }
  });

  it('reports every problem of a file at once, pinned to each node', () => {
    const g = makeGraph({ receivers: 2 });
    const doc = JSON.parse(serializeGraph(g)) as { nodes: { id: string; props: Record<string, unknown> }[] };
    doc.nodes.find((n) => n.id === 'rx1')!.props.creditWindow = -5;
    doc.nodes.find((n) => n.id === 'rx2')!.props.autoAccept = 'no';
    doc.nodes.find((n) => n.id === 'c1')!.props.url = 'tcp://x';
    const result = parseGraphValue(doc);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems.map((p) => `${p.nodeId}.${p.field}`).sort()).toEqual(['c1.url', 'rx1.creditWindow', 'rx2.autoAccept']);
  });

  it('stops listing after fifty problems when a file repeats one mistake', () => {
    const nodes = Array.from({ length: MAX_NODES }, (_, i) => ({ id: `rx${i}`, kind: 'receiver', position: { x: 0, y: i }, props: { creditWindow: -1 } }));
    const result = parseGraphValue({ format: 'amqp-flow', version: 1, name: 'many', nodes, edges: [] });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.problems).toHaveLength(50);
  });

  it('does not share objects with the value it parsed', () => {
    const value = JSON.parse(fixture('v1/hello-cbs.amqpflow.json')) as { nodes: { props: object; position: object }[] };
    const result = parseGraphValue(value);
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.graph.nodes[0]!.props).not.toBe(value.nodes[0]!.props);
      expect(result.graph.nodes[0]!.position).not.toBe(value.nodes[0]!.position);
    }
  });
});
