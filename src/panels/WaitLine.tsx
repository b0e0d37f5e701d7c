// The "why is it waiting?" line on a canvas node (src/store/waitReason.ts says it in words).
import type { NodeKind } from '../graph/types.ts';
import { useRunControl } from '../store/runController.ts';
import { useRun } from '../store/runStore.ts';
import { waitReason } from '../store/waitReason.ts';
import { useSentCount, useSessionRoom } from './frameTrackers.ts';

export function WaitLine({ id, kind, depth }: { id: string; kind: NodeKind; depth: number | null }) {
  const stepping = useRunControl((s) => s.stepMode && s.status === 'running');
  const sessionRoom = useSessionRoom(id);
  const { held } = useSentCount(id);
  const line = useRun((s) => waitReason(s, id, kind, { stepping, queueDepth: depth, sessionRoom, heldForStep: held }));
  if (!line) return null;
  return (
    <p className="live__waiting" role="note" aria-label="Why it is waiting">
      {line}
    </p>
  );
}
