import { describe, expect, it } from 'vitest';
import { parseQueues } from './BrokerView.tsx';
import { eventDetails } from './EventLog.tsx';

describe('panel text', () => {
  it('reads the broker queue list as rows and skips entries without a name', () => {
    const rows = parseQueues([
      { address: 'starved', depth: 7, consumers: 1, enqueued: 10, dequeued: 3, deadLettered: 0, dynamic: false },
      { depth: 1 },
    ]);
    expect(rows).toEqual([{ name: 'starved', depth: 7, consumers: 1, enqueued: 10, dequeued: 3 }]);
    expect(parseQueues({ queues: [{ name: 'q', messages: 2, consumers: [{}, {}] }] })[0]).toMatchObject({ name: 'q', depth: 2, consumers: 2 });
    expect(parseQueues('not json we know')).toEqual([]);
  });

  it('shows an event as its own fields in one line, with the broker condition and words last', () => {
    expect(eventDetails({ at: 1, node: 'tx1', event: 'CREDIT', credit: 0, deliveryCount: 3, queued: 7 })).toBe('credit=0 deliveryCount=3 queued=7');
    expect(eventDetails({
      at: 2, node: 'rx1', event: 'RECEIVER_ERROR', address: 'nope',
      errorDetail: { condition: 'amqp:not-found', description: 'no such queue', hint: 'Check the address.' },
    })).toBe('address=nope amqp:not-found: no such queue');
  });
});
