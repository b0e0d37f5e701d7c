import { makeGraph, type Template } from './makeGraph.ts';

export const requestReply: Template = {
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
};
