// The node component per kind: a module constant, so React Flow never remounts nodes on render.
import type { NodeTypes } from '@xyflow/react';
import ConnectionNode from './ConnectionNode.tsx';
import ReceiverNode from './ReceiverNode.tsx';
import SenderNode from './SenderNode.tsx';
import SessionNode from './SessionNode.tsx';
import TransferNode from './TransferNode.tsx';

export const nodeTypes = {
  connection: ConnectionNode,
  session: SessionNode,
  sender: SenderNode,
  receiver: ReceiverNode,
  transfer: TransferNode,
} as const satisfies NodeTypes;
