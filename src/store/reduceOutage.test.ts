import { describe, expect, it } from 'vitest';
import { reduceRun, startRunState } from './reduceRun.ts';
import { SummaryCounter } from '../engine/summary.ts';
import { TEMPLATES } from '../graph/templates.ts';
import type { EngineEvent } from '../engine/events.ts';

const graph = TEMPLATES.find((t) => t.id === 'send-receive')!.graph();
const url = 'ws://127.0.0.1:1/amqp';
const reopened: EngineEvent = { at: 20, node: 'c1', event: 'CONNECTION_OPEN', url, containerId: 'x', recovered: true };
const opens: EngineEvent[] = [
  { at: 1, node: 'c1', event: 'CONNECTION_OPEN', url, containerId: 'x' },
  { at: 2, node: 's1', event: 'SESSION_OPEN' },
  { at: 3, node: 'tx1', event: 'SENDER_OPEN', address: 'examples' },
  { at: 3, node: 'rx1', event: 'RECEIVER_OPEN', address: 'examples' },
];
const outage: EngineEvent = { at: 10, node: 'c1', event: 'CONNECTION_ERROR', url, reconnecting: true, errorDetail: { condition: 'amqp:connection:forced', description: 'the broker is restarting', hint: 'Reconnecting…' } };

describe('an outage the engine reconnects from', () => {
  it('shows the connection and everything under it opening again, with the cause, not failed', () => {
    const s = reduceRun(startRunState(graph), [...opens, outage]);
    expect(s.nodes.c1).toMatchObject({ state: 'opening', errorDetail: { condition: 'amqp:connection:forced' } });
    for (const id of ['s1', 'tx1', 'rx1', 't1']) expect(s.nodes[id]?.state).toBe('opening');
    const back = reduceRun(s, [reopened, ...opens.slice(1).map((e) => ({ ...e, at: 21 }))]);
    expect(back.nodes.c1?.state).toBe('open');
    expect(back.nodes.c1?.errorDetail).toBeUndefined();
    expect(back.nodes.rx1?.state).toBe('open');
  });

  it('is not counted as an error once the connection recovers, and is while it has not', () => {
    const c = new SummaryCounter();
    for (const e of [...opens, outage]) c.add(e);
    expect(c.value().errors).toBe(1);
    c.add(reopened);
    expect(c.value().errors).toBe(0);
    c.add({ ...outage, at: 30 });
    c.add({ at: 40, node: 'c1', event: 'CONNECTION_ERROR', url, errorDetail: { condition: 'amqp-flow:connection-refused', description: 'gave up' } });
    expect(c.value().errors).toBe(2);
  });
});
