// Step back: move through the moments of the current or last run (one engine event or frame each) with
// the replay's own snapshots. Going back only changes what is on screen; the live run, if any, goes on
// aside and nothing is ever sent. "Live" puts the live run back on screen.
import { create } from 'zustand';
import { liveRunState, showEarlierState, showLiveState } from '../store/runStore.ts';
import { useRunMoment } from '../store/runMoment.ts';
import { makeRecording } from './recording.ts';
import { Replay } from './replay.ts';

interface StepBackState {
  /** the run so far, as a replay; null while the live run is on screen */
  replay: Replay | null;
  /** moments shown (0 … replay.length): the state after this many events and frames */
  position: number;
}

export const useStepBack = create<StepBackState>()(() => ({ replay: null, position: 0 }));

/** How many events and frames the live run has kept so far. */
export function liveMoments(): number {
  const s = liveRunState();
  return s.events.length + s.frames.length;
}

/** The live run so far as a replay, or null when there is nothing to step through. */
function replayOfLive(): Replay | null {
  const s = liveRunState();
  if (!s.graph || s.events.length + s.frames.length === 0) return null;
  return new Replay(makeRecording(s.graph, s.events, s.frames));
}

function show(replay: Replay, position: number) {
  const n = Math.max(0, Math.min(Math.round(position), replay.length));
  useStepBack.setState({ replay, position: n });
  showEarlierState(replay.stateAfter(n));
}

/** One moment back; from the live run, the moment before the newest. */
export function stepBack() {
  const { replay, position } = useStepBack.getState();
  if (replay) return show(replay, position - 1);
  const fresh = replayOfLive();
  if (fresh) show(fresh, fresh.length - 1);
}

/** One moment forward; past the newest moment known, it takes in what the live run did since, else goes live. */
export function stepForward() {
  const { replay, position } = useStepBack.getState();
  if (!replay) return;
  if (position < replay.length) return show(replay, position + 1);
  if (liveMoments() > replay.length) {
    const fresh = replayOfLive();
    if (fresh) return show(fresh, position + 1);
  }
  goLive();
}

/** Straight to moment n (the scrubber). */
export function seekMoment(n: number) {
  const { replay } = useStepBack.getState();
  if (replay) show(replay, n);
}

export function goLive() {
  useStepBack.setState({ replay: null, position: 0 });
  showLiveState();
}

// A new run (or a reset) puts the live run back on screen by itself: forget the moments.
useRunMoment.subscribe((m) => {
  if (!m.earlier && useStepBack.getState().replay) useStepBack.setState({ replay: null, position: 0 });
});
