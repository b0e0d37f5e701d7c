// The compact card a large or zoomed-out canvas draws: the kind's colour, the state dot and ring, the
// kind and id, and one line with the node's headline value (a link's with its credit), clipped by CSS
// with the whole text in its tooltip. The same handles as the full card, so edges still attach.
import { memo, type ComponentType } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { effectiveProps, KIND_LABEL } from '../../graph/defaults.ts';
import type { GraphNode, NodeKind } from '../../graph/types.ts';
import { useNodeLive, type NodeLive } from '../../store/runStore.ts';
import { useCompactCard } from '../detail/cardDetail.ts';
import type { AmqpFlowNode } from '../flowTypes.ts';
import { STATE_WORDS } from './NodeCard.tsx';
import { bodyPreview } from './TransferNode.tsx';

/** Handle ids per kind, as on the full cards: a target handle names the parent, a source handle the children. */
const HANDLES: Record<NodeKind, { target?: string; source?: string }> = {
  connection: { source: 'sessions' },
  session: { target: 'connection', source: 'links' },
  sender: { target: 'session', source: 'transfers' },
  receiver: { target: 'session' },
  transfer: { target: 'sender' },
};

/** The card's one line under its header: what the full card shows first. A session has none. */
function headline(node: GraphNode, live: NodeLive): string | null {
  switch (node.kind) {
    case 'connection':
      return effectiveProps(node).url || 'embedded broker';
    case 'session':
      return null;
    case 'sender':
      return effectiveProps(node).address ?? '(no address)';
    case 'receiver': {
      const props = effectiveProps(node);
      return (live.address && props.dynamic ? live.address : props.address) || (props.dynamic ? '(dynamic address)' : '(no address)');
    }
    case 'transfer':
      return bodyPreview(effectiveProps(node).body);
  }
}

export function CompactCard({ node }: { node: GraphNode }) {
  const { id, kind } = node;
  const live = useNodeLive(id);
  const { target, source } = HANDLES[kind];
  const line = headline(node, live);
  const link = kind === 'sender' || kind === 'receiver';
  return (
    <div
      className={`node node--${kind} node--compact${line === null ? '' : ' node--compact-lined'}`}
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
      {line !== null && (
        <div className="node__compact-line">
          <span className="node__compact-main" title={line}>{line}</span>
          {link && <span>credit {live.credit}</span>}
        </div>
      )}
      {source && <Handle type="source" position={Position.Right} id={source} />}
    </div>
  );
}

/** The kind's full card, or its compact card when the canvas draws compact ones (see detail/cardDetail.ts). */
export function withLevelOfDetail<P extends NodeProps<AmqpFlowNode>>(kind: NodeKind, Full: ComponentType<P>) {
  function Detailed(props: P) {
    const compact = useCompactCard(props.id, props.selected, props.dragging ?? false);
    return compact ? <CompactCard node={props.data.node} /> : <Full {...props} />;
  }
  Detailed.displayName = `Detailed(${kind})`;
  return memo(Detailed);
}
