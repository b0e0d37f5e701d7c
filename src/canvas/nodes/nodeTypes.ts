// The node component per kind: a module constant, so React Flow never remounts nodes on render. Each
// draws its full card, or a compact one on a large or zoomed-out canvas (CompactCard.tsx).
import type { NodeTypes } from '@xyflow/react';
import { withLevelOfDetail } from './CompactCard.tsx';
import ConnectionNode from './ConnectionNode.tsx';
import ReceiverNode from './ReceiverNode.tsx';
import SenderNode from './SenderNode.tsx';
import SessionNode from './SessionNode.tsx';
import TransferNode from './TransferNode.tsx';

export const nodeTypes = {
  connection: withLevelOfDetail('connection', ConnectionNode),
  session: withLevelOfDetail('session', SessionNode),
  sender: withLevelOfDetail('sender', SenderNode),
  receiver: withLevelOfDetail('receiver', ReceiverNode),
  transfer: withLevelOfDetail('transfer', TransferNode),
} as const satisfies NodeTypes;
