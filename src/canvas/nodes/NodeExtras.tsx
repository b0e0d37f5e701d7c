// The live extras under a node's card (outcome counts, manual credit and settlement), from the run panels.
// They load after the first paint (src/ui/lazyWhenIdle.ts), well before a run: a receiver's controls
// are drawn from then on, so its card does not change shape when Run is pressed.
import { Suspense, useMemo } from 'react';
import type { NodeKind } from '../../graph/types.ts';
import type { PlannedReceiver } from '../../panels/NodeLiveDetails.tsx';
import { lazyWhenIdle } from '../../ui/lazyWhenIdle.ts';

const NodeLiveDetails = lazyWhenIdle(() => import('../../panels/NodeLiveDetails.tsx'));

export function NodeExtras({ id, kind, receiver }: { id: string; kind: NodeKind; receiver?: PlannedReceiver }) {
  const { manualCredit = false, byHand = false, rejectCondition, rejectDescription } = receiver ?? {};
  // one object per change of the receiver's props, so the memoised details do not draw again for nothing
  const planned = useMemo(
    () => ({ manualCredit, byHand, rejectCondition, rejectDescription }),
    [manualCredit, byHand, rejectCondition, rejectDescription],
  );
  return (
    <Suspense fallback={null}>
      <NodeLiveDetails id={id} kind={kind} receiver={planned} />
    </Suspense>
  );
}
