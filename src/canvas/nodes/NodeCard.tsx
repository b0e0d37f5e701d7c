// The card every canvas node shares: kind, id, live state dot, the kind's rows, and any endpoint error.
import type { ReactNode } from 'react';
import { KIND_LABEL } from '../../graph/defaults.ts';
import type { NodeKind } from '../../graph/types.ts';
import type { NodeLive } from '../../store/runStore.ts';
import { useRunMatchesNode } from './useRunMatchesNode.ts';
import { showCondition } from '../../panels/frameSelection.ts';
import { CheckBadge } from './CheckBadge.tsx';
import { FitRow } from '../text/FitRow.tsx';
import { FitText } from '../text/FitText.tsx';

export const STATE_WORDS: Record<NodeLive['state'], string> = {
  idle: 'idle',
  opening: 'opening…',
  open: 'open',
  closing: 'closing…',
  closed: 'closed',
  error: 'error',
};

export function NodeCard(props: {
  id: string;
  kind: NodeKind;
  live: NodeLive;
  invalid?: boolean;
  children: ReactNode;
}) {
  const { id, kind, live, invalid, children } = props;
  const current = useRunMatchesNode(id);
  return (
    <div
      className={`node node--${kind}${invalid ? ' node--invalid' : ''}`}
      data-kind={kind}
      data-node-id={id}
      data-state={live.state}
    >
      <header className="node__header">
        <span className="node__dot" title={`State: ${STATE_WORDS[live.state]}`} />
        <span className="node__kind">{KIND_LABEL[kind]}</span>
        <span className="node__id">{id}</span>
        <CheckBadge id={id} />
      </header>
      <div className="node__body">
        {children}
        {live.state !== 'idle' && <span className="node__state">{STATE_WORDS[live.state]}</span>}
        {live.errorDetail && current && (
          <div className="node__error nowheel" role="note" title={`${live.errorDetail.condition} ${live.errorDetail.description}`}>
            <strong>
              <button
                type="button"
                className="node__condition nodrag nokey"
                aria-label={`Explain ${live.errorDetail.condition}`}
                onClick={() => showCondition(live.errorDetail!.condition, live.errorDetail!.description)}
              >
                {live.errorDetail.condition}
              </button>
            </strong>{' '}
            {live.errorDetail.description}
            {live.errorDetail.hint && <div>{live.errorDetail.hint}</div>}
          </div>
        )}
      </div>
    </div>
  );
}

/** One label/value line of a node card. */
export function NodeRow({ label, value }: { label: string; value: ReactNode }) {
  if (typeof value === 'string' || typeof value === 'number') return <FitRow label={label} value={String(value)} />;
  return (
    <div className="node__row">
      <span>{label}</span>
      <span>{value}</span>
    </div>
  );
}

/** The node's headline value (URL, address, body), or a muted placeholder when empty. */
export function NodeMain({ value, empty, title }: { value: string; empty: string; title?: string }) {
  return value ? (
    <div className="node__main">
      <FitText text={value} title={title ?? value} />
    </div>
  ) : (
    <div className="node__main node__main--empty">{empty}</div>
  );
}
