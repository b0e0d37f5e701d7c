// The flow as a standalone SVG picture for documents: each node as a card at its position, each wire as a
// curve from parent to child. Pure (no DOM), so it is tested in Node; the PNG is drawn from it.
import { KIND_LABEL } from './defaults.ts';
import type { Graph, GraphNode, NodeKind } from './types.ts';

export const CARD_WIDTH = 190;
export const CARD_HEIGHT = 84;
const PAD = 24;

const KIND_COLOUR: Record<NodeKind, string> = {
  connection: '#2f6fed',
  session: '#7c4dde',
  sender: '#0f9d6e',
  receiver: '#d08a00',
  transfer: '#d63c86',
};

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const clip = (text: string, max = 26) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The line a card shows under its title: what the node talks to or carries. */
export function cardText(node: GraphNode): string {
  switch (node.kind) {
    case 'connection':
      return node.props.url || 'embedded broker';
    case 'session':
      return 'session';
    case 'sender':
      return node.props.address || '(anonymous sender)';
    case 'receiver':
      return node.props.dynamic ? 'dynamic address' : node.props.address || '(no address)';
    case 'transfer': {
      const body = node.props.body ?? 'Hello!';
      const text = typeof body === 'string' ? body : JSON.stringify(body);
      return (node.props.count ?? 1) > 1 ? `${clip(text, 18)} × ${node.props.count}` : text;
    }
    default: {
      const never: never = node;
      return String(never);
    }
  }
}

export interface FlowSvgOptions {
  /** per node id: a state word shown on the card (open, error, …) */
  states?: Readonly<Record<string, string>>;
  /** per node id: the expectations' verdict, drawn as a ✓ or ✗ */
  checks?: Readonly<Record<string, 'met' | 'failed' | 'skipped'>>;
}

export function flowToSvg(graph: Graph, opts: FlowSvgOptions = {}): string {
  const xs = graph.nodes.map((n) => n.position.x);
  const ys = graph.nodes.map((n) => n.position.y);
  const minX = xs.length ? Math.min(...xs) - PAD : 0;
  const minY = ys.length ? Math.min(...ys) - PAD - (graph.name ? 28 : 0) : 0;
  const width = Math.ceil((xs.length ? Math.max(...xs) + CARD_WIDTH + PAD : 2 * PAD) - minX);
  const height = Math.ceil((ys.length ? Math.max(...ys) + CARD_HEIGHT + PAD : 2 * PAD) - minY);
  const at = (n: GraphNode) => ({ x: n.position.x - minX, y: n.position.y - minY });
  const byId = new Map(graph.nodes.map((n) => [n.id, n] as const));
  const out = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="ui-sans-serif, system-ui, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#f8fafc"/>`,
  ];
  if (graph.name) out.push(`<text x="${PAD}" y="${PAD + 4}" font-size="15" font-weight="600" fill="#0f172a">${xml(graph.name)}</text>`);
  for (const e of graph.edges) {
    const source = byId.get(e.source);
    const target = byId.get(e.target);
    if (!source || !target) continue;
    const a = at(source);
    const b = at(target);
    const x1 = a.x + CARD_WIDTH;
    const y1 = a.y + CARD_HEIGHT / 2;
    const x2 = b.x;
    const y2 = b.y + CARD_HEIGHT / 2;
    const bend = Math.max(30, (x2 - x1) / 2);
    out.push(`<path class="edge" data-edge-id="${xml(e.id)}" d="M${x1},${y1} C${x1 + bend},${y1} ${x2 - bend},${y2} ${x2},${y2}" fill="none" stroke="#94a3b8" stroke-width="1.5"/>`);
  }
  for (const n of graph.nodes) {
    const { x, y } = at(n);
    const colour = KIND_COLOUR[n.kind];
    const state = opts.states?.[n.id];
    const check = opts.checks?.[n.id];
    out.push(
      `<g class="node" data-node-id="${xml(n.id)}" data-kind="${n.kind}" transform="translate(${x},${y})">`,
      `<rect width="${CARD_WIDTH}" height="${CARD_HEIGHT}" rx="8" fill="#ffffff" stroke="#cbd5e1"/>`,
      `<rect width="${CARD_WIDTH}" height="4" rx="2" fill="${colour}"/>`,
      `<text x="12" y="24" font-weight="700" font-size="11" letter-spacing="0.06em" fill="${colour}">${xml(KIND_LABEL[n.kind].toUpperCase())}</text>`,
      `<text x="${CARD_WIDTH - (check ? 30 : 12)}" y="24" text-anchor="end" font-family="ui-monospace, monospace" font-size="11" fill="#64748b">${xml(clip(n.id, 16))}</text>`,
      `<text x="12" y="48" font-family="ui-monospace, monospace" fill="#0f172a">${xml(clip(cardText(n)))}</text>`,
    );
    if (state) out.push(`<text x="12" y="70" font-size="11" fill="#64748b">${xml(state)}</text>`);
    if (check) {
      const fill = check === 'met' ? '#16a34a' : check === 'failed' ? '#dc2626' : '#64748b';
      out.push(`<circle cx="${CARD_WIDTH - 16}" cy="20" r="8" fill="${fill}"/><text x="${CARD_WIDTH - 16}" y="24" text-anchor="middle" font-size="11" font-weight="700" fill="#fff">${check === 'met' ? '✓' : check === 'failed' ? '✗' : '–'}</text>`);
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
