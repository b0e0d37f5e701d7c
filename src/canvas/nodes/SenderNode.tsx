// A sender on the canvas: target address, settle mode and live link credit; transfers wire out of it.
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { effectiveProps } from '../../graph/defaults.ts';
import { useNodeLive } from '../../store/runStore.ts';
import type { KindFlowNode } from '../flowTypes.ts';
import { NodeCard, NodeMain, NodeRow } from './NodeCard.tsx';
import { NodeExtras } from './NodeExtras.tsx';
import { SentBadges } from '../../panels/SentBadges.tsx';

function SenderNode({ id, data }: NodeProps<KindFlowNode<'sender'>>) {
  const live = useNodeLive(id);
  const props = effectiveProps(data.node);
  return (
    <NodeCard id={id} kind="sender" live={live}>
      <Handle type="target" position={Position.Left} id="session" />
      <NodeMain value={props.address ?? ''} empty="(no address)" />
      <NodeRow label="settle" value={props.sndSettleMode} />
      <div className="node__live">
        <span className="node__badge node__badge--credit">credit {live.credit}</span>
        {live.queued > 0 && <span className="node__badge node__badge--queued">{live.queued} waiting for credit</span>}
        <SentBadges id={id} />
      </div>
      <NodeExtras id={id} kind="sender" />
      <Handle type="source" position={Position.Right} id="transfers" />
    </NodeCard>
  );
}

export default memo(SenderNode);
