// The same Qpid Proton cases against the interop brokers, where their URLs are exported
// (`eval "$(bash scripts/brokers/start-all.sh)"`, as `npm test` does): RabbitMQ 3.10 with its
// AMQP 1.0 plugin and Qpid Proton's example broker, over plain TCP. Each broker's entry asserts
// what it really does (observed, and written up in docs/brokers.md); a case a broker does not
// support is skipped with the reason, because waiting for what never comes would only time out.
import { describe, expect, it } from 'vitest';
import { runCase, type CaseOptions } from './proton.ts';

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
type Check = ((r: Json) => void) | { skip: string };

const sameBytes = (r: Json, kinds: string[]) => {
  for (const kind of kinds) expect({ kind, ...r[kind] }).toMatchObject({ kind, outcome: 'accepted', same_bytes: true });
};
const aborted = (v: Json) => expect(v.error).toMatch(/amqp:connection:framing-error.*connection aborted/);

const common: Record<string, Check> = {
  credit_is_exact: (r) => expect(r).toEqual({ first: ['m0', 'm1', 'm2'], quiet_after_credit_used: true, credit_left: 0, rest: ['m3', 'm4'] }),
  large_message: (r) => expect(r).toMatchObject({ outcome: 'accepted', same_bytes: true }),
  drain: { skip: 'never completes a drain: the receiver stays draining with its credit' },
  cbs_status_code: { skip: 'has no $cbs node: the put-token request is never answered' },
  // §2.7.3 says a sender must not send a message bigger than the receiver's max-message-size
  receiver_max_message_size: (r) => {
    expect(r.outcomes).toEqual(['accepted', 'accepted']);
    expect(r.received[0]).toEqual({ binary: '78'.repeat(5000) }); // the 5,000-byte message, sent anyway
  },
};

const EXTERNAL: { name: string; env: string; options: CaseOptions; cases: Record<string, Check> }[] = [
  {
    name: 'RabbitMQ 3.10 (rabbitmq_amqp1_0)',
    env: 'AMQPFLOW_RABBITMQ_TCP_URL',
    options: { prefix: '/queue/' },
    cases: {
      ...common,
      body_round_trips: (r) => {
        sameBytes(r, ['amqp-value string', 'data section', 'amqp-value map', 'amqp-value binary', 'amqp-sequence']);
        aborted(r['amqp-value list']); // a list or a list of numbers as the body ends the connection
        aborted(r['amqp-value numbers']);
        expect(r['two data sections']).toMatchObject({ outcome: 'accepted', sections: ['0x70', '0x73', '0x75', '0x75'] }); // header and properties added
        expect(r['amqp-value null'].sections).toEqual(['0x70', '0x73', '0x75']); // a null amqp-value comes back as a data section
      },
      properties_round_trip: (r) => {
        expect(r.differ).toEqual({});
        aborted(r.delivery_annotations); // delivery-annotations end the connection
      },
      competing_consumers: (r) => expect(r).toEqual({ a: 10, b: 10, distinct: 20, total: 20 }),
      first_acquirer: (r) => expect(r).toEqual({ first: true, second: false, second_delivery_count: 0 }),
      undeliverable_here: (r) => expect(r).toEqual({ kept_away_from_link: true, other_link_got: 'not for this link', delivery_count: 0 }),
      // modified(delivery-failed) ends the session (3.10), so the message never comes back to it
      max_delivery_count: (r) => expect(r.delivery_counts).toEqual([0]),
      four_outcomes: { skip: 'modified ends the session, so released and modified messages are not received back on it' },
      modified_annotations: { skip: 'modified ends the session' },
      dynamic_receiver: { skip: 'no dynamic nodes: the attach is never answered' },
      deleted_temporary_address: { skip: 'no dynamic nodes' },
      dynamic_target_lifetime: { skip: 'no dynamic nodes' },
      aborted_transfer: { skip: 'the message sent after an aborted delivery is never settled' },
      transaction_coordinator: { skip: 'the coordinator attach is never answered' },
    },
  },
  {
    name: 'the Qpid Proton example broker',
    env: 'AMQPFLOW_PROTON_TCP_URL',
    options: {},
    cases: {
      ...common,
      body_round_trips: (r) => {
        sameBytes(r, ['amqp-value string', 'data section', 'amqp-value map', 'amqp-value list', 'amqp-value numbers', 'amqp-value binary', 'amqp-sequence', 'amqp-value null']);
        expect(r['two data sections'].sections).toEqual(['0x70', '0x73', '0x75']); // the second data section is lost
      },
      properties_round_trip: (r) => {
        expect(r.differ).toEqual({});
        expect(r.delivery_annotations).toEqual({ 'x-opt-delivery-note': 'da' });
      },
      competing_consumers: (r) => expect(r).toMatchObject({ distinct: 20, total: 20 }), // not round-robin: one consumer may get all
      dynamic_receiver: (r) => expect(r).toMatchObject({ outcome: 'accepted', body: 'to a temporary queue' }),
      aborted_transfer: (r) => expect(r).toEqual({ after_outcome: 'accepted', received: ['after the abort'], nothing_more: true, connection_open: true }),
      // the coordinator link is attached; the declare is refused, not the link
      transaction_coordinator: (r) => expect(r).toEqual({ declared: false, declare_failed: true, link_error: null, connection_open: true }),
      // a deleted dynamic address is simply re-created as an ordinary queue
      deleted_temporary_address: (r) => expect(r).toMatchObject({ sender: null, receiver: null }),
      max_delivery_count: (r) => expect(r.delivery_counts).toEqual([0]), // nothing is redelivered
      four_outcomes: { skip: 'released and modified messages are not redelivered' },
      first_acquirer: { skip: 'a released message is not redelivered' },
      undeliverable_here: { skip: 'a modified message is not redelivered' },
      modified_annotations: { skip: 'a modified message is not redelivered' },
      dynamic_target_lifetime: { skip: 'a dynamic target’s node is not deleted with its sender' },
    },
  },
];

for (const broker of EXTERNAL) {
  const url = process.env[broker.env];
  describe.skipIf(!url)(`${broker.name} with Qpid Proton (Python)`, () => {
    for (const [name, check] of Object.entries(broker.cases)) {
      if ('skip' in check) {
        it.skip(`${name}: ${check.skip}`, () => undefined);
        continue;
      }
      it(name, async () => check(await runCase<Json>(name, url!, broker.options)));
    }
  });
}
