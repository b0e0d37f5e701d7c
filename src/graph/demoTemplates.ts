// Templates made for presenting: a steady stream with reconnect on and scenes that break it on
// purpose (Faults menu, scenes), so a demo needs nothing but a click on Run and a clicker.
import { COLUMN_STEP, ROW_STEP } from './cardSize.ts';
import { GRAPH_FORMAT, GRAPH_VERSION, type Graph } from './types.ts';

export function restartDemo(): Graph {
  return {
    format: GRAPH_FORMAT,
    version: GRAPH_VERSION,
    name: 'Survive a broker restart',
    nodes: [
      { id: 'c1', kind: 'connection', position: { x: 0, y: ROW_STEP / 2 }, props: { reconnect: true } },
      { id: 's1', kind: 'session', position: { x: COLUMN_STEP, y: ROW_STEP / 2 }, props: {} },
      { id: 'tx1', kind: 'sender', position: { x: 2 * COLUMN_STEP, y: 0 }, props: { address: 'demo' } },
      { id: 't1', kind: 'transfer', position: { x: 3 * COLUMN_STEP, y: 0 }, props: { body: 'tick', count: 600, intervalMs: 100 } },
      { id: 'rx1', kind: 'receiver', position: { x: 2 * COLUMN_STEP, y: ROW_STEP }, props: { address: 'demo' } },
    ],
    edges: [
      { id: 'e1', source: 'c1', target: 's1' },
      { id: 'e2', source: 's1', target: 'tx1' },
      { id: 'e3', source: 'tx1', target: 't1' },
      { id: 'e4', source: 's1', target: 'rx1' },
    ],
    scenes: [
      {
        title: 'A steady stream',
        notes: 'Ten messages a second go to the queue "demo" and come straight back. The strip under the flow shows the rate, the latency and the backlog.',
        spotlight: ['tx1', 't1', 'rx1'],
      },
      {
        title: 'The broker restarts',
        notes: 'The broker closes every connection (amqp:connection:forced) and is down for two seconds. The connection goes red, then retries; transfers created meanwhile wait for credit.',
        spotlight: ['c1'],
        fault: { fault: 'restart-broker', target: 'c1', downMs: 2000 },
      },
      {
        title: 'Back to normal',
        notes: 'The same session and links attach again and the waiting transfers go out. Attempts in flight when the socket dropped ended "lost": the sender cannot know whether the broker stored them.',
        spotlight: ['c1', 's1', 'tx1', 'rx1'],
      },
    ],
  };
}
