// The embedded broker's queue depths while a run is on: GET /api/queues polled once a second for
// as long as some canvas node shows a depth. Unknown (null) when the page is not served by the
// embedded broker, when the receiver talks to another broker, or when no run is on.
import { useEffect } from 'react';
import { create } from 'zustand';
import { useRunStatus } from '../store/runController.ts';
import { useRun, type RunState } from '../store/runStore.ts';
import { parseQueues } from './BrokerView.tsx';

const POLL_MS = 1000;

interface QueueDepths {
  /** address → messages waiting; null until the broker answered (or when it cannot) */
  depths: Readonly<Record<string, number>> | null;
}

export const useQueueDepths = create<QueueDepths>()(() => ({ depths: null }));

let users = 0;
let timer: ReturnType<typeof setInterval> | 0 = 0;

async function poll() {
  try {
    const res = await fetch('/api/queues', { headers: { accept: 'application/json' } });
    if (!res.ok) throw new Error(String(res.status));
    const depths: Record<string, number> = {};
    for (const q of parseQueues(await res.json())) if (q.depth !== null) depths[q.name] = q.depth;
    if (timer) useQueueDepths.setState({ depths });
  } catch {
    useQueueDepths.setState({ depths: null }); // not the embedded broker: show nothing
  }
}

function start() {
  if (++users > 1) return;
  void poll();
  timer = setInterval(() => void poll(), POLL_MS);
}

function stop() {
  if (--users > 0) return;
  if (timer) clearInterval(timer);
  timer = 0;
  useQueueDepths.setState({ depths: null });
}

/** Whether this link's connection goes to the broker that serves this page. */
function onEmbeddedBroker(s: RunState, linkId: string): boolean {
  const session = s.parentOf[linkId];
  const connection = session ? s.parentOf[session] : undefined;
  const node = s.graph?.nodes.find((n) => n.id === connection);
  if (!node || node.kind !== 'connection') return false;
  const url = node.props.url;
  if (!url) return true; // the default URL is the embedded broker's
  try {
    return typeof location !== 'undefined' && new URL(url).host === location.host;
  } catch {
    return false;
  }
}

/** Messages waiting at the embedded broker for this receiver's address, while a run is on. */
export function useQueueDepth(receiverId: string, address: string | undefined): number | null {
  const running = useRunStatus() === 'running';
  const embedded = useRun((s) => onEmbeddedBroker(s, receiverId));
  const watching = running && embedded && !!address;
  useEffect(() => {
    if (!watching) return;
    start();
    return stop;
  }, [watching]);
  return useQueueDepths((s) => (watching && s.depths && address ? (s.depths[address] ?? null) : null));
}
