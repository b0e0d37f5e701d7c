// The page's verdicts on a flow's expectations: when a run ends, its events are checked against the
// `expect` section of the graph it ran (engine/checkExpectations.ts) and kept here for the Checks
// region and the ✓/✗ badges on the nodes.
import { create } from 'zustand';
import type { CheckResult } from '../engine/checkExpectations.ts';
import { currentRun, useRunControl } from './runController.ts';
import { flushRun, useRun } from './runStore.ts';

interface ChecksState {
  /** the last finished run's results; null before any run with expectations ends */
  results: readonly CheckResult[] | null;
}

export const useChecks = create<ChecksState>()(() => ({ results: null }));

export type NodeVerdict = { status: 'met' | 'failed' | 'skipped'; text: string } | null;

/** One node's verdict: failed if any of its expectations failed, with every result as text. */
export function nodeVerdict(results: readonly CheckResult[] | null, nodeId: string): NodeVerdict {
  const own = results?.filter((r) => r.nodeId === nodeId) ?? [];
  if (own.length === 0) return null;
  const status = own.some((r) => r.status === 'failed') ? 'failed' : own.every((r) => r.status === 'skipped') ? 'skipped' : 'met';
  const text = own.map((r) => `${r.status === 'met' ? '✓' : r.status === 'failed' ? '✗' : '–'} ${r.label}: ${r.message}`).join('\n');
  return { status, text };
}

let finishedAt: number | undefined;
let eventsBeforeStop: number | undefined;

const lastEventAt = () => useRun.getState().events.at(-1)?.at ?? 0;

/** Notes when the run reached its end by itself (every attempt settled), for the time limit. */
async function watchSettled(runId: number) {
  let run = currentRun();
  while (!run && useRunControl.getState().status === 'running' && runId === runs) {
    await new Promise((r) => setTimeout(r, 50));
    run = currentRun();
  }
  await run?.settled;
  if (runId === runs && useRunControl.getState().status === 'running') {
    flushRun();
    finishedAt = lastEventAt();
  }
}

let runs = 0;
useRunControl.subscribe((s, prev) => {
  if (s.status === prev.status) return;
  if (s.status === 'running') {
    runs += 1;
    finishedAt = undefined;
    eventsBeforeStop = undefined;
    useChecks.setState({ results: null });
    void watchSettled(runs);
  } else if (s.status === 'stopping') {
    flushRun();
    eventsBeforeStop = useRun.getState().events.length;
  } else if (s.status === 'idle' && prev.status === 'stopping') {
    const { graph, events, frames } = useRun.getState();
    if (!graph?.expect) return;
    // the checker loads with the first run that has expectations to check
    const [runId, finished, beforeStop] = [runs, finishedAt, eventsBeforeStop];
    void import('../engine/checkExpectations.ts').then(({ answeredByEmbeddedBroker, checkExpectations }) => {
      if (runId !== runs) return; // a new run began meanwhile: its own end will check it
      useChecks.setState({
        results: checkExpectations(graph, events, { finishedAt: finished, eventsBeforeStop: beforeStop, onEmbeddedBroker: answeredByEmbeddedBroker(frames) }),
      });
    });
  }
});
