import { makeGraph, type Template } from './makeGraph.ts';

export const competingConsumers: Template = {
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
};
