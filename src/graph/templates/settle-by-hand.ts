import { makeGraph, type Template } from './makeGraph.ts';

export const settleByHand: Template = {
  id: 'settle-by-hand',
  name: 'Accept and reject by hand',
  description:
    'The receiver does not accept on its own: each of the 4 deliveries waits on its card with Accept, Reject, Release and Modify. ' +
    'Accept one and it leaves the queue; Reject one and the broker moves it to "by-hand.dlq" (Broker tab); Release one and it comes back. ' +
    'Each press is a disposition frame from the page with that state; the sender\'s own transfers were already accepted when stored.',
  graph: () =>
    makeGraph(
      'Accept and reject by hand',
      [
        ['c1', 'connection', 0.5],
        ['s1', 'session', 0.5],
        ['tx1', 'sender', 0, { address: 'by-hand' }],
        ['t1', 'transfer', 0, { body: 'Order', count: 4 }],
        ['rx1', 'receiver', 1, { address: 'by-hand', autoAccept: false }],
      ],
      [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1']],
    ),
};
