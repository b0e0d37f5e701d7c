// A receiver on the canvas: source address, credit window (or manual credit) and live link credit.
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { effectiveProps } from '../../graph/defaults.ts';
import { useNodeLive } from '../../store/runStore.ts';
import type { KindFlowNode } from '../flowTypes.ts';
import { NodeCard, NodeMain, NodeRow } from './NodeCard.tsx';
import { NodeExtras } from './NodeExtras.tsx';

function ReceiverNode({ id, data }: NodeProps<KindFlowNode<'receiver'>>) {
  const live = useNodeLive(id);
  const props = effectiveProps(data.node);
  const address = live.address && props.dynamic ? live.address : (props.address ?? '');
  return (
    <NodeCard id={id} kind="receiver" live={live}>
      <Handle type="target" position={Position.Left} id="session" />
      <NodeMain value={address} empty={props.dynamic ? '(dynamic address)' : '(no address)'} />
      <NodeRow label="credit window" value={props.creditWindow === 0 ? 'manual' : props.creditWindow} />
      {!props.autoAccept && <NodeRow label="settle" value="by hand" />}
      <div className="node__live">
        <span className="node__badge node__badge--credit">credit {live.credit}</span>
      </div>
      <NodeExtras
        id={id}
        kind="receiver"
        receiver={{
          manualCredit: props.creditWindow === 0,
          byHand: !props.autoAccept,
          rejectCondition: props.rejectCondition,
          rejectDescription: props.rejectDescription,
        }}
      />
    </NodeCard>
  );
}

export default memo(ReceiverNode);
