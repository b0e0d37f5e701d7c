// The frame trace as a document diagram: Mermaid `sequenceDiagram` text and a standalone SVG, both
// pure (no DOM), for the Frames panel's export buttons and `amqp-flow run --sequence`.
import type { FrameRecord } from './events.ts';

/** Fields worth a place on an arrow, per performative (AMQP's own names). */
const LABEL_FIELDS: Record<string, readonly string[]> = {
  open: ['container_id', 'max_frame_size'],
  begin: ['remote_channel'],
  attach: ['handle', 'role', 'source', 'target'],
  flow: ['handle', 'link_credit', 'delivery_count', 'drain'],
  transfer: ['handle', 'delivery_id', 'settled'],
  disposition: ['first', 'last', 'settled', 'state'],
  detach: ['handle', 'closed', 'error'],
  end: ['error'],
  close: ['error'],
};

function shortValue(key: string, v: unknown): string | null {
  if (v === undefined || v === null) return null;
  if (key === 'role') return v === true ? 'receiver' : 'sender';
  if (key === 'state' && typeof v === 'object') {
    const d = (v as { descriptor?: unknown }).descriptor;
    return typeof d === 'string' ? d : null;
  }
  if (key === 'source' || key === 'target') {
    const address = terminusAddress(v);
    return address === undefined ? null : address || '(none)';
  }
  if (key === 'error' && typeof v === 'object') return String((v as { condition?: unknown }).condition ?? 'error');
  if (typeof v === 'object') return JSON.stringify(v).slice(0, 40);
  return String(v).slice(0, 40);
}

/** The address of a decoded source or target, however deeply rhea wrapped it. */
function terminusAddress(t: unknown): string | undefined {
  if (!t || typeof t !== 'object') return undefined;
  const o = t as { address?: unknown; value?: unknown };
  if (typeof o.address === 'string') return o.address;
  if (o.value && typeof o.value === 'object') return terminusAddress(o.value);
  return undefined;
}

/** One arrow's text: the performative and its key fields, e.g. `flow handle=0 link_credit=10`. */
export function frameLabel(f: FrameRecord): string {
  const parts = [f.performative];
  for (const key of LABEL_FIELDS[f.performative] ?? []) {
    const v = shortValue(key, f.fields[key] ?? f.fields[key.replace(/_/g, '-')]);
    if (v !== null) parts.push(`${key.replace(/_/g, '-')}=${v}`);
  }
  if (f.message) parts.push(`"${f.message.summary.slice(0, 30)}"`);
  return parts.join(' ');
}

/** Connections in order of their first frame. */
function connectionsOf(frames: readonly FrameRecord[]): string[] {
  const seen: string[] = [];
  for (const f of frames) if (!seen.includes(f.connection)) seen.push(f.connection);
  return seen;
}

const participantId = (connection: string, side: 'page' | 'broker') => `${side}_${connection.replace(/[^A-Za-z0-9_]/g, '_')}`;

const MERMAID_ENTITY: Record<string, string> = { '#': '#35;', ';': '#59;', '<': '#lt;', '>': '#gt;' };

/** Mermaid treats `;` `#` and angle brackets specially inside messages: write them as entity codes. */
function mermaidText(text: string): string {
  return text.replace(/[\r\n]+/g, ' ').replace(/[#;<>]/g, (c) => MERMAID_ENTITY[c]!);
}

/** A Mermaid `sequenceDiagram`: a page and a broker participant per connection, one arrow per frame. */
export function sequenceToMermaid(frames: readonly FrameRecord[], title?: string): string {
  const lines = ['sequenceDiagram'];
  if (title) lines.push(`  title ${mermaidText(title)}`);
  for (const c of connectionsOf(frames)) {
    lines.push(`  participant ${participantId(c, 'page')} as ${mermaidText(`${c} (page)`)}`);
    lines.push(`  participant ${participantId(c, 'broker')} as ${mermaidText(`broker (${c})`)}`);
  }
  for (const f of frames) {
    const page = participantId(f.connection, 'page');
    const broker = participantId(f.connection, 'broker');
    const arrow = f.dir === 'out' ? `${page}->>${broker}` : `${broker}-->>${page}`;
    lines.push(`  ${arrow}: ${mermaidText(`${Math.round(f.at)} ms ${frameLabel(f)}`)}`);
  }
  return `${lines.join('\n')}\n`;
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

const ROW = 28;
const LANE_GAP = 400;
const PAIR_GAP = 80;
const MARGIN = 100;
const HEAD = 40;

/** A standalone SVG of the same diagram (fixed fonts and colours, so it reads the same anywhere). */
export function sequenceToSvg(frames: readonly FrameRecord[], title?: string): string {
  const connections = connectionsOf(frames);
  const laneX = (c: string, side: 'page' | 'broker') => MARGIN + connections.indexOf(c) * (LANE_GAP + PAIR_GAP) + (side === 'broker' ? LANE_GAP : 0);
  const width = MARGIN * 2 + Math.max(1, connections.length) * (LANE_GAP + PAIR_GAP) - PAIR_GAP;
  const top = HEAD + (title ? 24 : 0);
  const height = top + frames.length * ROW + 20;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="ui-sans-serif, system-ui, sans-serif" font-size="12">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<defs><marker id="arrow" viewBox="0 0 8 8" refX="8" refY="4" markerWidth="8" markerHeight="8" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" fill="#334155"/></marker></defs>`,
  ];
  if (title) out.push(`<text x="${width / 2}" y="20" text-anchor="middle" font-size="15" font-weight="600" fill="#0f172a">${xml(title)}</text>`);
  for (const c of connections) {
    for (const side of ['page', 'broker'] as const) {
      const x = laneX(c, side);
      out.push(`<text x="${x}" y="${top - 14}" text-anchor="middle" font-weight="600" fill="#0f172a">${xml(side === 'page' ? `${c} (page)` : 'broker')}</text>`);
      out.push(`<line x1="${x}" x2="${x}" y1="${top - 6}" y2="${height - 10}" stroke="#cbd5e1" stroke-dasharray="4 3"/>`);
    }
  }
  frames.forEach((f, i) => {
    const y = top + i * ROW + ROW / 2 + 6;
    const page = laneX(f.connection, 'page');
    const broker = laneX(f.connection, 'broker');
    const [from, to] = f.dir === 'out' ? [page, broker] : [broker, page];
    const colour = f.dir === 'out' ? '#2563eb' : '#059669';
    out.push(
      `<g class="frame" data-performative="${xml(f.performative)}">`,
      `<text x="8" y="${y + 4}" fill="#64748b" font-size="10">${Math.round(f.at)}</text>`,
      `<line x1="${from}" x2="${to}" y1="${y}" y2="${y}" stroke="${colour}" stroke-width="1.5" marker-end="url(#arrow)"${f.dir === 'in' ? ' stroke-dasharray="5 3"' : ''}/>`,
      `<text x="${(page + broker) / 2}" y="${y - 5}" text-anchor="middle" fill="#0f172a">${xml(frameLabel(f))}</text>`,
      `</g>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
