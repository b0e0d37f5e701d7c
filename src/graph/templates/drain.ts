import { makeGraph, type Template } from './makeGraph.ts';

export const drain: Template = {
  id: 'drain',
  name: 'Drain',
  description:
    'rx1 grants 10 credits by hand but only 3 messages exist: it receives 3 and keeps credit 7. ' +
    'Press Drain on rx1: the broker has nothing more to send, so it uses up the rest at once and answers with a flow of ' +
    'link-credit=0, delivery-count=10, drain=true (Sequence diagram, flow filter). The receiver is back at credit 0.',
  graph: () =>
    makeGraph(
      'Drain',
      [
        ['c1', 'connection', 0.5],
        ['s1', 'session', 0.5],
        ['tx1', 'sender', 0, { address: 'drain-demo' }],
        ['t1', 'transfer', 0, { body: 'Hello!', count: 3 }],
        ['rx1', 'receiver', 1, { address: 'drain-demo', creditWindow: 0, initialCredit: 10 }],
      ],
      [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1']],
    ),
};
