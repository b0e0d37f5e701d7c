// Views of the run that follow the frame trace and the events incrementally, once for the whole page
// (not once per node that asks): the room in each session's window, the transfers really on the
// wire, and each connection's claims-based security handshake.
import { useRun, type RunState } from '../store/runStore.ts';
import { useRunControl } from '../store/runController.ts';
import { FrameAttributor } from '../store/describeFrame.ts';
import { OnTheWire } from '../store/onTheWire.ts';
import { SessionWindows } from '../store/sessionWindow.ts';
import { newEvents } from './creditSeries.ts';

let graph: RunState['graph'] = null;
let windows = new SessionWindows();
let wire = new OnTheWire();
let attributor: FrameAttributor | null = null;
let seenFrames = 0;
let seenEvents = 0;

/** The last answer to a connection's put-token, and how many renewals were answered. */
export interface CbsStatus {
  status: number;
  description: string;
  renewals: number;
  ok: boolean;
}
let cbs = new Map<string, CbsStatus>();

function follow(s: RunState): void {
  if (s.graph !== graph || s.frameTotal < seenFrames || s.eventTotal < seenEvents) {
    graph = s.graph;
    windows = new SessionWindows();
    wire = new OnTheWire();
    cbs = new Map();
    attributor = s.graph ? new FrameAttributor(s.graph) : null;
    seenFrames = seenEvents = 0;
  }
  if (s.eventTotal > seenEvents) {
    for (const e of newEvents(s.events, s.eventTotal, seenEvents)) {
      wire.addEvent(e, s.parentOf);
      if (e.event === 'CBS_TOKEN') {
        const before = cbs.get(e.node);
        cbs.set(e.node, { status: e.status, description: e.description, renewals: (before?.renewals ?? 0) + (e.renewal ? 1 : 0), ok: !e.errorDetail });
      }
    }
  }
  seenEvents = s.eventTotal;
  if (attributor && s.frameTotal > seenFrames) {
    for (const f of newEvents(s.frames, s.frameTotal, seenFrames)) {
      const node = attributor.nodeOf(f);
      windows.add(f, node);
      wire.addFrame(f, node);
    }
  }
  seenFrames = s.frameTotal;
}

/** The session a node belongs to (itself, or the parent of a link). */
const sessionOf = (s: RunState, id: string) => (s.kindOf[id] === 'session' ? id : s.kindOf[id] === 'sender' ? s.parentOf[id] : undefined);

/** Remaining room and window size for the node's session; null when unknown. Compared by value. */
export function useSessionRoom(id: string): { remaining: number; window: number } | null {
  const key = useRun((s) => {
    const session = sessionOf(s, id);
    if (!session) return '';
    follow(s);
    const room = windows.remaining(session);
    return room ? `${room.remaining}/${room.window}` : '';
  });
  if (!key) return null;
  const [remaining, window] = key.split('/').map(Number);
  return { remaining: remaining!, window: window! };
}

/**
 * A sender's or transfer's sent count as the user should read it: in step mode, only transfers
 * whose frame has gone out count as sent, and the rest are held for Step.
 */
export function useSentCount(id: string): { sent: number; held: number } {
  const stepping = useRunControl((s) => s.stepMode);
  const key = useRun((s) => {
    const handed = s.nodes[id]?.counts.sent ?? 0;
    if (!stepping) return `${handed}/0`;
    follow(s);
    const out = Math.min(handed, wire.count(id));
    return `${out}/${handed - out}`;
  });
  const [sent, held] = key.split('/').map(Number);
  return { sent: sent!, held: held! };
}

/** The connection's put-token answers so far; null before the first (or without cbs). */
export function useCbsStatus(id: string): CbsStatus | null {
  const key = useRun((s) => {
    if (s.kindOf[id] !== 'connection') return '';
    follow(s);
    const c = cbs.get(id);
    return c ? JSON.stringify(c) : '';
  });
  return key ? (JSON.parse(key) as CbsStatus) : null;
}
