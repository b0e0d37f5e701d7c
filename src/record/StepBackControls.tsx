// Step back's controls: a toolbar button beside Run and Step, and while stepping, a bar with Earlier, Later,
// a scrubber over every moment of the run, what the moment added, and Live. (The names avoid the words of
// other buttons, Step and Back among them, so a search by name finds one button.)
import { liveRunState, useRun } from '../store/runStore.ts';
import { useRunMoment } from '../store/runMoment.ts';
import { useRunStatus } from '../store/runController.ts';
import type { ReplayItem } from './replay.ts';
import { useReplay } from './replayStore.ts';
import { goLive, liveMoments, seekMoment, stepBack, stepForward, useStepBack } from './stepBack.ts';
import './record.css';
import './stepBack.css';

/** What one moment added, in a few words: "CREDIT rx1", "← flow (c1)". */
function describeItem(item: ReplayItem | undefined): string {
  if (!item) return 'before the run';
  if (item.kind === 'event') return `${item.event.event} ${item.event.node}`;
  return `${item.frame.dir === 'out' ? '→' : '←'} ${item.frame.performative} (${item.frame.connection})`;
}

/** The Rewind bar, drawn over the page while an earlier moment is shown. */
export function StepBackBar() {
  const replay = useStepBack((s) => s.replay);
  const position = useStepBack((s) => s.position);
  const status = useRunStatus();
  // re-render as the live run goes on aside, to count what is new
  useRunMoment((m) => m.liveChanges);
  if (!replay) return null;
  // moments the live run added since the replay was taken
  const newer = liveMoments() - replay.length;
  const live = liveRunState();
  const dropped = live.eventsDropped + live.framesDropped;
  return (
    <div className="replay-bar step-back-bar" role="group" aria-label="Rewind">
      <strong>Earlier moment</strong>
      <button type="button" className="btn btn--small" onClick={stepBack} disabled={position === 0} title="One moment earlier">
        ◀ Earlier
      </button>
      <input type="range" aria-label="Moment" min={0} max={replay.length} value={position} onChange={(e) => seekMoment(Number(e.target.value))} />
      <button type="button" className="btn btn--small" onClick={stepForward} title="One moment later">
        Later ▶
      </button>
      <span role="status" aria-label="Moment shown">
        {position} / {replay.length} · {(replay.timeOf(position) / 1000).toFixed(3)} s · {describeItem(replay.itemAt(position))}
      </span>
      <button type="button" className="btn btn--small btn--primary" onClick={goLive} title={status === 'running' ? 'The run went on meanwhile; show it as it is now' : 'Show the end of the run again'}>
        Live{status === 'running' && newer > 0 ? ` (+${newer})` : ''}
      </button>
      {dropped > 0 && (
        <span className="panel__note" role="note">
          The {dropped} oldest events and frames are no longer kept: earlier moments are shown without them.
        </span>
      )}
    </div>
  );
}

/** The toolbar's Rewind button, beside Run and Step: one moment back (the bar opens). */
export function StepBackButton() {
  const hasMoments = useRun((s) => s.graph !== null && s.events.length + s.frames.length > 0);
  const replayingRecording = useReplay((s) => s.replay !== null);
  return (
    <button
      type="button"
      className="btn"
      disabled={!hasMoments || replayingRecording}
      onClick={stepBack}
      title="Step back: show the run one moment (event or frame) earlier; nothing is sent again (,)"
    >
      Rewind
    </button>
  );
}
