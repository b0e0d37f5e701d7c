// Graphs the benchmarks run and load, built from small factories so their sizes are stated in one place.
import type { Graph, GraphEdge, GraphNode } from '../../src/graph/types.ts';

const base = (name: string): Graph => ({ format: 'amqp-flow', version: 1, name, nodes: [], edges: [] });

function add(g: Graph, node: GraphNode, parent?: string) {
  g.nodes.push(node);
  if (parent) g.edges.push({ id: `e-${parent}-${node.id}`, source: parent, target: node.id } satisfies GraphEdge);
}

/** A body of `size` characters (ASCII, so as many bytes). */
export const bodyOf = (size: number): string => 'x'.repeat(size);

export interface ThroughputGraphOptions {
  address: string;
  /** transfers in all; split over transfer nodes of at most `perNode` attempts */
  messages: number;
  bodySize: number;
  creditWindow: number;
  perNode?: number;
  /** connection URL; empty means the page's embedded broker */
  url?: string;
}

/**
 * One connection, one session, a sender with `messages` transfers and a receiver on the same address:
 * what the raw client does too.
 */
export function throughputGraph(o: ThroughputGraphOptions): Graph {
  const g = base(`throughput ${o.messages}`);
  add(g, { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: o.url ? { url: o.url } : {} });
  add(g, { id: 's1', kind: 'session', position: { x: 240, y: 0 }, props: {} }, 'c1');
  add(g, { id: 'rx1', kind: 'receiver', position: { x: 480, y: 160 }, props: { address: o.address, creditWindow: o.creditWindow } }, 's1');
  add(g, { id: 'tx1', kind: 'sender', position: { x: 480, y: 0 }, props: { address: o.address } }, 's1');
  const perNode = o.perNode ?? 100_000;
  const body = bodyOf(o.bodySize);
  for (let i = 0, left = o.messages; left > 0; i++, left -= perNode) {
    add(g, { id: `t${i + 1}`, kind: 'transfer', position: { x: 720, y: i * 120 }, props: { body, count: Math.min(perNode, left) } }, 'tx1');
  }
  return g;
}

/** A connection and a session, for timing Run → CONNECTION_OPEN. */
export function openOnlyGraph(): Graph {
  const g = base('open');
  add(g, { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: {} });
  add(g, { id: 's1', kind: 'session', position: { x: 240, y: 0 }, props: {} }, 'c1');
  return g;
}

/**
 * 1,000 nodes: 50 connections, each with a session, a sender with 16 transfers and a receiver, laid out
 * as 10 columns × 5 rows of blocks. Valid, so it imports and could run.
 */
export function editorGraph(connections = 50, transfersPerSender = 16): Graph {
  const g = base(`${connections * (4 + transfersPerSender)} nodes`);
  for (let c = 0; c < connections; c++) {
    const ox = (c % 10) * 900;
    const oy = Math.floor(c / 10) * (transfersPerSender * 90 + 200);
    const p = `b${c + 1}`;
    add(g, { id: `${p}c`, kind: 'connection', position: { x: ox, y: oy }, props: { containerId: `${p}` } });
    add(g, { id: `${p}s`, kind: 'session', position: { x: ox + 220, y: oy }, props: {} }, `${p}c`);
    add(g, { id: `${p}tx`, kind: 'sender', position: { x: ox + 440, y: oy }, props: { address: `q${c + 1}` } }, `${p}s`);
    add(g, { id: `${p}rx`, kind: 'receiver', position: { x: ox + 440, y: oy + 140 }, props: { address: `q${c + 1}` } }, `${p}s`);
    for (let t = 0; t < transfersPerSender; t++) {
      add(g, { id: `${p}t${t + 1}`, kind: 'transfer', position: { x: ox + 660, y: oy + t * 90 }, props: { body: `message ${t + 1}` } }, `${p}tx`);
    }
  }
  return g;
}
