// AMQP 1.0 conformance of the embedded broker, checked with a client nobody here wrote: Qpid
// Proton's Python client. Each case starts its own broker on free ports and runs one Python case
// (test/conformance/cases_*.py) against its plain TCP port.
import { existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { onEmbedded, PYTHON } from './proton.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

describe('the embedded broker with Qpid Proton (Python)', () => {
  it('has Python with Qpid Proton (python3-qpid-proton)', () => {
    expect(existsSync(PYTHON)).toBe(true);
  });

  it('round-trips every body kind byte for byte: amqp-value (string, map, list, numbers, binary, null), data, two data sections, amqp-sequence', async () => {
    const r = await onEmbedded<Json>('body_round_trips');
    expect(Object.keys(r)).toHaveLength(9);
    for (const [kind, result] of Object.entries(r)) {
      expect({ kind, ...result }).toMatchObject({ kind, outcome: 'accepted', same_bytes: true });
    }
    expect(r['two data sections'].sections).toEqual(['0x75', '0x75']);
    expect(r['amqp-sequence'].sections).toContain('0x76');
  });

  it('round-trips every property, header field, annotation and application property type', async () => {
    const r = await onEmbedded<Json>('properties_round_trip');
    expect(r.differ).toEqual({});
    expect(Object.values(r.same).every(Boolean)).toBe(true);
    expect(r.ids['binary correlation id']).toBe(true);
    expect(r.ids['ulong id']).toEqual(['int', 42]); // Proton hands a ulong message-id back as a Python int
    expect(r.delivery_annotations).toEqual({ 'x-opt-delivery-note': 'da' });
    expect(r.ids['property types']).toMatchObject({ int: 'int32', long: 'int', ubyte: 'ubyte', timestamp: 'timestamp', symbol: 'symbol', uuid: 'UUID', binary: 'bytes' });
  });

  it('never sends beyond credit and sends the rest when credit comes', async () => {
    const r = await onEmbedded<Json>('credit_is_exact');
    expect(r).toEqual({ first: ['m0', 'm1', 'm2'], quiet_after_credit_used: true, credit_left: 0, rest: ['m3', 'm4'] });
  });

  it('answers drain: sends what is queued and gives back the rest of the credit, also with nothing queued', async () => {
    const r = await onEmbedded<Json>('drain');
    expect(r).toEqual({ received: ['m0', 'm1'], credit_after: 0, credit_after_empty_drain: 0 });
  });

  it('shares a queue between competing consumers, each message to exactly one', async () => {
    const r = await onEmbedded<Json>('competing_consumers');
    expect(r.total).toBe(20);
    expect(r.distinct).toBe(20);
    expect(r.a).toBeGreaterThan(0);
    expect(r.b).toBeGreaterThan(0);
  });

  it('carries a 300 KB message in many frames both ways, unchanged', async () => {
    const r = await onEmbedded<Json>('large_message');
    expect(r).toMatchObject({ outcome: 'accepted', same_bytes: true, frame_size: 65536 });
    expect(r.size).toBeGreaterThan(4 * r.frame_size);
  });

  it('gives a dynamic receiver a generated address that works as a queue', async () => {
    const r = await onEmbedded<Json>('dynamic_receiver');
    expect(r).toMatchObject({ outcome: 'accepted', body: 'to a temporary queue' });
    expect(r.address).toMatch(/^amq\.dynamic\./);
  });

  it('applies the four outcomes: accepted removes, rejected dead-letters with the reason, released and modified come back', async () => {
    const r = await onEmbedded<Json>('four_outcomes');
    expect(new Map(r.redelivered)).toEqual(new Map([['release me', 0], ['modify me', 1]]));
    expect(r.nothing_more).toBe(true);
    expect(r.dead_letters).toEqual([{
      body: 'reject me',
      annotations: { 'x-opt-deadletter-queue': expect.stringMatching(/^outcomes-/), 'x-opt-deadletter-reason': 'amqp:precondition-failed', 'x-opt-deadletter-description': 'bad order' },
    }]);
  });

  it('row 1: discards an aborted multi-frame delivery and keeps the link and connection going', async () => {
    const r = await onEmbedded<Json>('aborted_transfer');
    expect(r).toEqual({ after_outcome: 'accepted', received: ['after the abort'], nothing_more: true, connection_open: true });
  });

  it('row 2: never redelivers a modified undeliverable-here message to that link, even as the only consumer', async () => {
    const r = await onEmbedded<Json>('undeliverable_here');
    expect(r).toEqual({ kept_away_from_link: true, other_link_got: 'not for this link', delivery_count: 0 });
  });

  it('row 2: dead-letters a message after max-delivery-count failed deliveries, saying why', async () => {
    const r = await onEmbedded<Json>('max_delivery_count', { maxDeliveryCount: 4 });
    expect(r.delivery_counts).toEqual([0, 1, 2, 3]);
    expect(r.dead_letters).toEqual([{
      body: 'poison',
      annotations: {
        'x-opt-deadletter-queue': expect.stringMatching(/^poison-/),
        'x-opt-deadletter-reason': 'amqp-flow:max-delivery-count',
        'x-opt-deadletter-description': expect.stringContaining('4 deliveries'),
      },
    }]);
  });

  it('row 4: refuses a transaction coordinator link with amqp:not-implemented', async () => {
    const r = await onEmbedded<Json>('transaction_coordinator');
    expect(r.declared).toBe(false);
    expect(r.link_error).toEqual({ condition: 'amqp:not-implemented', description: expect.stringMatching(/transactions are not supported/i) });
    expect(r.connection_open).toBe(true);
  });

  it('row 5: merges modified message-annotations into the message before redelivery', async () => {
    const r = await onEmbedded<Json>('modified_annotations');
    expect(r.annotations).toEqual({ 'x-opt-note': 'replaced', 'x-opt-keep': 'kept', 'x-opt-retry-reason': 'busy', 'x-opt-n': 3 });
    expect(r.delivery_count).toBe(1);
  });

  it('row 6: never sends a message larger than the receiver’s max-message-size; dead-letters it with amqp:link:message-size-exceeded', async () => {
    const r = await onEmbedded<Json>('receiver_max_message_size');
    expect(r).toMatchObject({ outcomes: ['accepted', 'accepted'], received: ['small'], nothing_more: true, receiver_open: true });
    expect(r.sizes[0]).toBeLessThanOrEqual(1000);
    expect(r.dead_letter.size).toBeGreaterThan(5000);
    expect(r.dead_letter.annotations).toMatchObject({ 'x-opt-deadletter-reason': 'amqp:link:message-size-exceeded' });
  });

  it('row 10: announces an idle timeout, closes a frozen client and gives its unsettled message to another consumer', async () => {
    const r = await onEmbedded<Json>('frozen_client', { idleTimeoutMs: 500 }, { freeze: 3 });
    expect(r.announced_idle_timeout).toBe(0.5); // Proton reports seconds
    expect(r).toMatchObject({ held: 'held by a frozen client', redelivered: 'held by a frozen client', delivery_count: 1 });
    expect(JSON.stringify(r.frozen_side)).toContain('amqp:resource-limit-exceeded');
  });

  it('row 11: a deleted temporary address is amqp:not-found for senders and receivers', async () => {
    const r = await onEmbedded<Json>('deleted_temporary_address');
    expect(r).toMatchObject({ sender: 'amqp:not-found', receiver: 'amqp:not-found' });
  });

  it('row 11: a sender’s dynamic target is a temporary queue deleted with that sender', async () => {
    const r = await onEmbedded<Json>('dynamic_target_lifetime');
    expect(r).toMatchObject({ outcome: 'accepted', body: 'kept while the sender lives', receiver_closed_with: 'amqp:resource-deleted', sender_after: 'amqp:not-found' });
  });

  it('row 12: first-acquirer is false after a release and redelivery', async () => {
    const r = await onEmbedded<Json>('first_acquirer');
    expect(r).toEqual({ first: true, second: false, second_delivery_count: 0 });
  });

  it('row 13: the $cbs reply’s status-code is an int', async () => {
    const r = await onEmbedded<Json>('cbs_status_code');
    expect(r).toEqual({ status_code: 202, status_code_type: 'int32', description: 'Accepted', correlation_id: 'req-1' });
  });
});
