// What a canvas node shows live beyond its state and credit: outcome counts, a transfer's recent
// outcomes, and a manual receiver's credit and settlement controls. A receiver's controls are there
// from the start (disabled until its link is open) and come first: the lines a run adds go below
// them, so no control moves under the pointer when a run starts or while it runs.
import { memo, useState } from 'react';
import { OUTCOMES } from '../engine/events.ts';
import type { NodeKind, ReceiverProps } from '../graph/types.ts';
import { addCredit, drain, settle, useRunStatus } from '../store/runController.ts';
import { useShowingEarlier } from '../store/runMoment.ts';
import { useNodeLive, useRun, type NodeCounts, type UnsettledDelivery } from '../store/runStore.ts';
import type { RejectOptions } from '../engine/rejectError.ts';
import { RejectChoice } from './RejectChoice.tsx';
import { openDelivery } from './messageView.ts';
import { useQueueDepth } from './queueDepths.ts';
import { WaitLine } from './WaitLine.tsx';
import './panels.css';

function OutcomeCounts({ counts }: { counts: NodeCounts }) {
  const shown = OUTCOMES.filter((o) => counts[o] > 0);
  if (!shown.length) return null;
  return (
    <div className="live__counts">
      {shown.map((o) => (
        <span key={o} className={`live__count live__count--${o}`}>
          {counts[o]} {o}
        </span>
      ))}
    </div>
  );
}

function TransferDetails({ id }: { id: string }) {
  const live = useNodeLive(id);
  const recent = live.recentOutcomes;
  if (!recent?.length) return <WaitLine id={id} kind="transfer" depth={null} />;
  return (
    <>
      <WaitLine id={id} kind="transfer" depth={null} />
      <OutcomeCounts counts={live.counts} />
      <div className="live__chips" role="img" aria-label={`Outcomes of the latest attempts, last ${live.lastOutcome}`}>
        {recent.map((o, i) => (
          <span key={i} className={`live__chip live__chip--${o}`} title={o} />
        ))}
      </div>
    </>
  );
}

function SenderDetails({ id }: { id: string }) {
  const live = useNodeLive(id);
  return (
    <>
      <WaitLine id={id} kind="sender" depth={null} />
      <OutcomeCounts counts={live.counts} />
    </>
  );
}

function CreditControls({ id, open }: { id: string; open: boolean }) {
  const [amount, setAmount] = useState(1);
  // stepped back to an earlier moment: nothing acts on the live run from here
  const showingEarlier = useShowingEarlier();
  const running = useRunStatus() === 'running' && !showingEarlier && open;
  return (
    <div className="live__controls nodrag nokey">
      <label className="live__credit-input">
        <span className="visually-hidden">Credit to add</span>
        <input
          className="nodrag nokey"
          type="number"
          min={1}
          max={10000}
          value={amount}
          aria-label="Credit to add"
          onChange={(e) => setAmount(Math.max(1, Math.min(10000, Math.floor(Number(e.target.value) || 1))))}
        />
      </label>
      <button type="button" className="nodrag nokey" disabled={!running} onClick={() => addCredit(id, amount)}>
        Add credit
      </button>
      <button type="button" className="nodrag nokey" disabled={!running} onClick={() => drain(id)}>
        Drain
      </button>
    </div>
  );
}

/** The Reject choice (there before the run, so it can be set beforehand) and the deliveries, newest last. */
function UnsettledList({ id, unsettled, planned }: { id: string; unsettled: readonly UnsettledDelivery[]; planned: RejectOptions }) {
  // stepped back to an earlier moment: nothing acts on the live run from here
  const showingEarlier = useShowingEarlier();
  const running = useRunStatus() === 'running' && !showingEarlier;
  const [reject, setReject] = useState<RejectOptions>({});
  const own = useRun((s) => s.graph?.nodes.find((n) => n.id === id)?.props) as ReceiverProps | undefined;
  const receiver = own ? { condition: own.rejectCondition, description: own.rejectDescription } : planned;
  return (
    <>
      <RejectChoice value={reject} onChange={setReject} receiver={receiver} />
      {unsettled.length > 0 && (
        <ul className="live__unsettled nodrag nokey" aria-label="Unsettled deliveries">
          {unsettled.slice(0, 20).map((u) => (
            <li key={u.deliveryId}>
              <button type="button" className="live__delivery" title={`Open the message: ${u.summary}`} aria-label={`Open message #${u.deliveryId} of ${id}`} onClick={() => openDelivery(id, u.deliveryId)}>
                #{u.deliveryId} {u.summary}
              </button>
              <span className="live__settle">
                <button type="button" disabled={!running} onClick={() => settle(id, u.deliveryId, 'accepted')}>Accept</button>
                <button type="button" disabled={!running} onClick={() => settle(id, u.deliveryId, 'rejected', reject)}>Reject</button>
                <button type="button" disabled={!running} onClick={() => settle(id, u.deliveryId, 'released')}>Release</button>
                <button type="button" disabled={!running} onClick={() => settle(id, u.deliveryId, 'modified', { deliveryFailed: true })}>
                  Modify
                </button>
              </span>
            </li>
          ))}
          {unsettled.length > 20 && <li className="live__more">and {unsettled.length - 20} more</li>}
        </ul>
      )}
    </>
  );
}

/** What the receiver's card says about it before a run: the run's own modes replace these once it starts. */
export interface PlannedReceiver {
  manualCredit: boolean;
  byHand: boolean;
  rejectCondition?: string;
  rejectDescription?: string;
}

const NOT_PLANNED: PlannedReceiver = { manualCredit: false, byHand: false };

function ReceiverDetails({ id, planned }: { id: string; planned: PlannedReceiver }) {
  const live = useNodeLive(id);
  const mode = useRun((s) => s.receivers[id]);
  const { received, settled } = live.counts;
  const depth = useQueueDepth(id, live.address);
  const manual = mode ? mode.manual : planned.manualCredit;
  const byHand = mode ? !mode.autoAccept : planned.byHand;
  return (
    <>
      {manual && <CreditControls id={id} open={live.state === 'open'} />}
      {byHand && (
        <UnsettledList
          id={id}
          unsettled={live.unsettled ?? []}
          planned={{ condition: planned.rejectCondition, description: planned.rejectDescription }}
        />
      )}
      {depth !== null && (
        <div className="live__counts">
          <span className="live__count live__count--depth" title={`Messages waiting at the broker in queue ${live.address ?? ''}`}>
            {depth} in queue {live.address}
          </span>
        </div>
      )}
      <WaitLine id={id} kind="receiver" depth={depth} />
      {(received > 0 || settled > 0) && (
        <div className="live__counts">
          <span className="live__count">{received} received</span>
          <span className="live__count">{settled} settled</span>
        </div>
      )}
    </>
  );
}

/** Rendered by each canvas node inside itself; reads only this node's live slice. */
function NodeLiveDetailsImpl({ id, kind, receiver = NOT_PLANNED }: { id: string; kind: NodeKind; receiver?: PlannedReceiver }) {
  switch (kind) {
    case 'sender':
      return <SenderDetails id={id} />;
    case 'receiver':
      return <ReceiverDetails id={id} planned={receiver} />;
    case 'transfer':
      return <TransferDetails id={id} />;
    case 'session':
      return <WaitLine id={id} kind="session" depth={null} />;
    case 'connection':
      return null;
    default: {
      const never: never = kind;
      return never;
    }
  }
}

export const NodeLiveDetails = memo(NodeLiveDetailsImpl);
export default NodeLiveDetails;
