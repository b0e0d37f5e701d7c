// Which graph node each frame of the trace belongs to, learned from the run's batches (runBatch.ts): each
// publish attributes only the frames it added, and a reset (a new run, a step back) starts over.
import { useState, useSyncExternalStore } from 'react';
import type { FrameRecord } from '../engine/events.ts';
import { FrameAttributor } from '../store/describeFrame.ts';
import { subscribeBatch, type RunBatch } from '../store/runBatch.ts';
import type { RunState } from '../store/reduceRun.ts';
import { useRun } from '../store/runStore.ts';

/** The node ids aligned with the run's frame list, kept up to date by the batch subscription. */
class FrameNodes {
  private graph: RunState['graph'] = null;
  private attributor: FrameAttributor | null = null;
  nodes: readonly string[] = [];

  constructor() {
    const s = useRun.getState();
    this.apply({ events: s.events, frames: s.frames, state: s, reset: true });
  }

  apply({ frames, state, reset }: RunBatch) {
    if (reset || state.graph !== this.graph) {
      this.graph = state.graph;
      this.attributor = state.graph ? new FrameAttributor(state.graph) : null;
      this.nodes = [];
    }
    const added = frames.map((f: FrameRecord) => this.attributor?.nodeOf(f) ?? f.connection);
    let nodes = this.nodes.concat(added);
    // the trace is capped: drop as many from the front as it did
    if (nodes.length > state.frames.length) nodes = nodes.slice(nodes.length - state.frames.length);
    this.nodes = nodes;
  }

  subscribe = (changed: () => void) =>
    subscribeBatch((batch) => {
      if (!batch.frames.length && !batch.reset) return;
      this.apply(batch);
      changed();
    });

  get = () => this.nodes;
}

/** An array aligned with the run's `frames`: the node id each frame is about. */
export function useFrameNodes(): readonly string[] {
  const [store] = useState(() => new FrameNodes());
  return useSyncExternalStore(store.subscribe, store.get);
}
