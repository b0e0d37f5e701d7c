// A whole incoming message in one transfer frame, received without rhea's general path. rhea 3.0.5
// builds each incoming delivery with five closures of its own and announces it with a `message`
// event that bubbles from the link to the container with a fresh context object; for the frame
// the broker receives once per message, that was a large share of its work and of its garbage.
// Here the delivery is a class instance (its methods shared) and goes straight to the broker.
// Everything else (several frames, aborts, links with their own observers) still goes to rhea.
// Patches rhea 3.0.5's internals (see README.md).
import rhea from 'rhea';
import type { Delivery, Receiver } from 'rhea';

interface ReceiverLink {
  is_remote_open(): boolean;
  local: { attach: { rcv_settle_mode?: number } };
  observers: { listenerCount(event: string): number };
  _incomplete?: unknown;
  credit: number;
  delivery_count: number;
}
export interface IncomingSession {
  next_transfer_id: number;
  next_delivery_id?: number;
  deliveries: { push(d: object): void };
  update(d: object, settled: boolean, state: unknown): void;
}
export interface WholeTransfer {
  payload?: Buffer;
  performative: { delivery_id?: number; delivery_tag?: Buffer; message_format?: number | null; settled?: boolean; state?: unknown; more?: boolean };
}

type Outcomes = {
  accepted(): { described(): unknown };
  released(): { described(): unknown };
  rejected(fields: object): { described(): unknown };
  modified(fields?: object): { described(): unknown };
};
const outcomes = rhea.message as unknown as Outcomes;

/** The fields and methods rhea's own incoming delivery has, so rhea's session code treats it alike. */
class IncomingDelivery {
  settled = false;
  state: unknown = undefined;
  incomplete = false;
  constructor(
    private readonly incoming: IncomingSession,
    readonly id: number,
    readonly tag: Buffer | undefined,
    readonly format: number | null | undefined,
    readonly link: ReceiverLink,
    public remote_settled: boolean,
    public remote_state: unknown,
  ) {}

  update(settled?: boolean, state?: unknown): void {
    this.incoming.update(this, settled ?? this.link.local.attach.rcv_settle_mode !== 1, state);
  }

  accept(): void {
    this.update(undefined, outcomes.accepted().described());
  }

  release(params?: object): void {
    this.update(undefined, params ? outcomes.modified(params).described() : outcomes.released().described());
  }

  reject(error: object): void {
    this.update(undefined, outcomes.rejected({ error }).described());
  }

  modified(params?: object): void {
    this.update(undefined, outcomes.modified(params).described());
  }
}

/** Whether rhea's general path must take this frame (more to come, or something listens). */
export function needsRhea(frame: WholeTransfer, receiver: Receiver): boolean {
  const link = receiver as unknown as ReceiverLink;
  return Boolean(frame.performative.more) || link._incomplete !== undefined || link.observers.listenerCount('message') > 0;
}

/**
 * What rhea's Incoming.on_transfer does for a complete single-frame delivery (the same checks, the
 * same numbering, credit and delivery-count), handing the delivery to `receive` instead of an event.
 */
export function receiveWhole(incoming: IncomingSession, frame: WholeTransfer, receiver: Receiver, receive: (d: Delivery) => void): void {
  const link = receiver as unknown as ReceiverLink;
  const p = frame.performative;
  incoming.next_transfer_id++;
  if (!link.is_remote_open()) throw Error('transfer after detach');
  if (incoming.next_delivery_id === undefined) incoming.next_delivery_id = p.delivery_id;
  if (incoming.next_delivery_id !== p.delivery_id) throw Error(`frame sequence error: expected ${incoming.next_delivery_id}, got ${p.delivery_id}`);
  const d = new IncomingDelivery(incoming, p.delivery_id!, p.delivery_tag, p.message_format, link, p.settled ?? false, p.state);
  incoming.deliveries.push(d);
  incoming.next_delivery_id = (incoming.next_delivery_id as number) + 1;
  if (link.credit > 0) link.credit--;
  link.delivery_count++;
  receive(d as unknown as Delivery);
}
