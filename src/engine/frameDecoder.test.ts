import { describe, expect, it } from 'vitest';
import { Buffer } from 'buffer';
import rhea from 'rhea';
import frames from 'rhea/lib/frames.js';
import { decodeUnit, nextUnitSize, summariseBody, summariseMessage } from './frameDecoder.ts';
import { UnitSplitter } from './frameTap.ts';

type Composite = { described(): object };
const F = frames as unknown as Record<string, (fields: Record<string, unknown>) => Composite> & typeof frames;
const amqp = (channel: number, p: Composite, payload?: Buffer) => frames.write_frame({ type: frames.TYPE_AMQP, channel, performative: p.described(), payload });

describe('frame decoder', () => {
  it('decodes the SASL protocol header from its eight known bytes', () => {
    const d = decodeUnit(Buffer.from('414d515003010000', 'hex'));
    expect(d).toEqual({ channel: 0, performative: 'header', fields: { protocol_id: 3, major: 1, minor: 0, revision: 0, layer: 'sasl' } });
  });

  it('decodes a captured open frame byte for byte', () => {
    // open {container_id: "c", hostname: "h"} on channel 0, as rhea writes it
    const bytes = Buffer.from('0000001702000000005310c00a02a10163a10168', 'hex');
    bytes.writeUInt32BE(bytes.length, 0);
    const d = decodeUnit(bytes);
    expect(d).toMatchObject({ channel: 0, type: 0, performative: 'open', fields: { container_id: 'c', hostname: 'h' } });
  });

  it('keeps falsy fields such as handle 0, delivery-id 0 and role false', () => {
    const d = decodeUnit(amqp(3, F.attach!({ name: 'l', handle: 0, role: false, target: { address: 'q1' }, initial_delivery_count: 0 })));
    expect(d.channel).toBe(3);
    expect(d.performative).toBe('attach');
    expect(d.fields).toMatchObject({ name: 'l', handle: 0, role: false, initial_delivery_count: 0, target: { address: 'q1' } });
  });

  it('summarises a transfer payload instead of copying it, and shows the tag as hex', () => {
    const body = 'x'.repeat(500);
    const payload = rhea.message.encode({ body }) as unknown as Buffer;
    const d = decodeUnit(amqp(0, F.transfer!({ handle: 0, delivery_id: 0, delivery_tag: Buffer.from('7'), message_format: 0, settled: false }), payload));
    expect(d.fields).toMatchObject({ handle: 0, delivery_id: 0, delivery_tag: '37', settled: false });
    expect(d.message!.size).toBe(payload.length);
    expect(d.message!.summary.length).toBeLessThanOrEqual(80);
    expect(d.message!.summary.startsWith('xxxx')).toBe(true);
  });

  it('names outcomes and keeps error conditions in dispositions and detaches', () => {
    const disp = decodeUnit(amqp(0, F.disposition!({ role: true, first: 0, last: 2, settled: true, state: (rhea.message as unknown as { rejected(o: object): Composite }).rejected({ error: { condition: 'amqp:decode-error', description: 'bad' } }).described() })));
    expect(disp.fields).toMatchObject({ role: true, first: 0, last: 2, settled: true });
    expect(JSON.stringify(disp.fields.state)).toContain('rejected');
    expect(JSON.stringify(disp.fields.state)).toContain('amqp:decode-error');
    const det = decodeUnit(amqp(0, F.detach!({ handle: 0, closed: true, error: { condition: 'amqp:not-found', description: 'no queue' } })));
    expect(det.fields).toEqual({ handle: 0, closed: true, error: { descriptor: 'error', value: { condition: 'amqp:not-found', description: 'no queue' } } });
  });

  it('decodes SASL frames with their performative names', () => {
    const bytes = frames.write_frame({ type: frames.TYPE_SASL, channel: 0, performative: F.sasl_init!({ mechanism: 'PLAIN', initial_response: Buffer.from('\0u\0p') }).described() });
    expect(decodeUnit(bytes)).toMatchObject({ type: 1, performative: 'sasl-init', fields: { mechanism: 'PLAIN', initial_response: '00750070' } });
  });

  it('reports an empty frame as a heartbeat and junk as undecodable without throwing', () => {
    expect(decodeUnit(Buffer.from('0000000802000000', 'hex')).performative).toBe('heartbeat');
    expect(decodeUnit(Buffer.from('0000000c02990000deadbeef', 'hex')).performative).toBe('undecodable');
  });

  it('reassembles frames split across and packed into WebSocket messages', () => {
    const a = amqp(0, F.begin!({ next_outgoing_id: 0, incoming_window: 2048, outgoing_window: 10 }));
    const b = amqp(1, F.end!({}));
    const stream = Buffer.concat([Buffer.from('414d515000010000', 'hex'), a, b]);
    const split = new UnitSplitter();
    const units = [...split.push(stream.subarray(0, 5)), ...split.push(stream.subarray(5, 20)), ...split.push(stream.subarray(20))];
    expect(units.map((u) => decodeUnit(u).performative)).toEqual(['header', 'begin', 'end']);
    expect(nextUnitSize(stream.subarray(0, 7))).toBe(0);
  });

  it('summarises bodies of every kind in at most 80 characters', () => {
    expect(summariseBody('Hello!')).toBe('Hello!');
    expect(summariseBody({ a: [1, 2] })).toBe('{"a":[1,2]}');
    expect(summariseBody(Buffer.from('abc'))).toBe('(binary, 3 bytes)');
    expect(summariseBody(undefined)).toBe('(no body)');
  });

  it('summarises string bodies read straight from the bytes exactly as the full decoder does', () => {
    const cases: Record<string, unknown>[] = [
      { body: 'hello' },
      { body: '' },
      { body: 'x'.repeat(79) },
      { body: 'x'.repeat(80) },
      { body: 'x'.repeat(81) },
      { body: 'é'.repeat(200) },
      { body: '😀'.repeat(100) },
      { body: 'y'.repeat(5000), message_id: 't1-1', subject: 's', application_properties: { k: 'v', n: 3 }, durable: true, ttl: 1000 },
      { body: 'with annotations', message_annotations: { 'x-opt-a': 'b' }, delivery_annotations: { d: 1 } },
      { body: { json: ['map', 1] } },
      { body: 42 },
      { body: Buffer.from('bytes') },
      { message_id: 'no body' },
    ];
    for (const m of cases) {
      const payload = rhea.message.encode(m as never) as unknown as Buffer;
      const full = summariseBody(rhea.message.decode(payload).body as unknown);
      expect(summariseMessage(payload, false)).toEqual({ summary: full, size: payload.length });
    }
  });
});
