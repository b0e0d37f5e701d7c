// A new flow starts clean: when the document is replaced (a template, an import), the run view is
// emptied so no count, log entry or filter of the previous flow shows on the new one. The previous
// run is set aside, still available to save as a recording, until another run replaces it.
import { create } from 'zustand';
import { liveRunState, resetRun, useRun, type RunState } from './runStore.ts';

interface LastRun {
  /** the run set aside when its flow was replaced; null once a new run has started */
  aside: RunState | null;
}

export const useLastRun = create<LastRun>()(() => ({ aside: null }));

const hasRecording = (s: RunState) => s.graph !== null && s.eventTotal > 0;

/** Clears the run view for a new flow; keeps the run it showed for Save recording. */
export function setAsideRun(): void {
  const s = useRun.getState();
  if (hasRecording(s)) useLastRun.setState({ aside: s });
  resetRun();
}

/** The run Save recording saves: the live one (whole, also while stepped back), else the one set aside. */
export function runToRecord(): RunState | null {
  const s = liveRunState();
  return hasRecording(s) ? s : useLastRun.getState().aside;
}

export const useHasRunToRecord = (): boolean => {
  const live = useRun(hasRecording);
  const aside = useLastRun((s) => s.aside !== null);
  return live || aside;
};

// A new run replaces what was set aside.
useRun.subscribe((s, prev) => {
  if (s.graph !== null && s.graph !== prev.graph && useLastRun.getState().aside) useLastRun.setState({ aside: null });
});
