import { describe, expect, it } from 'vitest';
import { graphOfChildren } from '../../src/graph/fixtures/factory.ts';
import { is, record } from './engineHarness.ts';
import { sharedBroker } from './support/runScope.ts';

describe('node props reach the wire', () => {
  const shared = sharedBroker();

  it('puts connection, session and link props into open, begin and attach', async () => {
    const r = record(
      graphOfChildren([
        { id: 'c1', kind: 'connection', props: { url: shared.server.wsUrl, containerId: 'flow-test', hostname: 'vhost-a', idleTimeoutMs: 20_000, maxFrameSize: 65_536, channelMax: 8 } },
        { id: 's1', kind: 'session', parent: 'c1', props: { incomingWindow: 50, outgoingWindow: 7 } },
        { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'props-q', rcvSettleMode: 'second', creditWindow: 4 } },
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'props-q', sndSettleMode: 'unsettled' } },
      ]),
      { frames: true },
    );
    await r.waitFor(is('SENDER_OPEN', 'tx1'));
    await r.waitFor((e) => e.event === 'CREDIT' && e.node === 'rx1' && e.credit === 4);
    expect(r.of('CONNECTION_OPEN')[0]).toMatchObject({ containerId: 'flow-test' });
    const out = (p: string) => r.frames.filter((f) => f.dir === 'out' && f.performative === p);
    expect(out('open')[0]!.fields).toMatchObject({ container_id: 'flow-test', hostname: 'vhost-a', idle_time_out: 20_000, max_frame_size: 65_536, channel_max: 8 });
    expect(out('begin')[0]!.fields).toMatchObject({ incoming_window: 50, outgoing_window: 7 });
    const attaches = out('attach');
    expect(attaches.find((f) => f.fields.role === true)!.fields).toMatchObject({ rcv_settle_mode: 1, source: { descriptor: 'source', value: { address: 'props-q' } } });
    expect(attaches.find((f) => f.fields.role === false)!.fields).toMatchObject({ snd_settle_mode: 0, target: { descriptor: 'target', value: { address: 'props-q' } } });
    await r.run.stop();
  });
});
