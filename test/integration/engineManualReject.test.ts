// A manual Reject carries the condition and description the user picked (or a default saying it
// was rejected by hand), on the wire and into the embedded broker's dead-letter reason.
import { describe, expect, it } from 'vitest';
import { runHandSettled } from './support/handSettled.ts';
import { sharedBroker } from './support/runScope.ts';
import { until } from './support/wait.ts';

describe('a manual Reject', () => {
  const shared = sharedBroker();

  it('sends the picked condition and description, and by default "Rejected by hand in AMQP Flow"', async () => {
    const { r, ids: [picked, plain] } = await runHandSettled(shared.server.wsUrl, 'reject-q', { count: 2, receiver: { creditWindow: 0, initialCredit: 2 } });
    r.run.settle('rx1', picked!, 'rejected', { condition: 'amqp:not-allowed', description: 'no thanks' });
    r.run.settle('rx1', plain!, 'rejected');
    await r.waitFor(() => r.of('MESSAGE_SETTLED', 'rx1').length === 2);
    await until(() => shared.server.broker.queues().find((q) => q.address === 'reject-q.dlq')?.depth === 2, 'both in reject-q.dlq');

    const dispositions = r.frames.filter((f) => f.dir === 'out' && f.performative === 'disposition').map((f) => JSON.stringify(f.fields.state));
    expect(dispositions[0]).toContain('amqp:not-allowed');
    expect(dispositions[0]).toContain('no thanks');
    expect(dispositions[1]).toContain('amqp:precondition-failed');
    expect(dispositions[1]).toContain('Rejected by hand in AMQP Flow');
    await r.run.stop();
  });

  it('carries the receiver’s own rejectCondition and rejectDescription when the Reject picks none, into the dead letter’s annotations', async () => {
    const { r, ids: [late] } = await runHandSettled(shared.server.wsUrl, 'reject-own-q', {
      body: 'late',
      receiver: { rejectCondition: 'com.example:too-late', rejectDescription: 'arrived after the cut-off' },
      more: [{ id: 'dead', kind: 'receiver', parent: 's1', props: { address: 'reject-own-q.dlq' } }],
    });
    r.run.settle('rx1', late!, 'rejected');
    await r.waitFor(() => r.of('MESSAGE_SETTLED', 'rx1').length === 1);
    // the dead letter arrives with the reason and description in its message-annotations
    await r.waitFor(() => r.of('MESSAGE_RECEIVED', 'dead').length === 1);
    expect(r.of('MESSAGE_RECEIVED', 'dead')[0]!.messageAnnotations).toMatchObject({
      'x-opt-deadletter-reason': 'com.example:too-late',
      'x-opt-deadletter-description': 'arrived after the cut-off',
    });
    const disposition = r.frames.find((f) => f.dir === 'out' && f.performative === 'disposition');
    expect(JSON.stringify(disposition?.fields.state)).toContain('com.example:too-late');
    expect(JSON.stringify(disposition?.fields.state)).toContain('arrived after the cut-off');
    await r.run.stop();
  });
});
