// Page-side faults (in the engine's socket layer) work on any broker: withhold credit, delay frames,
// drop the next transfer, against RabbitMQ; broker faults are refused there in plain words.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TRAITS, externalBrokerUrl, makeGraph, releaseExternalBrokers, skipInterop, uniqueName } from './support/brokers.ts';
import { useLoggedRuns } from './support/loggedRun.ts';
import { sleep, until } from './support/wait.ts';

afterAll(releaseExternalBrokers);

const { start } = useLoggedRuns();

describe.skipIf(skipInterop)(`page faults against ${TRAITS.rabbitmq.label}`, () => {
  let url = '';
  let unavailable: Error | null = null;
  beforeAll(async () => {
    url = await externalBrokerUrl('rabbitmq').then((u) => u.wsUrl, (e: Error) => ((unavailable = e), ''));
  }, 180_000);
  const check = (title: string, fn: () => Promise<void>) =>
    it(title, async () => {
      if (unavailable) throw unavailable;
      await fn();
    }, 60_000);
  const address = () => TRAITS.rabbitmq.addressFor(uniqueName('faults'));

  check('withhold-credit: the receiver stops at its window and gets the rest once credit flows again', async () => {
    const q = address();
    const { run, log } = start(makeGraph('withhold', [
      ['c1', 'connection', { url }], ['s1', 'session'],
      ['rx1', 'receiver', { address: q, creditWindow: 2 }],
      ['tx1', 'sender', { address: q }], ['t1', 'transfer', { body: 'x', count: 8, startAfterMs: 500 }],
    ], [['c1', 's1'], ['s1', 'rx1'], ['s1', 'tx1'], ['tx1', 't1']]));
    await log.waitFor('RECEIVER_OPEN', 'rx1');
    await run.injectFault({ fault: 'withhold-credit', target: 'rx1' });
    await until(() => log.of('TRANSFER_SETTLED', 't1').length === 8, 'all eight accepted');
    // RabbitMQ delivers within the credit it was last told about, then holds the rest:
    // a "nothing more arrives" window while the credit is withheld
    await sleep(500);
    expect(log.of('MESSAGE_RECEIVED', 'rx1').length).toBeLessThan(8);
    await run.injectFault({ fault: 'withhold-credit', target: 'rx1', on: false });
    await until(() => log.of('MESSAGE_RECEIVED', 'rx1').length === 8, 'all eight received');
    expect(log.of('FAULT').map((e) => e.fault)).toEqual(['withhold-credit', 'withhold-credit']);
  });

  check('delay-frames: a settlement comes at least twice the delay after its transfer', async () => {
    const { run, log } = start(makeGraph('delay', [
      ['c1', 'connection', { url }], ['s1', 'session'], ['tx1', 'sender', { address: address() }], ['t1', 'transfer', { body: 'x', startAfterMs: 300 }],
    ], [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1']]));
    await log.waitFor('SENDER_OPEN', 'tx1');
    await run.injectFault({ fault: 'delay-frames', target: 'c1', ms: 200 });
    await run.settled;
    const sent = log.of('TRANSFER_SENT', 't1')[0]!;
    const settled = log.of('TRANSFER_SETTLED', 't1')[0]!;
    expect(settled.outcome).toBe('accepted');
    expect(settled.at - sent.at).toBeGreaterThanOrEqual(395);
  });

  check('drop-next-frame: RabbitMQ never sees the transfer, so it is never settled and ends lost', async () => {
    const { run, log } = start(makeGraph('drop', [
      ['c1', 'connection', { url }], ['s1', 'session'], ['tx1', 'sender', { address: address() }], ['t1', 'transfer', { body: 'x', startAfterMs: 300 }],
    ], [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1']]));
    await log.waitFor('SENDER_OPEN', 'tx1');
    await run.injectFault({ fault: 'drop-next-frame', target: 't1' });
    await log.waitFor('FAULT', 't1', (e) => e.frame !== undefined);
    await sleep(500); // a "nothing more arrives" window: no settlement for a transfer RabbitMQ never saw
    expect(log.of('TRANSFER_SETTLED', 't1')).toEqual([]);
    await run.stop();
    expect(log.of('TRANSFER_SETTLED', 't1').map((e) => e.outcome)).toEqual(['lost']);
  });

  check('broker faults say they need the embedded broker', async () => {
    const { run, log } = start(makeGraph('restart', [['c1', 'connection', { url }], ['s1', 'session']], [['c1', 's1']]));
    await log.waitFor('SESSION_OPEN', 's1');
    await expect(run.injectFault({ fault: 'restart-broker', target: 'c1' })).rejects.toThrow(/works only on the embedded broker/);
    expect(log.of('FAULT')).toEqual([]);
  });
});
