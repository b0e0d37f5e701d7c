import { makeGraph, type Template } from './makeGraph.ts';

export const sendReceive: Template = {
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
};
