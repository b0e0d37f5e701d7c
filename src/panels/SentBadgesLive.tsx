// "N sent" on a sender or transfer card, and in step mode "N held for Step" for what rhea has been
// given but Step has not let out yet. Counted from the frame trace's trackers, which load after the
// first paint (SentBadges.tsx shows this once loaded).
import { useSentCount } from './frameTrackers.ts';

function SentBadgesLive({ id }: { id: string }) {
  const { sent, held } = useSentCount(id);
  return (
    <>
      {sent > 0 && <span className="node__badge">{sent} sent</span>}
      {held > 0 && (
        <span className="node__badge node__badge--queued" title="Handed to the AMQP library; its frame goes out on the next presses of Step">
          {held} held for Step
        </span>
      )}
    </>
  );
}

export default SentBadgesLive;
