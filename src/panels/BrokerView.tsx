// A read-only view of the embedded broker: its queues, their depth and consumers, polled from
// GET /api/queues while the view is open.
import { useEffect, useState } from 'react';
import { MANAGEMENT_QUEUES_URL, useNoEmbeddedBroker } from '../store/embeddedBroker.ts';

const POLL_MS = 1000;

export interface QueueRow {
  name: string;
  depth: number | null;
  consumers: number | null;
  enqueued: number | null;
  dequeued: number | null;
}

const num = (v: unknown): number | null =>
  typeof v === 'number' ? v : Array.isArray(v) ? v.length : null;

/** Reads the broker's answer, whether it is a list of queues or `{ queues: [...] }`. */
export function parseQueues(body: unknown): QueueRow[] {
  const list = Array.isArray(body) ? body : body && typeof body === 'object' && Array.isArray((body as { queues?: unknown }).queues) ? (body as { queues: unknown[] }).queues : [];
  return list.flatMap((q): QueueRow[] => {
    if (!q || typeof q !== 'object') return [];
    const o = q as Record<string, unknown>;
    const name = o.name ?? o.address;
    if (typeof name !== 'string') return [];
    return [{ name, depth: num(o.depth ?? o.messages), consumers: num(o.consumers), enqueued: num(o.enqueued), dequeued: num(o.dequeued) }];
  });
}

export function BrokerView() {
  const noBroker = useNoEmbeddedBroker();
  if (noBroker) {
    return (
      <p className="panel__empty" role="note">
        The Broker view lists the queues of the embedded broker that <code>npm start</code> serves with the page. This page comes from a
        static host without one, so there is nothing to list; use your broker's own console.
      </p>
    );
  }
  return <EmbeddedQueues />;
}

function EmbeddedQueues() {
  const [queues, setQueues] = useState<QueueRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let stopped = false;
    const poll = async () => {
      try {
        const res = await fetch(MANAGEMENT_QUEUES_URL, { headers: { accept: 'application/json' } });
        if (!res.ok) throw new Error(`the broker answered ${res.status} ${res.statusText}`);
        const rows = parseQueues(await res.json());
        if (!stopped) {
          setQueues(rows);
          setError(null);
        }
      } catch (e) {
        if (!stopped) setError(e instanceof Error ? e.message : String(e));
      }
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      stopped = true;
      clearInterval(timer);
    };
  }, []);

  if (error) {
    return (
      <p className="panel__empty">
        The embedded broker's queue list is not available ({error}). It is only served with `npm start`.
      </p>
    );
  }
  if (!queues) return <p className="panel__empty">Asking the broker…</p>;
  if (!queues.length) return <p className="panel__empty">The broker has no queues yet: run a graph that sends to an address.</p>;
  return (
    <table className="broker__table" aria-label="Broker queues">
      <thead>
        <tr>
          <th scope="col">Queue</th>
          <th scope="col">Messages</th>
          <th scope="col">Consumers</th>
          <th scope="col">Enqueued</th>
          <th scope="col">Dequeued</th>
        </tr>
      </thead>
      <tbody>
        {queues.map((q) => (
          <tr key={q.name}>
            <td>{q.name}</td>
            <td>{q.depth ?? '–'}</td>
            <td>{q.consumers ?? '–'}</td>
            <td>{q.enqueued ?? '–'}</td>
            <td>{q.dequeued ?? '–'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
