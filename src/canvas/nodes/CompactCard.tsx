// The compact card a large or zoomed-out canvas draws: the kind's colour, the state dot and ring, the
// kind and id (and a link's credit), with the same handles as the full card so edges still attach.
import { memo, type ComponentType } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { KIND_LABEL } from '../../graph/defaults.ts';
import type { NodeKind } from '../../graph/types.ts';
import { useNodeLive } from '../../store/runStore.ts';
import { useCompactCard } from '../detail/cardDetail.ts';
import type { AmqpFlowNode } from '../flowTypes.ts';
import { STATE_WORDS } from './NodeCard.tsx';

/** Handle ids per kind, as on the full cards: a target handle names the parent, a source handle the children. */
const HANDLES: Record<NodeKind, { target?: string; source?: string }> = {
  connection: { source: 'sessions' },
  session: { target: 'connection', source: 'links' },
  sender: { target: 'session', source: 'transfers' },
  receiver: { target: 'session' },
  transfer: { target: 'sender' },
};

export function CompactCard({ id, kind }: { id: string; kind: NodeKind }) {
  const live = useNodeLive(id);
  const { target, source } = HANDLES[kind];
  const link = kind === 'sender' || kind === 'receiver';
  return (
    <div
      className={`node node--${kind} node--compact${link ? ' node--compact-link' : ''}`}
      data-kind={kind}
      data-node-id={id}
      data-state={live.state}
      data-detail="compact"
      role="group"
      aria-label={`${KIND_LABEL[kind]} ${id}, ${STATE_WORDS[live.state]}`}
    >
      {target && <Handle type="target" position={Position.Left} id={target} />}
      <header className="node__header">
        <span className="node__dot" />
        <span className="node__kind">{KIND_LABEL[kind]}</span>
        <span className="node__id">{id}</span>
      </header>
      {link && <div className="node__compact-line">credit {live.credit}</div>}
      {source && <Handle type="source" position={Position.Right} id={source} />}
    </div>
  );
}

/** The kind's full card, or its compact card when the canvas draws compact ones (see detail/cardDetail.ts). */
export function withLevelOfDetail<P extends NodeProps<AmqpFlowNode>>(kind: NodeKind, Full: ComponentType<P>) {
  function Detailed(props: P) {
    const compact = useCompactCard(props.id, props.selected, props.dragging ?? false);
    return compact ? <CompactCard id={props.id} kind={kind} /> : <Full {...props} />;
  }
  Detailed.displayName = `Detailed(${kind})`;
  return memo(Detailed);
}
