// The live extras under a node's card (outcome counts, manual credit and settlement), from the run panels.
// They show only once a run has begun, so they load after the first paint (src/ui/lazyWhenIdle.ts).
import { Suspense } from 'react';
import type { NodeKind } from '../../graph/types.ts';
import { lazyWhenIdle } from '../../ui/lazyWhenIdle.ts';

const NodeLiveDetails = lazyWhenIdle(() => import('../../panels/NodeLiveDetails.tsx'));

export function NodeExtras({ id, kind }: { id: string; kind: NodeKind }) {
  return (
    <Suspense fallback={null}>
      <NodeLiveDetails id={id} kind={kind} />
    </Suspense>
  );
}
