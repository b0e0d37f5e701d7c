// The engine's scenarios against three AMQP 1.0 implementations: the embedded broker, RabbitMQ 3.10
// and the Qpid Proton example broker. Where the brokers really differ each test asserts that
// broker's observed behaviour (see TRAITS and docs/brokers.md).
// Over 300 lines: the same scenarios run for each broker, so they read as one table of behaviours.
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer } from '../../broker/server.ts';
import type { ConnectionProps } from '../../src/graph/types.ts';
import { TRAITS, externalBrokerUrl, makeGraph, releaseExternalBrokers, skipInterop, uniqueName, type BrokerName, type Spec } from './support/brokers.ts';
import { useLoggedRuns } from './support/loggedRun.ts';
import { sleep, until } from './support/wait.ts';

const BROKERS: BrokerName[] = ['embedded', 'rabbitmq', 'proton'];

afterAll(releaseExternalBrokers);

const { start, stopAll } = useLoggedRuns();

/** A port nothing listens on: bound once to find it, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.address() as { port: number };
  await new Promise<void>((ok) => server.close(() => ok()));
  return port;
}

for (const name of BROKERS) {
  const traits = TRAITS[name];
  describe.skipIf(skipInterop && name !== 'embedded')(`against ${traits.label}`, () => {
    let url = '';
    let closeEmbedded: (() => Promise<void>) | null = null;
    const addr = (stem: string) => traits.addressFor(uniqueName(stem));

    let unavailable: Error | null = null;
    /** A test that fails with the reason when its broker could not be reached (never skips silently). */
    const check = (title: string, fn: () => Promise<void>) =>
      it(title, async () => {
        if (unavailable) throw unavailable;
        await fn();
      });

    beforeAll(async () => {
      if (name === 'embedded') {
        const server = await startServer({ host: '127.0.0.1', port: 0, tcpPort: false });
        url = server.wsUrl;
        closeEmbedded = server.close;
      } else {
        url = await externalBrokerUrl(name).then((u) => u.wsUrl, (e: Error) => ((unavailable = e), ''));
      }
    });
    afterAll(async () => {
      await closeEmbedded?.();
    });

    /** connection → session → (senders with their transfers, receivers), all on this broker. */
    const conn = (extra: ConnectionProps = {}): Spec => ['c1', 'connection', { url, ...extra }];

    check('seeds "Hello!" to $cbs and the broker accepts it', async () => {
      const { run, log } = start(
        makeGraph('Hello over $cbs', [conn(), ['s1', 'session'], ['tx1', 'sender', { address: '$cbs' }], ['t1', 'transfer', { body: 'Hello!' }]], [
          ['c1', 's1'],
          ['s1', 'tx1'],
          ['tx1', 't1'],
        ]),
      );
      const summary = await run.settled;
      expect(summary).toMatchObject({ transfers: 1, accepted: 1, errors: 0 });
      expect(log.of('CONNECTION_OPEN', 'c1')).toHaveLength(1);
      expect(log.of('SENDER_OPEN', 'tx1')[0]?.address).toBe('$cbs');
      expect(log.of('TRANSFER_SETTLED', 't1')[0]?.outcome).toBe('accepted');
    });

    check('sends five messages to a queue and receives all five back, accepted', async () => {
      const q = addr('send-receive');
      const { log } = start(
        makeGraph(
          'Send and receive',
          [conn(), ['s1', 'session'], ['tx1', 'sender', { address: q }], ['t1', 'transfer', { body: 'Hello!', count: 5, subject: 'greeting' }], ['rx1', 'receiver', { address: q }]],
          [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1']],
        ),
      );
      const received = await log.waitForCount('MESSAGE_RECEIVED', 'rx1', 5);
      expect(received.map((m) => m.body)).toEqual(Array(5).fill('Hello!'));
      expect(received[0]?.properties).toMatchObject({ subject: 'greeting' });
      await log.waitForCount('MESSAGE_SETTLED', 'rx1', 5);
      expect(log.of('MESSAGE_SETTLED', 'rx1').every((m) => m.outcome === 'accepted')).toBe(true);
      await log.waitForCount('TRANSFER_SETTLED', 't1', 5);
      expect(log.of('TRANSFER_SETTLED', 't1').map((t) => t.outcome)).toEqual(Array(5).fill('accepted'));
      expect(log.of('RECEIVER_OPEN', 'rx1')[0]?.address).toBe(q);
    });

    check('delivers only the credit a manual-credit receiver granted, and the rest once it grants more', async () => {
      const q = addr('credit');
      const { run, log } = start(
        makeGraph(
          'Credit starvation',
          [conn(), ['s1', 'session'], ['tx1', 'sender', { address: q }], ['t1', 'transfer', { body: 'n', count: 10 }], ['rx1', 'receiver', { address: q, creditWindow: 0, initialCredit: 3 }]],
          [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1']],
        ),
      );
      await log.waitForCount('MESSAGE_RECEIVED', 'rx1', 3);
      // The sender's outcomes are the broker's: all ten are queued and accepted while the consumer starves.
      await log.waitForCount('TRANSFER_SETTLED', 't1', 10);
      expect(log.of('TRANSFER_SETTLED', 't1').every((t) => t.outcome === 'accepted')).toBe(true);
      await sleep(400); // a "nothing more arrives" window: no 4th message for 3 credits
      expect(log.of('MESSAGE_RECEIVED', 'rx1')).toHaveLength(3);
      await log.waitFor('CREDIT', 'rx1', (c) => c.credit === 0);
      run.addCredit('rx1', 7);
      await log.waitForCount('MESSAGE_RECEIVED', 'rx1', 10);
      await sleep(200); // a "nothing more arrives" window: no 11th message
      expect(log.of('MESSAGE_RECEIVED', 'rx1')).toHaveLength(10);
    });

    check(`grants a sender ${traits.senderCredit} credits at attach`, async () => {
      const { log } = start(makeGraph('Credit at attach', [conn(), ['s1', 'session'], ['tx1', 'sender', { address: addr('credit-at-attach') }]], [['c1', 's1'], ['s1', 'tx1']]));
      await log.waitFor('SENDER_OPEN', 'tx1');
      const credit = await log.waitFor('CREDIT', 'tx1', (c) => c.credit > 0);
      expect(credit.credit).toBe(traits.senderCredit);
    });

    /** One message to a fresh queue, received by a receiver that settles by hand. */
    async function receiveOneByHand(stem: string) {
      const q = addr(stem);
      const started = start(
        makeGraph(
          'Settle by hand',
          [conn(), ['s1', 'session'], ['tx1', 'sender', { address: q }], ['t1', 'transfer', { body: stem }], ['rx1', 'receiver', { address: q, autoAccept: false }]],
          [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rx1']],
        ),
      );
      const first = await started.log.waitFor('MESSAGE_RECEIVED', 'rx1');
      expect(first.body).toBe(stem);
      // Whatever the consumer decides later, the sender has the broker's outcome.
      expect((await started.log.waitFor('TRANSFER_SETTLED', 't1')).outcome).toBe('accepted');
      return { ...started, first };
    }

    check('drops a message the consumer rejects by hand', async () => {
      const { run, log, first } = await receiveOneByHand('reject');
      run.settle('rx1', first.deliveryId, 'rejected');
      await log.waitFor('MESSAGE_SETTLED', 'rx1', (m) => m.outcome === 'rejected');
      await sleep(500); // a "nothing more arrives" window: a rejected message is not delivered again
      expect(log.of('MESSAGE_RECEIVED', 'rx1')).toHaveLength(1);
      expect(log.of('SESSION_ERROR')).toHaveLength(0);
    });

    check(`${traits.redeliversReleased ? 'delivers again' : 'does not deliver again'} a message the consumer releases by hand`, async () => {
      const { run, log, first } = await receiveOneByHand('release');
      run.settle('rx1', first.deliveryId, 'released');
      await log.waitFor('MESSAGE_SETTLED', 'rx1', (m) => m.outcome === 'released');
      if (traits.redeliversReleased) {
        const again = await log.waitForCount('MESSAGE_RECEIVED', 'rx1', 2);
        expect(again[1]?.body).toBe('release');
      } else {
        await sleep(800); // a "nothing more arrives" window: the released message is not delivered again
        expect(log.of('MESSAGE_RECEIVED', 'rx1')).toHaveLength(1);
      }
    });

    if (traits.acceptsModified) {
      check(`${traits.redeliversModified ? 'delivers again' : 'does not deliver again'} a message the consumer marks modified by hand`, async () => {
        const { run, log, first } = await receiveOneByHand('modify');
        run.settle('rx1', first.deliveryId, 'modified', { deliveryFailed: true });
        await log.waitFor('MESSAGE_SETTLED', 'rx1', (m) => m.outcome === 'modified');
        if (traits.redeliversModified) {
          expect((await log.waitForCount('MESSAGE_RECEIVED', 'rx1', 2))[1]?.body).toBe('modify');
        } else {
          await sleep(800); // a "nothing more arrives" window: the modified message is not delivered again
          expect(log.of('MESSAGE_RECEIVED', 'rx1')).toHaveLength(1);
        }
      });
    } else {
      check('ends the session with amqp:invalid-field when the consumer settles as modified', async () => {
        const { run, log, first } = await receiveOneByHand('modify');
        run.settle('rx1', first.deliveryId, 'modified', { deliveryFailed: true });
        const error = await log.waitFor('SESSION_ERROR', 's1');
        expect(error.errorDetail?.condition).toBe('amqp:invalid-field');
        expect(error.errorDetail?.description).toMatch(/Unrecognised state: \{'v1_0\.modified'/);
        expect(error.errorDetail?.hint).toMatch(/does not accept the modified outcome.*released/);
      });
    }

    check('shares one queue between two competing receivers, each message going to exactly one', async () => {
      const q = addr('competing');
      const { log } = start(
        makeGraph(
          'Competing consumers',
          [
            conn(),
            ['s1', 'session'],
            ['rx1', 'receiver', { address: q, creditWindow: 1 }],
            ['rx2', 'receiver', { address: q, creditWindow: 1 }],
            ['s2', 'session'],
            ['tx1', 'sender', { address: q }],
            ['t1', 'transfer', { body: 'job', count: 12, startAfterMs: 300 }],
          ],
          [['c1', 's1'], ['s1', 'rx1'], ['s1', 'rx2'], ['c1', 's2'], ['s2', 'tx1'], ['tx1', 't1']],
        ),
      );
      await log.waitFor('RECEIVER_OPEN', 'rx1');
      await log.waitFor('RECEIVER_OPEN', 'rx2');
      const total = () => log.of('MESSAGE_RECEIVED', 'rx1').length + log.of('MESSAGE_RECEIVED', 'rx2').length;
      await until(() => total() >= 12, () => `12 messages between the two receivers (got ${total()})`);
      await sleep(300); // a "nothing more arrives" window: no message delivered twice
      expect(total()).toBe(12);
      expect(log.of('MESSAGE_RECEIVED', 'rx1').length).toBeGreaterThan(0);
      expect(log.of('MESSAGE_RECEIVED', 'rx2').length).toBeGreaterThan(0);
    });

    check(`answers a request on ${traits.dynamicReceivers ? 'a dynamic' : 'a named'} reply address`, async () => {
      const requests = addr('requests');
      const reply: [string, 'receiver', { address?: string; dynamic?: boolean }] = traits.dynamicReceivers
        ? ['rxReply', 'receiver', { dynamic: true }]
        : ['rxReply', 'receiver', { address: addr('replies') }];
      const client = start(
        makeGraph(
          'Request',
          [
            conn(),
            ['s1', 'session'],
            reply,
            ['tx1', 'sender', { address: requests }],
            ['t1', 'transfer', { body: 'ping', messageId: 'req-1', replyTo: '@rxReply', startAfterMs: 200 }],
            ['rxReq', 'receiver', { address: requests }],
          ],
          [['c1', 's1'], ['s1', 'rxReply'], ['s1', 'tx1'], ['tx1', 't1'], ['s1', 'rxReq']],
        ),
      );
      const replyAddress = (await client.log.waitFor('RECEIVER_OPEN', 'rxReply')).address;
      expect(replyAddress).toBeTruthy();
      const request = await client.log.waitFor('MESSAGE_RECEIVED', 'rxReq');
      expect(request.properties).toMatchObject({ messageId: 'req-1', replyTo: replyAddress });
      // The responder: a second connection sends the answer to the reply address it was given.
      const responder = start(
        makeGraph(
          'Reply',
          [conn(), ['s1', 'session'], ['tx1', 'sender', { address: replyAddress }], ['t1', 'transfer', { body: 'pong', correlationId: 'req-1' }]],
          [['c1', 's1'], ['s1', 'tx1'], ['tx1', 't1']],
        ),
      );
      expect((await responder.log.waitFor('TRANSFER_SETTLED', 't1')).outcome).toBe('accepted');
      const answer = await client.log.waitFor('MESSAGE_RECEIVED', 'rxReply');
      expect(answer.body).toBe('pong');
      expect(answer.properties).toMatchObject({ correlationId: 'req-1' });
    });

    if (!traits.dynamicReceivers) {
      check('refuses a dynamic receiver with amqp:not-implemented and a hint', async () => {
        const { log } = start(makeGraph('Dynamic', [conn(), ['s1', 'session'], ['rx1', 'receiver', { dynamic: true }]], [['c1', 's1'], ['s1', 'rx1']]));
        const error = await log.waitFor('SESSION_ERROR', 's1');
        expect(error.errorDetail).toMatchObject({ condition: 'amqp:not-implemented', description: 'Dynamic sources not supported' });
        expect(error.errorDetail?.hint).toMatch(/dynamic/i);
      });
    }

    if (name === 'rabbitmq') {
      check('reports a refused attach with the broker’s amqp:not-found and a hint about the address', async () => {
        const missing = `/amq/queue/${uniqueName('missing')}`;
        const { log } = start(makeGraph('Missing queue', [conn(), ['s1', 'session'], ['rx1', 'receiver', { address: missing }]], [['c1', 's1'], ['s1', 'rx1']]));
        const error = await log.waitFor('SESSION_ERROR', 's1');
        expect(error.errorDetail?.condition).toBe('amqp:not-found');
        expect(error.errorDetail?.description).toMatch(/NOT_FOUND - no queue 'missing-[0-9a-f]+' in vhost '\/'/);
        expect(error.errorDetail?.hint).toMatch(/address/i);
      });

      check('refuses a wrong password with amqp:unauthorized-access after its ~3 s delay', async () => {
        const t0 = Date.now();
        const { log } = start(
          makeGraph('Wrong password', [conn({ sasl: { mechanism: 'PLAIN', username: 'guest', password: 'wrong' } }), ['s1', 'session']], [['c1', 's1']]),
        );
        const error = await log.waitFor('CONNECTION_ERROR', 'c1', undefined, 15_000);
        expect(Date.now() - t0).toBeGreaterThan(2_000);
        expect(error.errorDetail?.condition).toBe('amqp:unauthorized-access');
        expect(error.errorDetail?.hint).toMatch(/credentials|password/i);
        expect(log.of('CONNECTION_OPEN')).toHaveLength(0);
      });

      check('accepts PLAIN guest/guest from loopback', async () => {
        const { log } = start(makeGraph('Guest', [conn({ sasl: { mechanism: 'PLAIN', username: 'guest', password: 'guest' } }), ['s1', 'session']], [['c1', 's1']]));
        await log.waitFor('SESSION_OPEN', 's1');
      });
    }

    if (name === 'proton') {
      check('refuses PLAIN, which it does not offer, with a hint about the mechanism', async () => {
        const { log } = start(
          makeGraph('PLAIN to Proton', [conn({ sasl: { mechanism: 'PLAIN', username: 'guest', password: 'guest' } }), ['s1', 'session']], [['c1', 's1']]),
        );
        const error = await log.waitFor('CONNECTION_ERROR', 'c1');
        expect(error.errorDetail?.condition).toBe('amqp:unauthorized-access');
        expect(error.errorDetail?.description).toMatch(/No suitable mechanism; server supports ANONYMOUS/);
        expect(error.errorDetail?.hint).toMatch(/mechanism/i);
      });
    }

    if (name === 'embedded') {
      check('refuses a wrong password when users are configured', async () => {
        const guarded = await startServer({ host: '127.0.0.1', port: 0, tcpPort: false, broker: { users: { alice: 'secret' } } });
        try {
          const wrong = start(
            makeGraph('Wrong password', [['c1', 'connection', { url: guarded.wsUrl, sasl: { mechanism: 'PLAIN', username: 'alice', password: 'nope' } }], ['s1', 'session']], [['c1', 's1']]),
          );
          const error = await wrong.log.waitFor('CONNECTION_ERROR', 'c1');
          expect(error.errorDetail?.condition).toBe('amqp:unauthorized-access');
          expect(error.errorDetail?.hint).toMatch(/credentials|password/i);
          const right = start(
            makeGraph('Right password', [['c1', 'connection', { url: guarded.wsUrl, sasl: { mechanism: 'PLAIN', username: 'alice', password: 'secret' } }], ['s1', 'session']], [['c1', 's1']]),
          );
          await right.log.waitFor('SESSION_OPEN', 's1');
        } finally {
          await stopAll();
          await guarded.close();
        }
      });
    }

    if (traits.behindWebsockify) {
      check('explains the HTTP 400 websockify gives when only "amqp" is offered', async () => {
        const { log } = start(makeGraph('amqp only', [conn({ subprotocols: ['amqp'] }), ['s1', 'session']], [['c1', 's1']]));
        const error = await log.waitFor('CONNECTION_ERROR', 'c1');
        expect(error.errorDetail?.condition).toBe('amqp-flow:websocket-rejected');
        expect(error.errorDetail?.description).toMatch(/400/);
        expect(error.errorDetail?.hint).toMatch(/"binary"/);
      });
    } else {
      check('opens with "amqp" as the only subprotocol offered', async () => {
        const { log } = start(makeGraph('amqp only', [conn({ subprotocols: ['amqp'] }), ['s1', 'session']], [['c1', 's1']]));
        await log.waitFor('SESSION_OPEN', 's1');
      });
    }
  });
}

describe('with no broker at all', () => {
  it('says nothing is listening at the URL', async () => {
    const url = `ws://127.0.0.1:${await closedPort()}/`;
    const { log } = start(makeGraph('Nobody home', [['c1', 'connection', { url }], ['s1', 'session']], [['c1', 's1']]));
    const error = await log.waitFor('CONNECTION_ERROR', 'c1');
    expect(error.errorDetail?.condition).toBe('amqp-flow:connection-refused');
    expect(error.errorDetail?.hint).toContain(`Nothing is listening at ${url}`);
  });
});
