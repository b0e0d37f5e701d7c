// How busy each edge is: transfers and deliveries per second through its child node (and below),
// measured over the last second and published twice a second, so edges animate by rate, not per message.
import { create } from 'zustand';
import type { EngineEvent } from '../engine/events.ts';
import { subscribeBatch } from '../store/runBatch.ts';

const WINDOW_MS = 1000;
const PUBLISH_MS = 500;

/** node id → messages per second through it */
const useActivity = create<Readonly<Record<string, number>>>()(() => ({}));

const MOVING: ReadonlySet<EngineEvent['event']> = new Set(['TRANSFER_SENT', 'MESSAGE_RECEIVED']);

/** Per node, how many message moves in `events` passed through it or a node below it. */
export function countMoves(events: readonly EngineEvent[], parentOf: Readonly<Record<string, string>>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const e of events) {
    if (!MOVING.has(e.event)) continue;
    for (let id: string | undefined = e.node; id; id = parentOf[id]) counts.set(id, (counts.get(id) ?? 0) + 1);
  }
  return counts;
}

let started = false;
function start() {
  if (started || typeof window === 'undefined') return;
  started = true;
  let recent: { at: number; counts: Map<string, number> }[] = [];
  subscribeBatch(({ events, state, reset }) => {
    if (reset) {
      recent = []; // a new run (or a replay seek): what the log holds is history, not the current rate
      return;
    }
    recent.push({ at: performance.now(), counts: countMoves(events, state.parentOf) });
  });
  setInterval(() => {
    const now = performance.now();
    recent = recent.filter((w) => now - w.at < WINDOW_MS);
    const rates: Record<string, number> = {};
    for (const w of recent) for (const [id, n] of w.counts) rates[id] = (rates[id] ?? 0) + (n * 1000) / WINDOW_MS;
    const prev = useActivity.getState();
    const same = Object.keys(rates).length === Object.keys(prev).length && Object.entries(rates).every(([k, v]) => prev[k] === v);
    if (!same) useActivity.setState(rates, true);
  }, PUBLISH_MS);
}

/** Messages per second along the edge into `childId` (0 when quiet). */
export function useEdgeActivity(childId: string): number {
  start();
  return useActivity((s) => s[childId] ?? 0);
}
