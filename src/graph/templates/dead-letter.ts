import { makeGraph, type Template } from './makeGraph.ts';

export const deadLetter: Template = {
  id: 'dead-letter',
  name: 'Dead-lettering and redelivery',
  description:
    'rx1 settles "orders" by hand; rx2 reads the dead-letter queue "orders.dlq". ' +
    'Reject a delivery on rx1: the broker moves it to orders.dlq and rx2 receives it (the broker adds an x-opt-deadletter-reason annotation saying why). ' +
    'Modify one (delivery failed): it goes back to the queue with its delivery-count raised and arrives on rx1 again; Release does the same without counting a failure.',
  graph: () =>
    makeGraph(
      'Dead-lettering and redelivery',
      [
        ['c1', 'connection', 1],
        ['s1', 'session', 1],
        ['tx1', 'sender', 0, { address: 'orders' }],
        ['t1', 'transfer', 0, { body: 'Order', count: 3 }],
        ['rx1', 'receiver', 1, { address: 'orders', autoAccept: false }],
        ['rx2', 'receiver', 2, { address: 'orders.dlq' }],
      ],
      [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1'], ['s1', 'rx2']],
    ),
};
