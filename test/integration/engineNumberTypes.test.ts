// The AMQP types of a transfer's application-property numbers, as a client nobody here wrote
// (Qpid Proton) decodes them: int when it fits, long beyond, double for fractions, or the type
// picked in applicationPropertyTypes. rhea alone would send every positive integer as a uint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../broker/server.ts';
import { oneSession, record } from './engineHarness.ts';
import { runCase } from '../conformance/proton.ts';

describe('application-property numbers on the wire', () => {
  let server: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, tcpPort: 0 });
  });
  afterAll(async () => {
    await server.close();
  });

  it('go as int / long / double by default and as the picked type otherwise', async () => {
    const r = record(oneSession(server.wsUrl, [
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'typed-q' } },
      {
        id: 't1', kind: 'transfer', parent: 'tx1', props: {
          body: 'typed',
          applicationProperties: { 'status-code': 202, big: 2 ** 40, ratio: 0.5, small: 7, name: 'x' },
          applicationPropertyTypes: { small: 'ubyte' },
        },
      },
    ]));
    await r.waitFor((e) => e.event === 'TRANSFER_SETTLED');
    await r.run.stop();
    const types = await runCase<Record<string, string>>('property_types', server.tcpUrl!, { address: 'typed-q' });
    expect(types).toEqual({ 'status-code': 'int32', big: 'int', ratio: 'float', small: 'ubyte', name: 'str' });
  });

  it('are reported by the receiving engine as the AMQP type each arrived as', async () => {
    const r = record(oneSession(server.wsUrl, [
      { id: 'rx1', kind: 'receiver', parent: 's1', props: { address: 'typed-back-q' } },
      { id: 'tx1', kind: 'sender', parent: 's1', props: { address: 'typed-back-q' } },
      {
        id: 't1', kind: 'transfer', parent: 'tx1', props: {
          body: 'typed',
          applicationProperties: { code: 202, big: 7, ratio: 0.5, small: 7, tiny: 3, name: 'x', flag: true, none: null },
          applicationPropertyTypes: { big: 'long', small: 'ubyte', tiny: 'uint', ratio: 'float' },
        },
      },
    ]));
    await r.waitFor(() => r.of('MESSAGE_RECEIVED', 'rx1').length === 1);
    await r.run.stop();
    expect(r.of('MESSAGE_RECEIVED', 'rx1')[0]!.applicationPropertyTypes).toEqual({
      code: 'int', big: 'long', ratio: 'float', small: 'ubyte', tiny: 'uint', name: 'string', flag: 'boolean', none: 'null',
    });
  });
});
