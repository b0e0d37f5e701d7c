// A producer: the broker's receiving end of a link whose peer is a sender. Keeps each message's
// exact bytes, enforces the message size and the credit it granted, and is topped up with credit
// only while its queue has room, so a full queue shows as a sender without credit.
import type { Delivery, Receiver, Session } from 'rhea';
import { needsRhea, receiveWhole, type IncomingSession } from './incomingDelivery.ts';

interface TransferFrame { payload?: Buffer; performative: { handle: number; delivery_id?: number; more?: boolean; aborted?: boolean; message_format?: number | null } }
interface IncomingInternals extends IncomingSession {
  on_transfer(frame: TransferFrame, receiver: Receiver): void;
}
interface SessionInternals { incoming: IncomingInternals; remote: { handles: Record<number, Receiver | undefined> } }
interface ReceiverInternals { _incomplete?: { settled: boolean }; credit: number; delivery_count: number }

export interface ProducerLimits {
  maxMessageSize: number;
}

/** A link's current credit (rhea keeps it on the link; its typings leave it out). */
export const creditOf = (link: object): number => (link as { credit?: number }).credit ?? 0;

const producers = new WeakMap<Receiver, Producer>();

export class Producer {
  readonly link: Receiver;
  /** queue address, or null for an anonymous-relay link that routes each message by its `to` */
  readonly address: string | null;
  closed = false;
  /** the whole message being received on this link, frame by frame */
  private parts: Buffer[] = [];
  private size = 0;
  /** bytes of the message that just completed, read by the `message` handler */
  lastPayload: Buffer | null = null;
  private readonly limits: ProducerLimits;

  constructor(link: Receiver, address: string | null, limits: ProducerLimits) {
    this.link = link;
    this.address = address;
    this.limits = limits;
    producers.set(link, this);
  }

  static of(link: Receiver): Producer | undefined {
    return producers.get(link);
  }

  /** Close the link with an AMQP error; later frames of it are dropped. */
  fail(condition: string, description: string): void {
    if (this.closed) return;
    this.closed = true;
    this.parts = [];
    this.link.close({ condition, description });
  }

  /** Sees one transfer frame before rhea does: pass it on, drop it, or abort the delivery in progress. */
  onFrame(frame: TransferFrame): 'pass' | 'drop' | 'abort' {
    if (this.closed) return 'drop';
    const p = frame.performative;
    if (p.aborted) {
      // §2.7.5: the sender abandoned this delivery; discard what arrived of it, the link goes on
      this.parts = [];
      this.size = 0;
      return 'abort';
    }
    if (this.parts.length === 0 && creditOf(this.link) <= 0) {
      this.fail('amqp:link:transfer-limit-exceeded', 'a transfer arrived without link credit; wait for a flow granting credit before sending');
      return 'drop';
    }
    const payload = frame.payload ?? Buffer.alloc(0);
    this.size += payload.length;
    if (this.size > this.limits.maxMessageSize) {
      this.fail('amqp:link:message-size-exceeded', `message of more than ${this.limits.maxMessageSize} bytes (the broker's max-message-size) refused`);
      return 'drop';
    }
    this.parts.push(payload);
    if (!p.more) {
      this.lastPayload = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
      this.parts = [];
      this.size = 0;
    }
    return 'pass';
  }
}

/**
 * Route a session's transfer frames through their producers first (exact bytes and limits); a
 * producer's message that came whole in one frame goes to `receive` directly (incomingDelivery.ts),
 * the rest through rhea (whose `message` event the broker also handles).
 */
export function watchTransfers(session: Session, receive: (p: Producer, d: Delivery) => void): void {
  const internals = session as unknown as SessionInternals;
  const incoming = internals.incoming;
  const original = incoming.on_transfer.bind(incoming);
  incoming.on_transfer = (frame, receiver) => {
    const producer = Producer.of(receiver);
    const verdict = producer ? producer.onFrame(frame) : 'pass';
    if (verdict === 'pass') {
      if (producer && !needsRhea(frame, receiver)) return receiveWhole(incoming, frame, receiver, (d) => receive(producer, d));
      // rhea decodes every complete message of format 0 for its `message` event; the broker keeps
      // the bytes (Producer.lastPayload) and decodes only what it routes by, so rhea is told the
      // format is unknown and hands over the bytes undecoded
      if (producer) frame.performative.message_format = null;
      return original(frame, receiver);
    }
    // keep the session's numbering right while dropping the frame
    incoming.next_transfer_id++;
    const id = frame.performative.delivery_id;
    if (id !== undefined && id !== null && (incoming.next_delivery_id === undefined || id >= incoming.next_delivery_id)) {
      incoming.next_delivery_id = id + 1;
    }
    if (verdict === 'abort') {
      // forget rhea's half-received delivery (an aborted delivery is settled) and count it
      // against credit as the sender does
      const r = receiver as unknown as ReceiverInternals;
      if (r._incomplete) r._incomplete.settled = true;
      r._incomplete = undefined;
      if (r.credit > 0) r.credit--;
      r.delivery_count++;
    }
  };
}
