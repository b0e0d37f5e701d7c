// A connection on the canvas: its broker URL and SASL mechanism; sessions wire out of its right side.
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { effectiveProps } from '../../graph/defaults.ts';
import { useNodeLive } from '../../store/runStore.ts';
import type { KindFlowNode } from '../flowTypes.ts';
import { NodeCard, NodeMain, NodeRow } from './NodeCard.tsx';

function ConnectionNode({ id, data }: NodeProps<KindFlowNode<'connection'>>) {
  const live = useNodeLive(id);
  const props = effectiveProps(data.node);
  return (
    <NodeCard id={id} kind="connection" live={live}>
      <NodeMain value={props.url} empty="embedded broker" />
      <NodeRow label="SASL" value={props.sasl.mechanism} />
      {props.containerId && <NodeRow label="container" value={props.containerId} />}
      <Handle type="source" position={Position.Right} id="sessions" />
    </NodeCard>
  );
}

export default memo(ConnectionNode);
