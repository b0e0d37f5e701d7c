// The engine's one typed event union (contracts §2), shared by the page, the Node API and the CLI.
import type { FaultName, FaultSpec } from '../graph/faultSpec.ts';

export interface ErrorDetail {
  condition: string;
  description: string;
  hint?: string;
}

/** Every way a send attempt ends, in the order views list them. */
export const OUTCOMES = ['accepted', 'rejected', 'released', 'modified', 'lost', 'unsent'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** How many attempts ended each way (the CLI summary and each transfer node's live counts). */
export type OutcomeCounts = Record<Outcome, number>;
export type ReceiverOutcome = 'accepted' | 'rejected' | 'released' | 'modified';

interface Base {
  /** ms since run start */
  at: number;
  /** graph node id */
  node: string;
  errorDetail?: ErrorDetail;
}

export type EngineEvent =
  /** `recovered`: the connection is open again after an outage it was reconnecting from */
  | (Base & { event: 'CONNECTION_OPEN'; url: string; containerId: string; recovered?: boolean })
  | (Base & { event: 'CONNECTION_CLOSED'; url: string })
  /** `reconnecting`: an outage of a connection with reconnect on, not (yet) a failure; it tries again */
  | (Base & { event: 'CONNECTION_ERROR'; url: string; reconnecting?: boolean })
  | (Base & { event: 'SESSION_OPEN' | 'SESSION_CLOSED' | 'SESSION_ERROR' })
  | (Base & { event: 'SENDER_OPEN' | 'SENDER_CLOSED' | 'SENDER_ERROR'; address: string })
  | (Base & { event: 'RECEIVER_OPEN' | 'RECEIVER_CLOSED' | 'RECEIVER_ERROR'; address: string })
  | (Base & { event: 'CREDIT'; credit: number; deliveryCount: number; queued: number })
  | (Base & { event: 'TRANSFER_QUEUED'; attempt: number })
  | (Base & { event: 'TRANSFER_SENT'; attempt: number; deliveryId: number })
  | (Base & { event: 'TRANSFER_SETTLED'; attempt: number; outcome: Outcome; note?: string })
  | (Base & {
      event: 'MESSAGE_RECEIVED';
      deliveryId: number;
      body: unknown;
      properties: Record<string, unknown>;
      applicationProperties: Record<string, unknown>;
      /** this receiver already had a message with this message-id (at-least-once delivery) */
      duplicate?: boolean;
    })
  /** `note`: why, when the receiver did not choose it (returned to the broker when the connection dropped) */
  | (Base & { event: 'MESSAGE_SETTLED'; deliveryId: number; outcome: ReceiverOutcome; note?: string })
  /** The broker's answer to a CBS put-token on a connection node (status-code and status-description). */
  | (Base & { event: 'CBS_TOKEN'; status: number; description: string; renewal: boolean })
  /**
   * A fault injected on purpose (Faults menu, CLI `--fault`, a scene): `node` is the node it acts on,
   * `target` what it hit in AMQP terms (a container-id, a queue address, a link, a connection),
   * `description` what it does in plain words; the fault's parameters follow (count, ms, …). A frame
   * fault reports a second FAULT naming the `frame` it dropped or duplicated when that happens.
   */
  | (Base & { event: 'FAULT'; fault: FaultName; target: string; description: string; frame?: string } & FaultParameters);

/** A FAULT event's parameters (the fault spec without its name and target node). */
export type FaultParameters = Omit<FaultSpec, 'fault' | 'target'>;

export type EngineEventName = EngineEvent['event'];

/** One decoded frame of the wire trace (a separate stream from engine events). */
export interface FrameRecord {
  at: number;
  /** graph node id of the connection */
  connection: string;
  dir: 'in' | 'out';
  channel: number;
  /** `open`, `begin`, …, `sasl-init`, `header` for protocol headers, `heartbeat` for empty frames */
  performative: string;
  fields: Record<string, unknown>;
  /** transfer frames: a short summary of the message, never the whole payload */
  message?: { summary: string; size: number };
}
