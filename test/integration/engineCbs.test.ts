import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import rhea from 'rhea';
import { WebSocketServer } from 'ws';
import { describe, expect, it } from 'vitest';
import type { FrameRecord } from '../../src/engine/events.ts';
import { is, oneSession, record, sequence } from './engineHarness.ts';
import { sleep } from './support/wait.ts';
import { sharedBroker } from './support/runScope.ts';

const TOKEN = 'SharedAccessSignature sr=amqps%3A%2F%2F127.0.0.1%2F&sig=abc&se=4102444800&skn=RootManageSharedAccessKey';

/** The link name of an attach frame, and its source and target addresses. */
function attachOf(f: FrameRecord): { name: string; source?: string; target?: string } {
  type Terminus = { value?: { address?: string } };
  const fields = f.fields as { name?: string; source?: Terminus; target?: Terminus };
  return { name: String(fields.name), source: fields.source?.value?.address, target: fields.target?.value?.address };
}

describe('the CBS put-token handshake against the embedded broker', () => {
  const shared = sharedBroker();

  it('puts the token to $cbs before the sender attaches, and a 202 lets "Hello" flow', async () => {
    const r = record(
      oneSession(
        shared.server.wsUrl,
        [
          { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'cbs-hello' } },
          { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'Hello' } },
          { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'cbs-hello' } },
        ],
        { cbs: { token: TOKEN } },
      ),
      { frames: true },
    );
    const got = await r.waitFor(is('MESSAGE_RECEIVED', 'rx1'));
    expect(got).toMatchObject({ body: 'Hello' });
    const token = r.of('CBS_TOKEN', 'c1');
    expect(token).toHaveLength(1);
    expect(token[0]).toMatchObject({ status: 202, description: 'Accepted', renewal: false });
    expect(token[0]!.errorDetail).toBeUndefined();
    expect(sequence(r.events, ['CONNECTION_OPEN', 'CBS_TOKEN', 'SESSION_OPEN', 'SENDER_OPEN'])).toEqual([
      'CONNECTION_OPEN c1',
      'CBS_TOKEN c1',
      'SESSION_OPEN s1',
      'SENDER_OPEN tx1',
    ]);

    // On the wire: the $cbs links attach and the reply arrives before the graph's own sender attaches.
    const out = r.frames.filter((f) => f.connection === 'c1');
    const attaches = out.filter((f) => f.dir === 'out' && f.performative === 'attach').map((f) => ({ i: out.indexOf(f), ...attachOf(f) }));
    const cbsSender = attaches.find((a) => a.target === '$cbs');
    const cbsReceiver = attaches.find((a) => a.name.startsWith('cbs-reply-') && a.source === a.name);
    const graphSender = attaches.find((a) => a.target === 'cbs-hello');
    expect(cbsSender && cbsReceiver && graphSender).toBeTruthy();
    const putToken = out.findIndex((f) => f.dir === 'out' && f.performative === 'transfer');
    const reply = out.findIndex((f) => f.dir === 'in' && f.performative === 'transfer');
    expect(cbsSender!.i).toBeLessThan(putToken);
    expect(cbsReceiver!.i).toBeLessThan(putToken);
    expect(putToken).toBeLessThan(reply);
    expect(reply).toBeLessThan(graphSender!.i);
    await r.run.stop();
    expect(r.events.at(-1)).toMatchObject({ event: 'CONNECTION_CLOSED', node: 'c1' });
    expect(r.of('CONNECTION_ERROR')).toHaveLength(0);
  });

  it('fails the connection with amqp-flow:cbs-rejected and the broker words when the put-token has an empty name', async () => {
    const r = record(
      oneSession(
        shared.server.wsUrl,
        [
          { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'cbs-refused' } },
          { id: 't1', kind: 'transfer', parent: 'tx1', props: { body: 'Hello' } },
        ],
        { cbs: { token: TOKEN, audience: '' } },
      ),
    );
    const err = await r.waitFor(is('CONNECTION_ERROR', 'c1'));
    expect(err.errorDetail).toMatchObject({ condition: 'amqp-flow:cbs-rejected' });
    expect(err.errorDetail!.description).toMatch(/^400 Bad request: put-token needs application-properties "name"/);
    expect(err.errorDetail!.hint).toMatch(/The broker refused the token: check the SAS token, its audience \(name\) and its expiry/);
    expect(r.of('CBS_TOKEN', 'c1')[0]).toMatchObject({ status: 400, renewal: false });
    const summary = await r.run.settled;
    expect(summary).toMatchObject({ transfers: 1, unsent: 1 });
    expect(r.of('SENDER_OPEN')).toHaveLength(0);
    expect(r.of('SESSION_OPEN')).toHaveLength(0);
    expect(r.events.find(is('SESSION_CLOSED', 's1'))?.errorDetail).toMatchObject({ condition: 'amqp-flow:parent-failed' });
    await r.run.stop();
  });

  it('puts the token again every renewEveryMs while the connection is open, and stops when it closes', async () => {
    const r = record(
      oneSession(shared.server.wsUrl, [{ id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'cbs-renew' } }], { cbs: { token: TOKEN, renewEveryMs: 1000 } }),
    );
    await r.waitFor(is('RECEIVER_OPEN', 'rx1'));
    const renewal = await r.waitFor((e) => e.event === 'CBS_TOKEN' && e.renewal, 5000);
    expect(renewal).toMatchObject({ node: 'c1', status: 202, renewal: true });
    await r.run.stop();
    const count = r.of('CBS_TOKEN').length;
    await sleep(1500); // a "nothing more arrives" window: past a renewal period, no token put after the close
    expect(r.of('CBS_TOKEN')).toHaveLength(count);
    expect(r.of('CONNECTION_ERROR')).toHaveLength(0);
  });
});

describe('the CBS put-token handshake against a peer without claims-based security', () => {
  it('fails the connection with amqp-flow:cbs-timeout when no reply comes within 10 s', async () => {
    // A plain AMQP peer: it accepts every session, link and message, and never answers on $cbs.
    const peer = rhea.create_container({ id: 'silent-peer' });
    peer.on('error', () => {});
    const http = createServer();
    const wss = new WebSocketServer({ server: http, handleProtocols: (offered: Set<string>) => [...offered][0] ?? false });
    wss.on('connection', (ws) => peer.websocket_accept(ws as never, {}));
    await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve));
    const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}/`;
    try {
      const r = record(oneSession(url, [{ id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'q' } }], { cbs: { token: TOKEN } }));
      await r.waitFor(is('CONNECTION_OPEN', 'c1'));
      const err = await r.waitFor(is('CONNECTION_ERROR', 'c1'), 15_000);
      expect(err.at - r.of('CONNECTION_OPEN', 'c1')[0]!.at).toBeGreaterThanOrEqual(9_900);
      expect(err.errorDetail).toMatchObject({ condition: 'amqp-flow:cbs-timeout', description: 'No reply to the put-token on "$cbs" within 10 s' });
      expect(err.errorDetail!.hint).toMatch(/supports claims-based security/);
      expect(r.of('CBS_TOKEN')).toHaveLength(0);
      expect(r.of('SENDER_OPEN')).toHaveLength(0);
      await r.run.stop();
    } finally {
      for (const c of wss.clients) c.terminate();
      wss.close();
      await new Promise((resolve) => http.close(resolve));
    }
  }, 20_000);
});
