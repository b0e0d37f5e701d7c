// Frames in words: one line of key fields per performative, and which graph node a frame belongs to
// (connection by id, session by channel, link by handle), learned from the begin and attach frames.
import type { FrameRecord } from '../engine/events.ts';
import type { Graph, GraphNode } from '../graph/types.ts';
import type { NodeLive } from './reduceRun.ts';

const camel = (name: string) => name.replace(/_([a-z])/g, (_m, c: string) => c.toUpperCase());

/** A performative field by its AMQP name (`delivery_id`), whether the decoder wrote it snake- or camelCase. */
export function fieldOf(f: FrameRecord, name: string): unknown {
  return f.fields[name] ?? f.fields[camel(name)];
}

/** The address of a source or target, as decoded either to an object or to a described list. */
export function terminusAddress(t: unknown): string | undefined {
  if (!t || typeof t !== 'object') return undefined;
  const o = t as { address?: unknown; value?: unknown };
  if (typeof o.address === 'string') return o.address;
  if (Array.isArray(o.value) && typeof o.value[0] === 'string') return o.value[0];
  if (o.value && typeof o.value === 'object') return terminusAddress(o.value);
  return undefined;
}

export function show(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (typeof v === 'object' && 'condition' in (v as object)) return String((v as { condition: unknown }).condition);
  if (typeof v === 'object' && 'descriptor' in (v as object)) {
    const d = v as { descriptor: unknown; value?: unknown };
    const inner = d.value && typeof d.value === 'object' && 'condition' in d.value ? show(d.value) : '';
    return inner || String(d.descriptor);
  }
  if (typeof v === 'object' && 'binary' in (v as object)) return `0x${String((v as { binary: unknown }).binary)}`;
  try {
    const text = JSON.stringify(v);
    return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  } catch {
    return String(v);
  }
}

const OUTCOME_CODES: Record<string, string> = { '35': 'received', '36': 'accepted', '37': 'rejected', '38': 'released', '39': 'modified' };

/** An outcome or delivery state by its spec name (`accepted`, `rejected`, …). */
export function stateName(state: unknown): string {
  if (!state || typeof state !== 'object') return show(state);
  const s = state as { described?: unknown; descriptor?: unknown; constructor?: { composite_type?: string } };
  if (typeof s.descriptor === 'string') return s.descriptor;
  if (s.described !== undefined) return OUTCOME_CODES[String(s.described)] ?? show(state);
  if (s.constructor?.composite_type) return s.constructor.composite_type;
  return show(state);
}

const KEY_FIELDS: Record<string, readonly string[]> = {
  open: ['container_id', 'hostname', 'max_frame_size', 'channel_max', 'idle_time_out'],
  begin: ['remote_channel', 'next_outgoing_id', 'incoming_window', 'outgoing_window'],
  attach: ['name', 'handle', 'role', 'snd_settle_mode', 'rcv_settle_mode', 'initial_delivery_count'],
  flow: ['handle', 'delivery_count', 'link_credit', 'drain', 'available', 'echo'],
  transfer: ['handle', 'delivery_id', 'settled', 'more', 'state'],
  disposition: ['role', 'first', 'last', 'settled', 'state'],
  detach: ['handle', 'closed', 'error'],
  end: ['error'],
  close: ['error'],
  'sasl-init': ['mechanism', 'hostname'],
  'sasl-mechanisms': ['sasl_server_mechanisms'],
  'sasl-outcome': ['code'],
};

/** One line: the performative's key fields as `name=value`, then a transfer's message summary. */
export function frameSummary(f: FrameRecord): string {
  const keys = KEY_FIELDS[f.performative.replace('_', '-')] ?? Object.keys(f.fields).slice(0, 5);
  const parts: string[] = [];
  for (const key of keys) {
    const v = fieldOf(f, key);
    if (v === undefined || v === null) continue;
    if (key === 'role') parts.push(`role=${v === true ? 'receiver' : 'sender'}`);
    else if (key === 'state') parts.push(`state=${stateName(v)}`);
    else parts.push(`${key}=${show(v)}`);
  }
  if (f.performative === 'attach') {
    const source = terminusAddress(fieldOf(f, 'source'));
    const target = terminusAddress(fieldOf(f, 'target'));
    if (source !== undefined) parts.push(`source=${source}`);
    if (target !== undefined) parts.push(`target=${target}`);
  }
  if (f.message) parts.push(`“${f.message.summary}” (${f.message.size} B)`);
  return parts.join(' ');
}

interface ConnectionTrack {
  outChannel: Map<number, string>;
  inChannel: Map<number, string>;
  outHandle: Map<string, string>;
  inHandle: Map<string, string>;
  byLinkName: Map<string, string>;
  used: Set<string>;
}

/** Follows one run's frames and tells, for each, the graph node it is about (or its connection). */
export class FrameAttributor {
  private readonly children = new Map<string, GraphNode[]>();
  private readonly tracks = new Map<string, ConnectionTrack>();

  constructor(graph: Graph) {
    const byId = new Map(graph.nodes.map((n) => [n.id, n] as const));
    for (const e of graph.edges) {
      const child = byId.get(e.target);
      if (!child) continue;
      const list = this.children.get(e.source) ?? [];
      list.push(child);
      this.children.set(e.source, list);
    }
  }

  private track(connection: string): ConnectionTrack {
    let t = this.tracks.get(connection);
    if (!t) {
      t = { outChannel: new Map(), inChannel: new Map(), outHandle: new Map(), inHandle: new Map(), byLinkName: new Map(), used: new Set() };
      this.tracks.set(connection, t);
    }
    return t;
  }

  /** The node this frame is about; with `record` false (a held frame) nothing is learned from it. */
  nodeOf(f: FrameRecord, record = true): string {
    const t = this.track(f.connection);
    const channels = f.dir === 'out' ? t.outChannel : t.inChannel;
    const handles = f.dir === 'out' ? t.outHandle : t.inHandle;
    const session = channels.get(f.channel);
    const handle = fieldOf(f, 'handle');
    switch (f.performative) {
      case 'begin': {
        if (f.dir === 'in') {
          const ours = t.outChannel.get(Number(fieldOf(f, 'remote_channel')));
          if (ours && record) t.inChannel.set(f.channel, ours);
          return ours ?? f.connection;
        }
        const next = (this.children.get(f.connection) ?? []).find((n) => n.kind === 'session' && !t.used.has(n.id));
        if (!next) return f.connection;
        if (record) {
          t.used.add(next.id);
          t.outChannel.set(f.channel, next.id);
        }
        return next.id;
      }
      case 'attach': {
        const name = String(fieldOf(f, 'name') ?? '');
        if (f.dir === 'in') {
          const ours = t.byLinkName.get(name);
          if (ours && record && handle !== undefined) t.inHandle.set(`${f.channel}:${String(handle)}`, ours);
          return ours ?? session ?? f.connection;
        }
        const kind = fieldOf(f, 'role') === true ? 'receiver' : 'sender';
        const address = terminusAddress(fieldOf(f, kind === 'sender' ? 'target' : 'source'));
        const candidates = (session ? this.children.get(session) ?? [] : []).filter((n) => n.kind === kind && !t.used.has(n.id));
        const link = candidates.find((n) => (n.props as { address?: string }).address === address) ?? candidates[0];
        if (!link) return session ?? f.connection;
        if (record) {
          t.used.add(link.id);
          t.byLinkName.set(name, link.id);
          if (handle !== undefined) t.outHandle.set(`${f.channel}:${String(handle)}`, link.id);
        }
        return link.id;
      }
      case 'flow':
      case 'transfer':
      case 'detach':
        if (handle !== undefined && handle !== null) return handles.get(`${f.channel}:${String(handle)}`) ?? session ?? f.connection;
        return session ?? f.connection;
      case 'disposition':
      case 'end':
        return session ?? f.connection;
      default:
        return f.connection;
    }
  }
}

/** The node a frame belongs to, for each frame of a trace, learned in order. */
export function attributeFrames(graph: Graph, frames: readonly FrameRecord[]): string[] {
  const a = new FrameAttributor(graph);
  return frames.map((f) => a.nodeOf(f));
}

/** "attach (sender tx1)": a held outgoing frame and the node it would open, close or move. */
export function describeHeldFrame(held: FrameRecord, graph: Graph, _nodes: Readonly<Record<string, NodeLive>>, sent: readonly FrameRecord[] = []): string {
  const a = new FrameAttributor(graph);
  for (const f of sent) a.nodeOf(f);
  const id = a.nodeOf(held, false);
  const kind = graph.nodes.find((n) => n.id === id)?.kind ?? 'connection';
  return `${held.performative} (${kind} ${id})`;
}
