// The teaching templates do what their descriptions say, against the embedded broker.
import { describe, expect, it } from 'vitest';
import { FrameAttributor, fieldOf } from '../../src/store/describeFrame.ts';
import { SessionWindows } from '../../src/store/sessionWindow.ts';
import { TEMPLATES } from '../../src/graph/templates.ts';
import type { Graph } from '../../src/graph/types.ts';
import { record, startBroker } from './engineHarness.ts';
import { until } from './support/wait.ts';
import { sharedBroker } from './support/runScope.ts';

function template(id: string, url: string): Graph {
  const g = TEMPLATES.find((t) => t.id === id)!.graph();
  for (const n of g.nodes) if (n.kind === 'connection') n.props = { ...n.props, url };
  return g;
}

describe('teaching templates', () => {
  const shared = sharedBroker();
  const depth = (address: string) => shared.server.broker.queues().find((q) => q.address === address)?.depth ?? 0;

  it('"Settle modes": pre-settled transfers get no disposition, unsettled ones are accepted, and rx1 in settle mode second settles after the broker', async () => {
    const r = record(template('settle-modes', shared.server.wsUrl), { frames: true });
    await r.waitFor(() => r.of('TRANSFER_SETTLED').length === 4 && r.of('MESSAGE_SETTLED', 'rx1').length === 4);
    expect(r.of('TRANSFER_SETTLED', 't1').map((e) => e.outcome)).toEqual(['presettled', 'presettled']);
    expect(r.of('TRANSFER_SETTLED', 't2').map((e) => e.outcome)).toEqual(['accepted', 'accepted']);
    const sent = r.frames.filter((f) => f.dir === 'out' && f.performative === 'transfer');
    expect(sent.map((f) => fieldOf(f, 'settled') === true)).toEqual([true, true, false, false]);
    const dispositions = () => r.frames.filter((f) => f.performative === 'disposition').map((f) => ({
      dir: f.dir, role: fieldOf(f, 'role') === true ? 'receiver' : 'sender', settled: fieldOf(f, 'settled') === true,
      state: (fieldOf(f, 'state') as { descriptor?: string } | null)?.descriptor ?? null,
    }));
    // tx2's transfers: the broker, as receiver, accepts and settles at once (settle mode first).
    expect(dispositions()).toContainEqual({ dir: 'in', role: 'receiver', settled: true, state: 'accepted' });
    // rx1 in settle mode second: it states accepted unsettled, then the broker settles.
    // frames are not events: poll for the broker's settling disposition
    await until(() => dispositions().some((d) => d.dir === 'in' && d.role === 'sender' && d.settled), 'the broker settling rx1\'s deliveries');
    const rx = dispositions().filter((d) => (d.dir === 'out' && d.role === 'receiver') || (d.dir === 'in' && d.role === 'sender'));
    expect(rx[0]).toEqual({ dir: 'out', role: 'receiver', settled: false, state: 'accepted' });
    expect(rx.at(-1)).toMatchObject({ dir: 'in', role: 'sender', settled: true });
    expect(rx.some((d) => d.dir === 'out' && d.settled)).toBe(false);
    await r.run.stop();
  });

  it('"Accept and reject by hand": a rejected delivery goes to by-hand.dlq and a released one comes back', async () => {
    const r = record(template('settle-by-hand', shared.server.wsUrl));
    await r.waitFor(() => r.of('MESSAGE_RECEIVED', 'rx1').length === 4);
    const [a, b, c] = r.of('MESSAGE_RECEIVED', 'rx1').map((e) => e.deliveryId);
    r.run.settle('rx1', a!, 'accepted');
    r.run.settle('rx1', b!, 'rejected');
    r.run.settle('rx1', c!, 'released');
    await r.waitFor(() => r.of('MESSAGE_RECEIVED', 'rx1').length === 5);
    await r.waitFor(() => r.of('MESSAGE_SETTLED', 'rx1').length === 3);
    expect(depth('by-hand.dlq')).toBe(1);
    await r.run.stop();
  });

  it('"Dead-lettering and redelivery": rx2 receives what rx1 rejects; a modified delivery arrives on rx1 again', async () => {
    const r = record(template('dead-letter', shared.server.wsUrl));
    await r.waitFor(() => r.of('MESSAGE_RECEIVED', 'rx1').length === 3);
    const [a, b] = r.of('MESSAGE_RECEIVED', 'rx1').map((e) => e.deliveryId);
    r.run.settle('rx1', a!, 'rejected');
    r.run.settle('rx1', b!, 'modified', { deliveryFailed: true });
    await r.waitFor(() => r.of('MESSAGE_RECEIVED', 'rx2').length === 1);
    await r.waitFor(() => r.of('MESSAGE_RECEIVED', 'rx1').length === 4);
    await r.run.stop();
  });

  it('"Drain": 3 of 10 credits are used, Drain makes the broker use up the other 7 and answer drain=true', async () => {
    const r = record(template('drain', shared.server.wsUrl), { frames: true });
    await r.waitFor(() => r.of('MESSAGE_RECEIVED', 'rx1').length === 3);
    await r.waitFor((e) => e.event === 'CREDIT' && e.node === 'rx1' && e.credit === 7);
    r.run.drain('rx1');
    await r.waitFor((e) => e.event === 'CREDIT' && e.node === 'rx1' && e.credit === 0 && e.deliveryCount === 10);
    const drained = r.frames.find((f) => f.dir === 'in' && f.performative === 'flow' && fieldOf(f, 'drain') === true);
    expect(drained && [fieldOf(drained, 'link_credit'), fieldOf(drained, 'delivery_count')]).toEqual([0, 10]);
    await r.run.stop();
  });
});

describe('session window from real frames', () => {
  it('reads the broker\'s incoming window from its begin and flows, and counts our transfers against it', async () => {
    const server = await startBroker();
    try {
      const g = template('send-receive', server.wsUrl);
      const r = record(g, { frames: true });
      await r.waitFor(() => r.of('MESSAGE_RECEIVED', 'rx1').length === 5);
      const windows = new SessionWindows();
      const a = new FrameAttributor(g);
      for (const f of r.frames) windows.add(f, a.nodeOf(f));
      const room = windows.remaining('s1');
      expect(room).not.toBeNull();
      expect(room!.window).toBeGreaterThan(0);
      // Five transfers went out; the broker's window still has room for more.
      expect(room!.remaining).toBeGreaterThan(0);
      expect(room!.remaining).toBeLessThanOrEqual(room!.window);
      await r.run.stop();
    } finally {
      await server.close();
    }
  });
});
