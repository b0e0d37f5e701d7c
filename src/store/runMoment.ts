// Step back's hold on the live run: while an earlier moment is on screen, the live run's state is kept
// aside here and keeps changing, unseen, until the page shows it again. Nothing is ever sent from here.
import { create } from 'zustand';
import type { RunState } from './reduceRun.ts';

interface RunMoment {
  /** an earlier moment of the run is on screen; the live state is kept aside */
  earlier: boolean;
  /** the live state aside changed this many times (the live run goes on meanwhile) */
  liveChanges: number;
}

export const useRunMoment = create<RunMoment>()(() => ({ earlier: false, liveChanges: 0 }));

let aside: RunState | null = null;

/** The live run's state while an earlier moment is shown; null when the live run is on screen. */
export const liveAside = (): RunState | null => aside;

export function setLiveAside(state: RunState | null) {
  const was = aside;
  aside = state;
  if (state === null) {
    if (was !== null) useRunMoment.setState({ earlier: false, liveChanges: 0 });
  } else {
    useRunMoment.setState((m) => ({ earlier: true, liveChanges: was === null ? 0 : m.liveChanges + 1 }));
  }
}

/** Whether an earlier moment is on screen: controls that act on the live run are off meanwhile. */
export const useShowingEarlier = (): boolean => useRunMoment((m) => m.earlier);
