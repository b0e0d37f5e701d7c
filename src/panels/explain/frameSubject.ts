// The graph node a frame is explained for: its attributed node, except that a disposition (which belongs to
// its session) is explained for the link whose deliveries it settles, when they all went over one link.
import type { FrameRecord } from '../../engine/events.ts';
import { fieldOf } from '../../store/describeFrame.ts';

/** How far back to look for the transfers a disposition settles. */
const LOOK_BACK = 5_000;

export function frameSubject(frames: readonly FrameRecord[], frameNodes: readonly string[], parentOf: Readonly<Record<string, string>>, i: number): string {
  const f = frames[i]!;
  const node = frameNodes[i] ?? f.connection;
  if (f.performative !== 'disposition') return node;
  const first = Number(fieldOf(f, 'first'));
  const last = Number(fieldOf(f, 'last') ?? first);
  if (!Number.isFinite(first) || !Number.isFinite(last)) return node;
  const links = new Set<string>();
  for (let j = i - 1; j >= 0 && j >= i - LOOK_BACK; j--) {
    const t = frames[j]!;
    if (t.performative !== 'transfer' || t.connection !== f.connection || t.dir === f.dir) continue;
    const id = Number(fieldOf(t, 'delivery_id'));
    const link = frameNodes[j];
    // delivery ids count per session and direction: the transfer must be on this disposition's session
    if (id >= first && id <= last && link && parentOf[link] === node) links.add(link);
  }
  return links.size === 1 ? [...links][0]! : node;
}
