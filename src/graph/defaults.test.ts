import { describe, expect, it } from 'vitest';
import { DEFAULT_CREDIT_WINDOW, DEFAULT_PROPS, DEFAULT_SUBPROTOCOLS, effectiveProps, KIND_LABEL, PROP_DOCS } from './defaults.ts';
import { propHelp } from './propHelp.ts';
import { NODE_KINDS, type GraphNode } from './types.ts';
import { validateProps } from './validate.ts';

const node = <K extends GraphNode['kind']>(kind: K, props: object) => ({ id: 'n1', kind, position: { x: 0, y: 0 }, props }) as GraphNode<K>;

describe('defaults', () => {
  it('match contracts §1', () => {
    expect(DEFAULT_SUBPROTOCOLS).toEqual(['binary', 'AMQPWSB10', 'amqp']);
    expect(DEFAULT_PROPS.connection).toEqual({ url: '', subprotocols: ['binary', 'AMQPWSB10', 'amqp'], sasl: { mechanism: 'ANONYMOUS' }, reconnect: false });
    expect(DEFAULT_PROPS.receiver).toEqual({ creditWindow: DEFAULT_CREDIT_WINDOW, initialCredit: 0, autoAccept: true, rcvSettleMode: 'first', dynamic: false });
    expect(DEFAULT_PROPS.sender).toEqual({ sndSettleMode: 'mixed', rcvSettleMode: 'first' });
    expect(DEFAULT_PROPS.transfer).toEqual({ body: 'Hello!', count: 1, intervalMs: 0, startAfterMs: 0 });
  });

  it('fills unset fields and keeps the ones a node sets', () => {
    expect(effectiveProps(node('receiver', { address: 'q', creditWindow: 0 }))).toEqual({ address: 'q', creditWindow: 0, initialCredit: 0, autoAccept: true, rcvSettleMode: 'first', dynamic: false });
    expect(effectiveProps(node('transfer', { count: 5, body: undefined }))).toMatchObject({ count: 5, body: 'Hello!' });
  });

  it('merges SASL field by field and never hands out the shared default list', () => {
    const props = effectiveProps(node('connection', { sasl: { username: 'guest' } }));
    expect(props.sasl).toEqual({ mechanism: 'ANONYMOUS', username: 'guest' });
    props.subprotocols.push('mutated');
    expect(DEFAULT_SUBPROTOCOLS).toEqual(['binary', 'AMQPWSB10', 'amqp']);
    expect(effectiveProps(node('connection', { sasl: { mechanism: 'PLAIN', username: 'u', password: 'p' } })).sasl).toEqual({ mechanism: 'PLAIN', username: 'u', password: 'p' });
  });

  it('labels every kind as the palette names it', () => {
    expect(NODE_KINDS.map((k) => KIND_LABEL[k])).toEqual(['Connection', 'Session', 'Sender', 'Receiver', 'Transfer']);
  });

  it('documents every prop of contracts §1 exactly once, with help text, and each documented field validates', () => {
    const fields = Object.fromEntries(NODE_KINDS.map((k) => [k, PROP_DOCS[k].map((d) => d.field)]));
    expect(fields).toEqual({
      connection: ['url', 'subprotocols', 'containerId', 'hostname', 'sasl', 'idleTimeoutMs', 'maxFrameSize', 'channelMax', 'reconnect', 'cbs'],
      session: ['incomingWindow', 'outgoingWindow'],
      sender: ['address', 'sndSettleMode', 'rcvSettleMode'],
      receiver: ['address', 'creditWindow', 'initialCredit', 'autoAccept', 'rcvSettleMode', 'dynamic', 'rejectCondition', 'rejectDescription'],
      transfer: ['body', 'contentType', 'subject', 'messageId', 'correlationId', 'replyTo', 'to', 'applicationProperties', 'applicationPropertyTypes', 'durable', 'ttlMs', 'count', 'intervalMs', 'startAfterMs'],
    });
    for (const kind of NODE_KINDS) {
      for (const doc of PROP_DOCS[kind]) {
        expect(propHelp(kind, doc.field).length, `${kind}.${doc.field}`).toBeGreaterThan(10);
        if (doc.type === 'enum') for (const option of doc.options ?? []) expect(validateProps(kind, { [doc.field]: option })).toEqual([]);
      }
    }
  });

  it('documents the same defaults that effectiveProps applies', () => {
    for (const kind of NODE_KINDS) {
      const applied = effectiveProps(node(kind, {})) as Record<string, unknown>;
      for (const doc of PROP_DOCS[kind]) {
        if (doc.field in applied) expect(doc.default, `${kind}.${doc.field}`).toEqual(applied[doc.field]);
      }
    }
  });
});
