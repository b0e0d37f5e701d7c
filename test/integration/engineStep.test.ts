import { describe, expect, it } from 'vitest';
import { oneSession, record } from './engineHarness.ts';
import { sleep, until } from './support/wait.ts';
import { sharedBroker } from './support/runScope.ts';


describe('step mode', () => {
  const shared = sharedBroker();

  it('holds every AMQP frame and releases exactly one per step, open → begin → attach → transfer', async () => {
    const r = record(
      oneSession(shared.server.wsUrl, [
        { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'step-q' } },
        { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'one step at a time' } },
      ]),
      { frames: true, stepMode: true },
    );
    // SASL and the protocol headers pass on their own; the open waits
    await until(() => r.run.peekHeld() !== null, 'the open held');
    expect(r.frames.filter((f) => f.dir === 'out').map((f) => f.performative)).toEqual(['header', 'sasl-init', 'header']);
    expect(r.run.peekHeld()).toMatchObject({ connection: 'c1', dir: 'out', performative: 'open' });
    expect(r.of('CONNECTION_OPEN')).toHaveLength(0);

    const released: string[] = [];
    for (const expected of ['open', 'begin', 'attach', 'transfer']) {
      await until(() => r.run.peekHeld() !== null, 'rhea writing the next frame');
      expect(r.run.peekHeld()?.performative).toBe(expected);
      const before = r.frames.filter((f) => f.dir === 'out').length;
      r.run.step();
      const out = r.frames.filter((f) => f.dir === 'out');
      expect(out.length).toBe(before + 1);
      released.push(out.at(-1)!.performative);
    }
    expect(released).toEqual(['open', 'begin', 'attach', 'transfer']);
    expect(r.of('CONNECTION_OPEN')).toHaveLength(1);
    expect(r.of('SENDER_OPEN')).toHaveLength(1);
    await r.waitFor((e) => e.event === 'TRANSFER_SETTLED');
    expect(r.of('TRANSFER_SETTLED')[0]).toMatchObject({ outcome: 'accepted' });
    // stop leaves step mode so the closing frames can go out
    await r.run.stop();
    expect(r.frames.some((f) => f.dir === 'out' && f.performative === 'close')).toBe(true);
    expect(r.of('CONNECTION_CLOSED')).toHaveLength(1);
  });

  it('lets everything held go at once when step mode is turned off', async () => {
    const r = record(oneSession(shared.server.wsUrl, [{ id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'step-off-q' } }]), { stepMode: true });
    await until(() => r.run.peekHeld()?.performative === 'open', 'the open held');
    expect(r.of('CONNECTION_OPEN')).toHaveLength(0);
    r.run.setStepMode(false);
    await r.waitFor((e) => e.event === 'RECEIVER_OPEN');
    expect(r.run.peekHeld()).toBeNull();
    await r.run.stop();
  });
});

describe('what the engine tells its caller', () => {
  const shared = sharedBroker();

  it('pushes each next held frame as it changes in step mode, without being asked', async () => {
    const r = record(oneSession(shared.server.wsUrl, [{ id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'held-push-q' } }]), { stepMode: true });
    const pushed: (string | null)[] = [];
    const off = r.run.subscribeHeld((f) => pushed.push(f?.performative ?? null));
    expect(pushed).toEqual([null]); // the current one, at once
    const nextIs = async (performative: string) => {
      await until(() => pushed.at(-1) === performative, `${performative} pushed as the next held frame`);
    };
    await nextIs('open');
    r.run.step();
    await nextIs('begin');
    r.run.step();
    await nextIs('attach');
    r.run.setStepMode(false);
    expect(pushed.at(-1)).toBeNull();
    off();
    await r.waitFor((e) => e.event === 'SENDER_OPEN');
    await r.run.stop();
  });

  it('resolves `ended` when every connection has closed or failed on its own', async () => {
    const r = record(oneSession(shared.server.wsUrl, [{ id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'ended-q' } }]));
    let ended = false;
    void r.run.ended.then(() => (ended = true));
    await r.waitFor((e) => e.event === 'SENDER_OPEN');
    await sleep(50); // a "nothing more arrives" window: `ended` must not resolve while the connection is open
    expect(ended).toBe(false);
    await r.run.closeNode('c1');
    await r.run.ended;
    expect(r.of('CONNECTION_CLOSED', 'c1')).toHaveLength(1);
    await r.run.stop();
  });
});
