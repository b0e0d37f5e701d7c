// The one way the page loads the engine: a lazy import, so rhea and the engine stay out of the first bundle
// and arrive as their own chunk when the first run (or comparison) starts.
import type { Graph } from '../graph/types.ts';
import type { Run, RunOptions } from './run.ts';

export type RunGraph = (graph: Graph, opts: RunOptions) => Run;

let loading: Promise<RunGraph> | null = null;

export function loadEngine(): Promise<RunGraph> {
  loading ??= import('./runGraph.ts').then((m) => m.runGraph, (err: unknown) => {
    loading = null; // let a later press try again (a chunk that failed to download)
    throw err;
  });
  return loading;
}
