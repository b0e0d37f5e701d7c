// The live figures of the current run, kept beside the run store: every engine event feeds them
// (O(1), no re-render); views read a snapshot a few times a second while they are on screen.
import { useEffect, useState } from 'react';
import type { EngineEvent } from '../engine/events.ts';
import type { Graph } from '../graph/types.ts';
import { LiveFigures, type Figures } from './liveFigures.ts';
import { useRun } from './runStore.ts';

const clock = () => (typeof performance !== 'undefined' ? performance.now() : Date.now());

let figures = new LiveFigures({});
let startedAt = clock();
/** the time of the newest event: a finished run's figures stay as they were when it ended */
let running = false;
let lastAt = 0;
/** events fed live since the run started */
let fed = 0;
/** a replayed state's figures, rebuilt from its events when they change */
let rebuiltFor: readonly EngineEvent[] | null = null;
let rebuilt: Figures | null = null;

function parentsOf(graph: Graph): Record<string, string> {
  const parentOf: Record<string, string> = {};
  for (const e of graph.edges) parentOf[e.target] = e.source;
  return parentOf;
}

/** A run of this graph starts now: figures start from zero. */
export function resetFigures(graph: Graph): void {
  figures = new LiveFigures(parentsOf(graph));
  startedAt = clock();
  running = true;
  lastAt = 0;
  fed = 0;
}

export function feedFigures(e: EngineEvent): void {
  fed++;
  figures.add(e);
  if (e.at > lastAt) lastAt = e.at;
}

/** The run ended: the figures freeze at its last moment. */
export function endFigures(): void {
  running = false;
}

export function figuresNow(): Figures {
  const shown = useRun.getState();
  if (running || shown.eventTotal === fed) return figures.snapshot(running ? Math.max(lastAt, clock() - startedAt) : lastAt);
  // a replay: the figures of the events it shows, as of the last one (rebuilt only when they change)
  if (shown.events !== rebuiltFor || !rebuilt) {
    const f = new LiveFigures(shown.parentOf);
    for (const e of shown.events) f.add(e);
    rebuilt = f.snapshot(shown.events.at(-1)?.at ?? 0);
    rebuiltFor = shown.events;
  }
  return rebuilt;
}

/** The figures, refreshed every `everyMs` while the calling component is mounted. */
export function useFigures(everyMs = 500): Figures {
  const [value, setValue] = useState(figuresNow);
  useEffect(() => {
    const timer = setInterval(() => setValue(figuresNow()), everyMs);
    return () => clearInterval(timer);
  }, [everyMs]);
  return value;
}
