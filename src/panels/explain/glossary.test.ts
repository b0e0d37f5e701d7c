// The glossary covers everything the frame decoder can produce: every performative and field rhea defines
// (read from rhea's own definitions), every delivery state, terminus and error field, every condition.
import { describe, expect, it } from 'vitest';
import frames from 'rhea/lib/frames.js';
import message from 'rhea/lib/message.js';
import terminus from 'rhea/lib/terminus.js';
import types from 'rhea/lib/types.js';
import { CBS_CONDITIONS } from '../../engine/cbs.ts';
import { CONDITIONS as ENGINE_CONDITIONS } from '../../engine/doctor.ts';
import type { FrameRecord } from '../../engine/events.ts';
import { decodeUnit } from '../../engine/frameDecoder.ts';
import { DELIVERY_STATES, ERROR_COMPOSITE, TERMINI } from './composites.ts';
import { CONDITIONS } from './conditions.ts';
import { explainFrame, FRAME_GLOSSARY } from './explainFrame.ts';

type Composite = { constructor: { descriptor?: { numeric: number }; composite_type?: string }; described(): object };
type Factory = (fields?: Record<string, unknown>) => Composite;

// What the decoder reads off a composite: the getters on its prototype, minus rhea's own methods.
const NOT_FIELDS = new Set(['constructor', 'dispatch', 'toJSON', 'described', 'value']);

/** Every composite a rhea module defines, by the name the decoder gives it, with its field names. */
function definedComposites(module: object, only: (c: Composite['constructor']) => boolean = () => true): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const create of Object.values(module)) {
    if (typeof create !== 'function') continue;
    let instance: Composite | undefined;
    try {
      instance = (create as Factory)();
    } catch {
      continue; // a codec function, not a composite factory
    }
    if (!instance?.constructor?.descriptor || !only(instance.constructor)) continue;
    const name = String(instance.constructor).split('#')[0]!.replace(/_/g, '-');
    out.set(name, Object.getOwnPropertyNames(Object.getPrototypeOf(instance)).filter((k) => !NOT_FIELDS.has(k)));
  }
  return out;
}

const SECTION = /^§\d+(\.\d+)+$/;

describe('frame glossary', () => {
  const performatives = definedComposites(frames);

  it('finds all nine AMQP performatives and five SASL frames in rhea', () => {
    expect([...performatives.keys()].sort()).toEqual(
      ['attach', 'begin', 'close', 'detach', 'disposition', 'end', 'flow', 'open', 'sasl-challenge', 'sasl-init', 'sasl-mechanisms', 'sasl-outcome', 'sasl-response', 'transfer'],
    );
  });

  it('has an entry with a spec section for every performative and every one of its fields', () => {
    for (const [name, fields] of performatives) {
      const entry = FRAME_GLOSSARY[name];
      expect(entry, name).toBeDefined();
      expect(entry!.section, name).toMatch(SECTION);
      expect(entry!.does.length, name).toBeGreaterThan(20);
      for (const field of fields) {
        expect(entry!.fields[field]?.meaning, `${name}.${field}`).toBeTruthy();
        expect(entry!.fields[field]?.section ?? entry!.section, `${name}.${field}`).toMatch(SECTION);
      }
    }
  });

  it('explains the protocol header, heartbeats and what the decoder cannot read', () => {
    const header = decodeUnit(Buffer.from('414d515003010000', 'hex'));
    for (const field of Object.keys(header.fields)) expect(FRAME_GLOSSARY.header!.fields[field], field).toBeDefined();
    const heartbeat = decodeUnit(Buffer.from('0000000802000000', 'hex'));
    expect(FRAME_GLOSSARY[heartbeat.performative]).toBeDefined();
    const junk = decodeUnit(Buffer.from('0000000c02000000005399ff', 'hex'));
    for (const field of Object.keys(junk.fields)) expect(FRAME_GLOSSARY[junk.performative]?.fields[field], field).toBeDefined();
  });

  it('has every delivery state, terminus and error field rhea defines', () => {
    // message.js also defines the message sections (header, properties); outcomes carry a composite_type
    const states = definedComposites(message, (c) => c.composite_type !== undefined);
    expect([...states.keys()].sort()).toEqual(['accepted', 'modified', 'received', 'rejected', 'released']);
    for (const [name, fields] of states) {
      expect(DELIVERY_STATES[name]?.section, name).toMatch(/^§3\.4\.[1-5]$/);
      for (const field of fields) expect(DELIVERY_STATES[name]!.fields[field], `${name}.${field}`).toBeDefined();
    }
    const termini = definedComposites(terminus);
    expect([...termini.keys()].sort()).toEqual(['source', 'target']);
    for (const [name, fields] of termini) for (const field of fields) expect(TERMINI[name]!.fields[field], `${name}.${field}`).toBeDefined();
    const error = (types as unknown as { wrap_error: (f: object) => { value: unknown } }).wrap_error({ condition: 'amqp:not-found' });
    expect(error).toBeDefined();
    for (const field of ['condition', 'description', 'info']) expect(ERROR_COMPOSITE.fields[field], field).toBeDefined();
  });

  it('has every spec condition of §2.8.15 to §2.8.18 and every condition the engine raises', () => {
    const spec = [
      ...['internal-error', 'not-found', 'unauthorized-access', 'decode-error', 'resource-limit-exceeded', 'not-allowed', 'invalid-field', 'not-implemented', 'resource-locked', 'precondition-failed', 'resource-deleted', 'illegal-state', 'frame-size-too-small'].map((c) => `amqp:${c}`),
      ...['forced', 'framing-error', 'redirect'].map((c) => `amqp:connection:${c}`),
      ...['window-violation', 'errant-link', 'handle-in-use', 'unattached-handle'].map((c) => `amqp:session:${c}`),
      ...['detach-forced', 'transfer-limit-exceeded', 'message-size-exceeded', 'redirect', 'stolen'].map((c) => `amqp:link:${c}`),
    ];
    for (const c of [...spec, ...Object.values(ENGINE_CONDITIONS), ...Object.values(CBS_CONDITIONS)]) {
      expect(CONDITIONS[c], c).toBeDefined();
      expect(CONDITIONS[c]!.section, c).toMatch(c.startsWith('amqp-flow:') ? /^AMQP Flow$/ : /^§2\.8\.1[5-8]$/);
    }
  });
});

describe('explainFrame', () => {
  const F = frames as unknown as Record<string, Factory>;
  const M = message as unknown as Record<string, Factory>;
  const frameOf = (dir: 'in' | 'out', p: Composite): FrameRecord => ({
    at: 1, connection: 'c1', dir, ...decodeUnit(frames.write_frame({ type: frames.TYPE_AMQP, channel: 0, performative: p.described() })),
  });

  it('reads a receiver’s flow as the credit it grants', () => {
    const f = frameOf('out', F.flow!({ incoming_window: 2048, next_outgoing_id: 0, outgoing_window: 10, handle: 1, delivery_count: 0, link_credit: 10 }));
    const x = explainFrame(f, 'rx1', 'receiver');
    expect(x.section).toBe('§2.7.4');
    expect(x.fields.find((field) => field.name === 'link-credit')).toMatchObject({ value: '10', section: '§2.6.7', reading: 'rx1 may now receive 10 more messages' });
    expect(x.who).toBe('Sent by receiver rx1 (connection c1) to the broker on channel 0.');
  });

  it('reads a rejected disposition with its condition, and a detach with its error', () => {
    const rejected = M.rejected!({ error: { condition: 'amqp:precondition-failed', description: 'no to' } });
    const d = explainFrame(frameOf('in', F.disposition!({ role: true, first: 0, last: 0, settled: true, state: rejected.described() })), 's1', 'session');
    const state = d.parts.find((p) => p.field === 'state');
    expect(state).toMatchObject({ title: 'rejected', section: '§3.4.3', condition: { condition: 'amqp:precondition-failed', description: 'no to', section: '§2.8.15' } });
    const detach = explainFrame(frameOf('in', F.detach!({ handle: 0, closed: true, error: { condition: 'amqp:link:message-size-exceeded', description: 'too big' } })), 'tx1', 'sender');
    expect(detach.parts[0]).toMatchObject({ field: 'error', title: 'error', condition: { condition: 'amqp:link:message-size-exceeded', section: '§2.8.18' } });
  });

  it('names the source and target termini of an attach, and never shows SASL credentials', () => {
    const source = (terminus as unknown as Record<string, Factory>).source!({ address: 'examples' });
    const a = explainFrame(frameOf('out', F.attach!({ name: 'l1', handle: 0, role: true, source: source.described(), target: {} })), 'rx1', 'receiver');
    expect(a.parts.find((p) => p.field === 'source')).toMatchObject({ section: '§3.5.3', fields: [{ name: 'address', value: 'examples' }] });
    expect(a.fields.find((f) => f.name === 'role')?.reading).toBe('rx1 is the receiver end');
    const init = decodeUnit(frames.write_frame({ type: frames.TYPE_SASL, channel: 0, performative: F.sasl_init!({ mechanism: 'PLAIN', initial_response: Buffer.from('\0u\0secret') }).described() }));
    const s = explainFrame({ at: 0, connection: 'c1', dir: 'out', ...init }, 'c1', 'connection');
    expect(s.section).toBe('§5.3.3.2');
    expect(JSON.stringify(s)).not.toContain(Buffer.from('secret').toString('hex'));
  });
});
