// A session on the canvas: its flow-control windows; wired from a connection, links wire out of it.
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { useNodeLive } from '../../store/runStore.ts';
import type { KindFlowNode } from '../flowTypes.ts';
import { NodeCard, NodeRow } from './NodeCard.tsx';
import { NodeExtras } from './NodeExtras.tsx';

function SessionNode({ id, data }: NodeProps<KindFlowNode<'session'>>) {
  const live = useNodeLive(id);
  const { incomingWindow, outgoingWindow } = data.node.props;
  return (
    <NodeCard id={id} kind="session" live={live}>
      <Handle type="target" position={Position.Left} id="connection" />
      <NodeRow label="incoming window" value={incomingWindow ?? 'default'} />
      <NodeRow label="outgoing window" value={outgoingWindow ?? 'default'} />
      <NodeExtras id={id} kind="session" />
      <Handle type="source" position={Position.Right} id="links" />
    </NodeCard>
  );
}

export default memo(SessionNode);
