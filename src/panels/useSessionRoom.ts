// The room each session has in the broker's incoming window, followed incrementally from the run's
// frames once for the whole page (not once per node that asks).
import { useRun, type RunState } from '../store/runStore.ts';
import { FrameAttributor } from '../store/describeFrame.ts';
import { SessionWindows } from '../store/sessionWindow.ts';
import { newEvents } from './creditSeries.ts';

let graph: RunState['graph'] = null;
let windows = new SessionWindows();
let attributor: FrameAttributor | null = null;
let seen = 0;

function follow(s: RunState): SessionWindows {
  if (s.graph !== graph || s.frameTotal < seen) {
    graph = s.graph;
    windows = new SessionWindows();
    attributor = s.graph ? new FrameAttributor(s.graph) : null;
    seen = 0;
  }
  if (attributor && s.frameTotal > seen) {
    for (const f of newEvents(s.frames, s.frameTotal, seen)) windows.add(f, attributor.nodeOf(f));
  }
  seen = s.frameTotal;
  return windows;
}

/** The session a node belongs to (itself, or the parent of a link). */
const sessionOf = (s: RunState, id: string) => (s.kindOf[id] === 'session' ? id : s.kindOf[id] === 'sender' ? s.parentOf[id] : undefined);

/** Remaining room and window size for the node's session; null when unknown. Compared by value. */
export function useSessionRoom(id: string): { remaining: number; window: number } | null {
  const key = useRun((s) => {
    const session = sessionOf(s, id);
    const room = session ? follow(s).remaining(session) : null;
    return room ? `${room.remaining}/${room.window}` : '';
  });
  if (!key) return null;
  const [remaining, window] = key.split('/').map(Number);
  return { remaining: remaining!, window: window! };
}
