// Starter flows offered by the Templates menu; each is valid and laid out left → right.
import { COLUMN_STEP, ROW_STEP } from './cardSize.ts';
import { GRAPH_FORMAT, GRAPH_VERSION, type Graph, type GraphEdge, type GraphNode, type NodeKind, type PropsByKind } from './types.ts';

export interface Template {
  id: string;
  name: string;
  description: string;
  graph: () => Graph;
}

// Columns and rows leave room for the largest live card (cardSize.ts) and an edge label between columns.
const COLUMN: Record<NodeKind, number> = { connection: 0, session: COLUMN_STEP, sender: 2 * COLUMN_STEP, receiver: 2 * COLUMN_STEP, transfer: 3 * COLUMN_STEP };
const ROW = ROW_STEP;

type Spec = { [K in NodeKind]: [id: string, kind: K, row: number, props?: PropsByKind[K]] }[NodeKind];

/** Nodes placed in their kind's column; edges numbered e1, e2 … in the order given. */
function makeGraph(name: string, specs: Spec[], wires: [string, string][]): Graph {
  const nodes = specs.map(([id, kind, row, props]) => ({ id, kind, position: { x: COLUMN[kind], y: row * ROW }, props: { ...(props ?? {}) } }) as GraphNode);
  const edges = wires.map(([source, target], i): GraphEdge => ({ id: `e${i + 1}`, source, target }));
  return { format: GRAPH_FORMAT, version: GRAPH_VERSION, name, nodes, edges };
}

export const TEMPLATES: Template[] = [
  {
    id: 'hello-cbs',
    name: 'Hello over $cbs',
    description: 'The platform example: a connection, a session, a sender to "$cbs" and one transfer saying "Hello!".',
    graph: () =>
      makeGraph(
        'Hello over $cbs',
        [
          ['c1', 'connection', 0],
          ['s1', 'session', 0],
          ['tx1', 'sender', 0, { address: '$cbs' }],
          ['t1', 'transfer', 0, { body: 'Hello!' }],
        ],
        [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1']],
      ),
  },
  {
    id: 'send-receive',
    name: 'Send and receive',
    description: 'One session sends five messages to a queue and receives them back on the same queue.',
    graph: () =>
      makeGraph(
        'Send and receive',
        [
          ['c1', 'connection', 0.5],
          ['s1', 'session', 0.5],
          ['tx1', 'sender', 0, { address: 'examples' }],
          ['t1', 'transfer', 0, { body: 'Hello!', count: 5 }],
          ['rx1', 'receiver', 1, { address: 'examples' }],
        ],
        [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1']],
      ),
  },
  {
    id: 'credit-starvation',
    name: 'Credit starvation',
    description: 'A receiver in manual credit mode grants 3 credits; the sender has 10 messages, so 7 wait until you grant more.',
    graph: () =>
      makeGraph(
        'Credit starvation',
        [
          ['c1', 'connection', 0.5],
          ['s1', 'session', 0.5],
          ['tx1', 'sender', 0, { address: 'starved' }],
          ['t1', 'transfer', 0, { body: 'Hello!', count: 10 }],
          ['rx1', 'receiver', 1, { address: 'starved', creditWindow: 0, initialCredit: 3 }],
        ],
        [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1']],
      ),
  },
  {
    id: 'competing-consumers',
    name: 'Competing consumers',
    description: 'Twenty messages to one queue, shared out between three receivers.',
    graph: () =>
      makeGraph(
        'Competing consumers',
        [
          ['c1', 'connection', 1.5],
          ['s1', 'session', 1.5],
          ['tx1', 'sender', 0, { address: 'work' }],
          ['t1', 'transfer', 0, { body: 'Job', count: 20, intervalMs: 50 }],
          ['rx1', 'receiver', 1, { address: 'work', creditWindow: 1 }],
          ['rx2', 'receiver', 2, { address: 'work', creditWindow: 1 }],
          ['rx3', 'receiver', 3, { address: 'work', creditWindow: 1 }],
        ],
        [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1'], ['s1', 'rx2'], ['s1', 'rx3']],
      ),
  },
  {
    id: 'request-reply',
    name: 'Request / reply',
    description: 'A requester sends to "requests" with replyTo set to its own dynamic receiver; a responder receives the request on a second connection.',
    graph: () =>
      makeGraph(
        'Request / reply',
        [
          ['c1', 'connection', 0.5],
          ['s1', 'session', 0.5],
          ['tx1', 'sender', 0, { address: 'requests' }],
          ['t1', 'transfer', 0, { body: 'What time is it?', messageId: 'request-1', replyTo: '@rx1' }],
          ['rx1', 'receiver', 1, { dynamic: true }],
          ['c2', 'connection', 2],
          ['s2', 'session', 2],
          ['rx2', 'receiver', 2, { address: 'requests' }],
        ],
        [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1'], ['c2', 's2'], ['s2', 'rx2']],
      ),
  },
];
