// How much room the broker's incoming window leaves each session, read from the frame trace:
// remaining = the peer's next-incoming-id + incoming-window − our next-outgoing-id (AMQP 1.0
// §2.5.6). At 0 the session may not send another transfer frame until the peer's next flow.
import type { FrameRecord } from '../engine/events.ts';
import { fieldOf } from './describeFrame.ts';

interface Track {
  session: string;
  nextOutgoing: number;
  /** the peer's next-incoming-id and incoming-window, once its begin or a flow said so */
  peerNextIncoming: number | null;
  peerWindow: number | null;
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

export class SessionWindows {
  private readonly byOut = new Map<string, Track>();
  /** `${connection}:${incoming channel}` → the key of our outgoing channel */
  private readonly inToOut = new Map<string, string>();
  private readonly bySession = new Map<string, Track>();

  /** One frame of the trace, in order, with the node it was attributed to. */
  add(f: FrameRecord, node: string): void {
    if (f.performative === 'begin') {
      if (f.dir === 'out') {
        const t: Track = { session: node, nextOutgoing: num(fieldOf(f, 'next_outgoing_id')) ?? 0, peerNextIncoming: null, peerWindow: null };
        this.byOut.set(`${f.connection}:${f.channel}`, t);
        this.bySession.set(node, t);
      } else {
        const ours = num(fieldOf(f, 'remote_channel'));
        if (ours === null) return;
        const key = `${f.connection}:${ours}`;
        this.inToOut.set(`${f.connection}:${f.channel}`, key);
        const t = this.byOut.get(key);
        if (t) {
          // The peer's begin: it expects our next-outgoing-id as of our begin.
          t.peerNextIncoming = t.nextOutgoing;
          t.peerWindow = num(fieldOf(f, 'incoming_window'));
        }
      }
      return;
    }
    if (f.dir === 'out' && f.performative === 'transfer') {
      const t = this.byOut.get(`${f.connection}:${f.channel}`);
      if (t) t.nextOutgoing += 1;
      return;
    }
    if (f.dir === 'in' && f.performative === 'flow') {
      const key = this.inToOut.get(`${f.connection}:${f.channel}`);
      const t = key ? this.byOut.get(key) : undefined;
      if (!t) return;
      const window = num(fieldOf(f, 'incoming_window'));
      if (window !== null) t.peerWindow = window;
      // Without next-incoming-id the peer has not seen our begin yet: it counts from our first id.
      t.peerNextIncoming = num(fieldOf(f, 'next_incoming_id')) ?? t.peerNextIncoming;
    }
  }

  /** Transfer frames this session may still send before the peer's next flow; null when unknown. */
  remaining(session: string): { remaining: number; window: number } | null {
    const t = this.bySession.get(session);
    if (!t || t.peerNextIncoming === null || t.peerWindow === null) return null;
    return { remaining: t.peerNextIncoming + t.peerWindow - t.nextOutgoing, window: t.peerWindow };
  }
}
