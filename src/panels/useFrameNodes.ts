// Which graph node each frame of the trace belongs to, learned incrementally as frames arrive.
import { useRef } from 'react';
import type { FrameRecord } from '../engine/events.ts';
import type { Graph } from '../graph/types.ts';
import { FrameAttributor } from '../store/describeFrame.ts';
import { newEvents } from './creditSeries.ts';

interface Memo {
  graph: Graph | null;
  attributor: FrameAttributor | null;
  seen: number;
  nodes: string[];
  frames: readonly FrameRecord[] | null;
}

/** An array aligned with `frames`: the node id each frame is about. */
export function useFrameNodes(graph: Graph | null, frames: readonly FrameRecord[], frameTotal: number): readonly string[] {
  const memo = useRef<Memo>({ graph: null, attributor: null, seen: 0, nodes: [], frames: null });
  const m = memo.current;
  if (m.frames === frames) return m.nodes;
  if (m.graph !== graph || frameTotal < m.seen) {
    m.graph = graph;
    m.attributor = graph ? new FrameAttributor(graph) : null;
    m.seen = 0;
    m.nodes = [];
  }
  const fresh = newEvents(frames, frameTotal, m.seen);
  const added = fresh.map((f) => m.attributor?.nodeOf(f) ?? f.connection);
  let nodes = m.nodes.concat(added);
  if (nodes.length > frames.length) nodes = nodes.slice(nodes.length - frames.length);
  m.nodes = nodes;
  m.seen = frameTotal;
  m.frames = frames;
  return nodes;
}
