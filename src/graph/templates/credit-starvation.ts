import { makeGraph, type Template } from './makeGraph.ts';

export const creditStarvation: Template = {
  id: 'credit-starvation',
  name: 'Credit starvation',
  description:
    'A receiver in manual credit mode grants 3 credits; the sender has 10 messages, so 7 wait in the queue until you grant more. ' +
    'The sender never waits (the broker stores all 10): watch the receiver at credit 0 say why it waits, and Add credit on its card.',
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
};
