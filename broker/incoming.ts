// A producer: the broker's receiving end of a link whose peer is a sender. Keeps each message's
// exact bytes, enforces the message size and the credit it granted, and is topped up with credit
// only while its queue has room, so a full queue shows as a sender without credit.
import type { Receiver, Session } from 'rhea';

interface TransferFrame { payload?: Buffer; performative: { handle: number; delivery_id?: number; more?: boolean; aborted?: boolean } }
interface IncomingInternals {
  on_transfer(frame: TransferFrame, receiver: Receiver): void;
  next_transfer_id: number;
  next_delivery_id?: number;
}
interface SessionInternals { incoming: IncomingInternals; remote: { handles: Record<number, Receiver | undefined> } }

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

  /** Sees one transfer frame before rhea does; false means drop the frame. */
  onFrame(frame: TransferFrame): boolean {
    if (this.closed) return false;
    const p = frame.performative;
    if (p.aborted) {
      this.parts = [];
      this.size = 0;
      return true;
    }
    if (this.parts.length === 0 && creditOf(this.link) <= 0) {
      this.fail('amqp:link:transfer-limit-exceeded', 'a transfer arrived without link credit; wait for a flow granting credit before sending');
      return false;
    }
    const payload = frame.payload ?? Buffer.alloc(0);
    this.size += payload.length;
    if (this.size > this.limits.maxMessageSize) {
      this.fail('amqp:link:message-size-exceeded', `message of more than ${this.limits.maxMessageSize} bytes (the broker's max-message-size) refused`);
      return false;
    }
    this.parts.push(payload);
    if (!p.more) {
      this.lastPayload = this.parts.length === 1 ? this.parts[0]! : Buffer.concat(this.parts);
      this.parts = [];
      this.size = 0;
    }
    return true;
  }
}

/** Route a session's transfer frames through their producers first (exact bytes and limits). */
export function watchTransfers(session: Session): void {
  const internals = session as unknown as SessionInternals;
  const incoming = internals.incoming;
  const original = incoming.on_transfer.bind(incoming);
  incoming.on_transfer = (frame, receiver) => {
    const producer = Producer.of(receiver);
    if (producer && !producer.onFrame(frame)) {
      // keep the session's numbering right while dropping a refused link's frames
      incoming.next_transfer_id++;
      const id = frame.performative.delivery_id;
      if (id !== undefined && id !== null && incoming.next_delivery_id !== undefined && id >= incoming.next_delivery_id) {
        incoming.next_delivery_id = id + 1;
      }
      return;
    }
    original(frame, receiver);
  };
}
