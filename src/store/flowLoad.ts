// A flow on its way into the document (a picked template, an imported file, a lesson): its chunk or its
// file is still loading. The toolbar says "Loading flow…" meanwhile, and a Run pressed then waits for it
// and runs the flow that arrives, never the one it replaces; when the load fails, nothing runs (the
// load's own notice says why) and the document stays as it was.
import { create } from 'zustand';

export interface FlowLoadState {
  /** What is loading (the template's or the file's name); null when nothing is. */
  loading: string | null;
  /** Run (or Step) was pressed while loading: it starts once the flow is in. */
  runWaiting: boolean;
}

export const useFlowLoad = create<FlowLoadState>()(() => ({ loading: null, runWaiting: false }));

let newest = 0; // ticket of the load picked last
let inFlight = 0;
let newestLoaded = true; // whether the load picked last put its flow in the document
let waiting: ((run: boolean) => void)[] = [];

function allLanded() {
  const run = newestLoaded;
  const resolve = waiting;
  waiting = [];
  useFlowLoad.setState({ loading: null, runWaiting: false });
  for (const r of resolve) r(run);
}

/**
 * Loads a flow into the document. `load` resolves true once its flow is in, false when it refused it (it
 * has told the user why); it is told whether it is still the pick made last, so that an earlier pick
 * landing late never replaces a later one.
 */
export async function loadFlow(what: string, load: (isNewest: () => boolean) => Promise<boolean>): Promise<boolean> {
  const ticket = ++newest;
  inFlight += 1;
  useFlowLoad.setState({ loading: what });
  let loaded = false;
  try {
    loaded = await load(() => ticket === newest);
    return loaded;
  } finally {
    inFlight -= 1;
    if (ticket === newest) newestLoaded = loaded;
    if (inFlight === 0) allLanded();
  }
}

/**
 * For Run and Step: resolves true at once when no flow is loading; otherwise once every load has
 * landed, true when the flow picked last is in (run it) and false when its load failed. A second press
 * while one already waits resolves false: that press is the same run.
 */
export function runWhenFlowLoaded(): Promise<boolean> {
  if (inFlight === 0) return Promise.resolve(true);
  if (useFlowLoad.getState().runWaiting) return Promise.resolve(false);
  useFlowLoad.setState({ runWaiting: true });
  return new Promise((resolve) => waiting.push(resolve));
}

let pageFlowLanded: ((loaded: boolean) => void) | null = null;

/**
 * The page was opened with a flow to show (a `?lesson=` or `#lesson=` address) that comes with a feature
 * still loading: a Run pressed meanwhile waits until the feature calls `landPageFlow`, or `featureLoad` fails.
 */
export function expectPageFlow(what: string, featureLoad: Promise<unknown>) {
  if (pageFlowLanded) return; // already expected (a development remount)
  void loadFlow(
    what,
    () =>
      new Promise<boolean>((resolve) => {
        pageFlowLanded = resolve;
        featureLoad.catch(() => landPageFlow(false));
      }),
  );
}

/** The flow the page was opened with is in (true) or was refused (false); does nothing when none was expected. */
export function landPageFlow(loaded: boolean) {
  const land = pageFlowLanded;
  pageFlowLanded = null;
  land?.(loaded);
}
