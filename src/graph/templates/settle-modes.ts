import { makeGraph, type Template } from './makeGraph.ts';

export const settleModes: Template = {
  id: 'settle-modes',
  name: 'Settle modes',
  description:
    'tx1 sends pre-settled: its transfers say settled=true, no disposition comes back and they end "presettled" (the broker\'s outcome is never known). ' +
    'tx2 sends unsettled: each transfer waits for the broker\'s disposition (accepted, settled=true). ' +
    'rx1 asks for receiver settle mode second: it answers accepted with settled=false and the delivery is done only when the broker\'s disposition settles it. ' +
    'Watch the Sequence diagram with the transfer and disposition filters.',
  graph: () =>
    makeGraph(
      'Settle modes',
      [
        ['c1', 'connection', 1],
        ['s1', 'session', 1],
        ['tx1', 'sender', 0, { address: 'settle-modes', sndSettleMode: 'settled' }],
        ['t1', 'transfer', 0, { body: 'pre-settled', count: 2 }],
        ['tx2', 'sender', 1, { address: 'settle-modes', sndSettleMode: 'unsettled' }],
        ['t2', 'transfer', 1, { body: 'unsettled', count: 2 }],
        ['rx1', 'receiver', 2, { address: 'settle-modes', rcvSettleMode: 'second' }],
      ],
      [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'tx2'], ['tx2', 't2'], ['s1', 'rx1']],
    ),
};
