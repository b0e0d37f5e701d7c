import type { Delivery, Message, Sender } from 'rhea';
import { describe, expect, it } from 'vitest';
import { SenderQueue, type Attempt, type AttemptSource } from './senderQueue.ts';
import type { Outcome } from './events.ts';

/**
 * A stand-in for the part of rhea's Sender the queue uses: credit, send() handing out delivery ids, and the
 * session's next unwritten delivery id (here every delivery is written at once).
 */
class LinkStandIn {
  credit = 0;
  delivery_count = 0;
  sent: Message[] = [];
  deliveries: (Delivery & { remote_state: unknown })[] = [];
  private nextId = 0;
  session = { outgoing: { next_pending_delivery: 0 } };
  is_open() {
    return true;
  }
  sendable() {
    return this.credit > 0;
  }
  send(m: Message): Delivery {
    this.sent.push(m);
    this.credit--;
    this.delivery_count++;
    const d = { id: this.nextId++, settled: false, remote_state: undefined as unknown, update: () => (d.settled = true) };
    this.session.outgoing.next_pending_delivery = this.nextId;
    this.deliveries.push(d as unknown as Delivery & { remote_state: unknown });
    return d as unknown as Delivery;
  }
  asSender() {
    return this as unknown as Sender;
  }
}

const outcomeState = (kind: string) => new (class { static composite_type = kind })();

function setup(presettled = false) {
  const link = new LinkStandIn();
  const log: string[] = [];
  const q = new SenderQueue(presettled, {
    sent: (a, id) => log.push(`sent ${a.transfer}#${a.attempt} d${id}`),
    settled: (a, outcome: Outcome) => log.push(`${outcome} ${a.transfer}#${a.attempt}`),
    changed: () => {},
  });
  const attempt = (n: number): Attempt => ({ transfer: 't1', attempt: n, build: () => ({ body: `m${n}` }) });
  return { link, log, q, attempt };
}

describe('the sender queue', () => {
  it('holds attempts until credit comes, then sends exactly as many as the credit allows, in order', () => {
    const { link, log, q, attempt } = setup();
    q.attach(link.asSender());
    for (let i = 1; i <= 4; i++) q.enqueue(attempt(i));
    expect(log).toEqual([]);
    expect(q.queued).toBe(4);
    link.credit = 3;
    q.pump();
    expect(log).toEqual(['sent t1#1 d0', 'sent t1#2 d1', 'sent t1#3 d2']);
    expect(q.queued).toBe(1);
    expect(q.creditState()).toEqual({ credit: 0, deliveryCount: 3, queued: 1 });
  });

  it('settles each sent attempt with the outcome the broker gave', () => {
    const { link, log, q, attempt } = setup();
    q.attach(link.asSender());
    link.credit = 2;
    q.enqueue(attempt(1));
    q.enqueue(attempt(2));
    expect(q.inFlight).toBe(2);
    log.length = 0;
    const [first, second] = link.deliveries;
    first!.remote_state = outcomeState('received');
    q.onDelivery(first!);
    expect(log).toEqual([]); // `received` is not an outcome
    first!.remote_state = outcomeState('accepted');
    q.onDelivery(first!);
    second!.remote_state = outcomeState('released');
    q.onDelivery(second!);
    expect(log).toEqual(['accepted t1#1', 'released t1#2']);
    expect(first!.settled).toBe(true);
    expect(q.inFlight).toBe(0);
  });

  it('ends pre-settled sends as presettled when sent, never accepted', () => {
    const { link, log, q, attempt } = setup(true);
    q.attach(link.asSender());
    link.credit = 5;
    q.enqueue(attempt(1));
    q.enqueue(attempt(2));
    expect(log).toEqual(['sent t1#1 d0', 'presettled t1#1', 'sent t1#2 d1', 'presettled t1#2']);
    expect(q.inFlight).toBe(0);
  });

  it('on close ends sent attempts as lost and waiting ones as unsent; a dropped connection keeps the waiting ones', () => {
    const { link, log, q, attempt } = setup();
    q.attach(link.asSender());
    link.credit = 1;
    for (let i = 1; i <= 3; i++) q.enqueue(attempt(i));
    log.length = 0;
    q.failInFlight('dropped');
    expect(log).toEqual(['lost t1#1']);
    expect(q.queued).toBe(2);
    q.close('stopped', 'gone');
    expect(log).toEqual(['lost t1#1', 'unsent t1#2', 'unsent t1#3']);
    expect(q.queued).toBe(0);
  });

  it('creates attempts from a source only as credit allows', () => {
    const { link, log, q } = setup();
    let created = 0;
    const total = 1_000_000;
    const src: AttemptSource = {
      transfer: 't1',
      remaining: () => total - created,
      next: () => (created < total ? { transfer: 't1', attempt: ++created, build: () => ({ body: 'x' }) } : null),
      created: () => [],
    };
    q.attach(link.asSender());
    q.enqueueSource(src);
    expect(created).toBe(0);
    expect(q.queued).toBe(total);
    link.credit = 2;
    q.pump();
    expect(created).toBe(2);
    expect(log.filter((l) => l.startsWith('sent'))).toHaveLength(2);
    expect(q.queued).toBe(total - 2);
  });
});
