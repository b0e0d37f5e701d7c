// A transfer on the canvas: a preview of the body, how many attempts, and their outcomes so far.
import { memo } from 'react';
import { Handle, Position, type NodeProps } from '@xyflow/react';
import { effectiveProps } from '../../graph/defaults.ts';
import type { JsonValue } from '../../graph/types.ts';
import { useNodeLive } from '../../store/runStore.ts';
import type { KindFlowNode } from '../flowTypes.ts';
import { NodeCard, NodeMain, NodeRow } from './NodeCard.tsx';
import { NodeExtras } from './NodeExtras.tsx';
import { SentBadges } from '../../panels/SentBadges.tsx';
import { shortenToChars } from '../text/shortenAtWord.ts';

const PREVIEW_CHARS = 48;

export function bodyPreview(body: JsonValue): string {
  const text = typeof body === 'string' ? body : JSON.stringify(body);
  return shortenToChars(text, PREVIEW_CHARS);
}

function TransferNode({ id, data }: NodeProps<KindFlowNode<'transfer'>>) {
  const live = useNodeLive(id);
  const props = effectiveProps(data.node);
  const { counts } = live;
  return (
    <NodeCard id={id} kind="transfer" live={live}>
      <Handle type="target" position={Position.Left} id="sender" />
      <NodeMain value={bodyPreview(props.body)} title={typeof props.body === 'string' ? props.body : JSON.stringify(props.body)} empty="(empty body)" />
      <NodeRow label="count" value={props.intervalMs > 0 ? `${props.count} every ${props.intervalMs} ms` : props.count} />
      {props.subject && <NodeRow label="subject" value={props.subject} />}
      {(live.queued > 0 || counts.sent > 0) && (
        <div className="node__live">
          {live.queued > 0 && <span className="node__badge node__badge--queued">{live.queued} queued</span>}
          <SentBadges id={id} />
        </div>
      )}
      <NodeExtras id={id} kind="transfer" />
    </NodeCard>
  );
}

export default memo(TransferNode);
