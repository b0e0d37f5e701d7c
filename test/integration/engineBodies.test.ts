// Messages other clients send with data sections, amqp-sequence or binary values arrive in the
// engine's MESSAGE_RECEIVED with their body section kind and value, bytes as bytes (not rhea's
// internal Section objects, not hex that reads like text).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import rhea from 'rhea';
import { closeClient, connectClient, openSender, sendAll, type TestBroker } from './brokerSupport.ts';
import { oneSession, record, startBroker } from './engineHarness.ts';
import type { RunningServer } from '../../broker/server.ts';

const sections = rhea.message as unknown as { data_section(b: Buffer): unknown; data_sections(b: Buffer[]): unknown; sequence_section(l: unknown[]): unknown };

describe('bodies from other clients', () => {
  let server: RunningServer & { tcpPort: number };
  beforeAll(async () => {
    const s = await startBroker();
    server = Object.assign(s, { tcpPort: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('show their section kind and decoded value, bytes with a UTF-8 view when they are text', async () => {
    const client = await connectClient(server as unknown as TestBroker, { over: 'ws' });
    const sender = await openSender(client, 'bodies-q');
    expect(await sendAll(sender, [
      { body: sections.data_section(Buffer.from('plain text')) },
      { body: sections.data_sections([Buffer.from([0xff, 0x00]), Buffer.from([0x01])]) },
      { body: sections.sequence_section([1, 'two']) },
      { body: Buffer.from('42') },
      { body: 'just a string' },
    ] as never)).toEqual(['accepted', 'accepted', 'accepted', 'accepted', 'accepted']);
    await closeClient(client);

    const r = record(oneSession(server.wsUrl, [{ id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'bodies-q' } }]));
    await r.waitFor(() => r.of('MESSAGE_RECEIVED', 'rx1').length === 5);
    const got = r.of('MESSAGE_RECEIVED', 'rx1') as unknown as { body: unknown; bodySection: Record<string, unknown> }[];
    expect(got[0]).toMatchObject({ bodySection: { kind: 'data', sections: 1, bytes: { length: 10, utf8: 'plain text' } }, body: { utf8: 'plain text' } });
    expect(got[1]!.bodySection).toEqual({ kind: 'data', sections: 2, bytes: { length: 3, base64: '/wAB', hex: 'ff0001' } });
    expect(got[2]).toMatchObject({ bodySection: { kind: 'amqp-sequence', sections: 1, value: [1, 'two'] }, body: [1, 'two'] });
    expect(got[3]!.bodySection).toMatchObject({ kind: 'amqp-value', valueType: 'binary', value: { length: 2, hex: '3432', utf8: '42' } });
    expect(got[4]).toMatchObject({ bodySection: { kind: 'amqp-value', valueType: 'string' }, body: 'just a string' });
    await r.run.stop();
  });
});
