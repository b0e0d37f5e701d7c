// A connection on the canvas: its broker URL and SASL mechanism; sessions wire out of its right side.
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { effectiveProps } from '../../graph/defaults.ts';
import { useNodeLive } from '../../store/runStore.ts';
import type { KindFlowNode } from '../flowTypes.ts';
import { NodeCard, NodeMain, NodeRow } from './NodeCard.tsx';
import { CbsLine } from '../../panels/CbsLine.tsx';

function ConnectionNode({ id, data }: NodeProps<KindFlowNode<'connection'>>) {
  const live = useNodeLive(id);
  const props = effectiveProps(data.node);
  return (
    <NodeCard id={id} kind="connection" live={live}>
      <NodeMain value={props.url} empty="embedded broker" />
      <NodeRow label="SASL" value={props.sasl.mechanism} />
      {props.containerId && <NodeRow label="container" value={props.containerId} />}
      {props.cbs && <CbsLine id={id} cbs={props.cbs} />}
      <Handle type="source" position={Position.Right} id="sessions" />
    </NodeCard>
  );
}

export default memo(ConnectionNode);
