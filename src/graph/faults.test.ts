import { describe, expect, it } from 'vitest';
import { FAULTS, FAULT_NAMES, addressOf, connectionOf, faultProblem } from './faults.ts';
import { formatFaultText, parseFaultText } from './faultText.ts';
import type { Graph } from './types.ts';

const graph: Graph = {
  format: 'amqp-flow',
  version: 1,
  name: 'f',
  nodes: [
    { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: {} },
    { id: 's1', kind: 'session', position: { x: 0, y: 0 }, props: {} },
    { id: 'tx1', kind: 'sender', position: { x: 0, y: 0 }, props: { address: 'q' } },
    { id: 't1', kind: 'transfer', position: { x: 0, y: 0 }, props: {} },
    { id: 'rx1', kind: 'receiver', position: { x: 0, y: 0 }, props: { dynamic: true } },
  ],
  edges: [
    { id: 'e1', source: 'c1', target: 's1' },
    { id: 'e2', source: 's1', target: 'tx1' },
    { id: 'e3', source: 'tx1', target: 't1' },
    { id: 'e4', source: 's1', target: 'rx1' },
  ],
};

describe('faults', () => {
  it('names every fault with the menu label of contracts §5', () => {
    expect(FAULT_NAMES.map((f) => FAULTS[f].label)).toEqual([
      'Restart broker', 'Drop connection', 'Pause queue', 'Resume queue', 'Slow queue', 'Reject next N',
      'Drop next frame', 'Delay frames', 'Duplicate next transfer', 'Withhold credit',
    ]);
  });

  it('finds the connection and the address a node leads to', () => {
    expect(connectionOf(graph, 't1')?.id).toBe('c1');
    expect(addressOf(graph, 't1')).toBe('q');
    expect(addressOf(graph, 'rx1')).toBeUndefined();
  });

  it('says why a fault does not fit the selection', () => {
    expect(faultProblem(graph, { fault: 'withhold-credit', target: 'rx1' })).toBeNull();
    expect(faultProblem(graph, { fault: 'withhold-credit', target: 'tx1' })).toBe('Withhold credit: select a receiver first');
    expect(faultProblem(graph, { fault: 'pause-queue', target: 'rx1' })).toBe('Pause queue: "rx1" has no address to act on');
    expect(faultProblem(graph, { fault: 'restart-broker' })).toBeNull();
    expect(faultProblem(graph, { fault: 'drop-connection' })).toMatch(/^Drop connection: select a connection/);
    expect(faultProblem(graph, { fault: 'reject-next', target: 'tx1', count: 0 })).toBe('Reject next N: count must be a whole number of 1 or more');
    expect(faultProblem(graph, { fault: 'reject-next', target: 'tx1', condition: 'nope' })).toMatch(/condition must look like/);
    expect(faultProblem(graph, { fault: 'delay-frames', target: 'x9' })).toBe('Delay frames: no node "x9" in this flow');
  });
});

describe('the --fault grammar', () => {
  it('reads a time, an event count, parameters and a target', () => {
    expect(parseFaultText('drop-connection@2000')).toEqual({ spec: { fault: 'drop-connection' }, when: { atMs: 2000 } });
    expect(parseFaultText('restart-broker@after:TRANSFER_SENT:t1:3')).toEqual({ spec: { fault: 'restart-broker' }, when: { after: { event: 'TRANSFER_SENT', node: 't1', n: 3 } } });
    expect(parseFaultText('reject-next:tx1,count=2,condition=amqp:resource-limit-exceeded@after:SENDER_OPEN:tx1')).toEqual({
      spec: { fault: 'reject-next', target: 'tx1', count: 2, condition: 'amqp:resource-limit-exceeded' },
      when: { after: { event: 'SENDER_OPEN', node: 'tx1', n: 1 } },
    });
    expect(parseFaultText('withhold-credit:rx1,on=false')).toEqual({ spec: { fault: 'withhold-credit', target: 'rx1', on: false }, when: { afterOpen: true } });
  });

  it('refuses what it cannot read, saying why', () => {
    expect(parseFaultText('melt-broker@10')).toMatchObject({ error: expect.stringMatching(/unknown fault "melt-broker"/) });
    expect(parseFaultText('delay-frames:c1,ms=abc')).toMatchObject({ error: expect.stringMatching(/ms needs a number/) });
    expect(parseFaultText('delay-frames:c1,speed=3')).toMatchObject({ error: expect.stringMatching(/unknown parameter "speed"/) });
    expect(parseFaultText('delay-frames@soon')).toMatchObject({ error: expect.stringMatching(/neither a time/) });
  });

  it('writes a spec back in the same grammar', () => {
    for (const text of ['drop-connection@2000', 'restart-broker@after:TRANSFER_SENT:t1:3', 'slow-queue:rx1,perSecond=5', 'delay-frames:c1,ms=300@0']) {
      const parsed = parseFaultText(text);
      if ('error' in parsed) throw new Error(parsed.error);
      expect(formatFaultText(parsed)).toBe(text);
    }
  });
});
