// The live extras under a node's card (outcome counts, manual credit and settlement), from the run panels.
import type { NodeKind } from '../../graph/types.ts';
import { NodeLiveDetails } from '../../panels/NodeLiveDetails.tsx';

export function NodeExtras({ id, kind }: { id: string; kind: NodeKind }) {
  return <NodeLiveDetails id={id} kind={kind} />;
}
