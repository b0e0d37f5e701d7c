import { makeGraph, type Template } from './makeGraph.ts';

export const helloCbs: Template = {
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
};
