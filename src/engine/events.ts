// The engine's whole event contract (contracts §2): every event's name, when it is raised and what its fields mean,
// the outcome lists, and category helpers, all derived from the const tuples below so no list is written twice.
import type { NodeKind } from '../graph/types.ts';
import type { FaultName, FaultSpec } from '../graph/faultSpec.ts';
import type { BodySection } from './bodySection.ts';

export interface ErrorDetail {
  /** the AMQP condition (`amqp:not-found`) or a project one (`amqp-flow:connection-refused`) */
  condition: string;
  /** the broker's own words, or ours for a project condition */
  description: string;
  /** what to do about it, when we know */
  hint?: string;
}

/**
 * How a send attempt ended (one TRANSFER_SETTLED each). `presettled`: sent with `settled: true`
 * (sndSettleMode `settled`), so the broker gives no outcome and the attempt is counted apart, never as
 * accepted; `lost`: sent, but the connection or link went before the broker settled it; `unsent`: never sent
 * (run stopped, link closed, or no credit came).
 */
export const OUTCOMES = ['accepted', 'rejected', 'released', 'modified', 'presettled', 'lost', 'unsent'] as const;
export type Outcome = (typeof OUTCOMES)[number];
/** How many attempts ended each way (the CLI summary and each transfer node's live counts). */
export type OutcomeCounts = Record<Outcome, number>;

/** What a receiver can answer a delivery with (MESSAGE_SETTLED, the manual settle buttons). */
export const RECEIVER_OUTCOMES = ['accepted', 'rejected', 'released', 'modified'] as const satisfies readonly Outcome[];
export type ReceiverOutcome = (typeof RECEIVER_OUTCOMES)[number];

/** Outcomes the broker gave, or that count as settled for the exit status (the others mean "did not arrive"). */
export const SETTLED_OUTCOMES = ['accepted', 'rejected', 'released', 'modified', 'presettled'] as const satisfies readonly Outcome[];

export const isOutcome = (x: unknown): x is Outcome => typeof x === 'string' && (OUTCOMES as readonly string[]).includes(x);

/** Every event name, in the order the event log offers them. */
export const EVENT_NAMES = [
  'CONNECTION_OPEN', 'CONNECTION_CLOSED', 'CONNECTION_ERROR',
  'SESSION_OPEN', 'SESSION_CLOSED', 'SESSION_ERROR',
  'SENDER_OPEN', 'SENDER_CLOSED', 'SENDER_ERROR',
  'RECEIVER_OPEN', 'RECEIVER_CLOSED', 'RECEIVER_ERROR',
  'CREDIT', 'TRANSFER_QUEUED', 'TRANSFER_SENT', 'TRANSFER_SETTLED', 'MESSAGE_RECEIVED', 'MESSAGE_SETTLED',
  'CBS_TOKEN', 'FAULT',
] as const;
export type EngineEventName = (typeof EVENT_NAMES)[number];

/** Fields every event carries. */
interface Base {
  /** ms since the run started */
  at: number;
  /** the graph node id the event is about */
  node: string;
  /** on *_ERROR events, on closes caused by something else (a failed parent, the broker), rejected outcomes */
  errorDetail?: ErrorDetail;
}

/** Each event's own fields, with when it is raised. */
interface EventFields {
  /** The broker answered `open`. `url`: the WebSocket URL used; `containerId`: ours, as sent in `open`; `recovered`: open again after an outage it was reconnecting from. */
  CONNECTION_OPEN: { url: string; containerId: string; recovered?: boolean };
  /** The connection ended: closed by Stop, by the broker (errorDetail `amqp-flow:closed-by-broker`), once. */
  CONNECTION_CLOSED: { url: string };
  /** The connection failed (refused, lost, broker error, idle timeout), or dropped with reconnect on (`reconnecting: true`, hint ends in `Reconnecting…`): then it opens again, not a failure yet. */
  CONNECTION_ERROR: { url: string; reconnecting?: boolean };
  /** The broker answered `begin`. */
  SESSION_OPEN: Record<never, never>;
  /** The session ended (errorDetail when its connection failed or the broker ended it). */
  SESSION_CLOSED: Record<never, never>;
  /** The broker ended the session with an error. */
  SESSION_ERROR: Record<never, never>;
  /** The broker answered `attach`. `address`: the target address the broker confirmed (or the node's). */
  SENDER_OPEN: { address: string };
  /** The link ended; its waiting attempts are already reported `unsent`, in-flight ones `lost`. */
  SENDER_CLOSED: { address: string };
  /** The broker detached the link with an error (`amqp:not-found`, …). */
  SENDER_ERROR: { address: string };
  /** The broker answered `attach`. `address`: the source address (a dynamic receiver's generated one). */
  RECEIVER_OPEN: { address: string };
  RECEIVER_CLOSED: { address: string };
  RECEIVER_ERROR: { address: string };
  /**
   * A link's credit changed (at most once per link per tick). `credit`: link credit usable now;
   * `deliveryCount`: the link's delivery-count; `queued`: sender attempts waiting for credit (0 on receivers).
   */
  CREDIT: { credit: number; deliveryCount: number; queued: number };
  /** A send attempt was created and waits for credit. `attempt`: 1…count. */
  TRANSFER_QUEUED: { attempt: number };
  /** The attempt went to rhea as a `transfer`. `deliveryId`: its delivery id on the link. */
  TRANSFER_SENT: { attempt: number; deliveryId: number };
  /** The attempt ended, exactly once per attempt. `note`: why, in words, for outcomes the broker did not give. */
  TRANSFER_SETTLED: { attempt: number; outcome: Outcome; note?: string };
  /**
   * A receiver got a message. `properties` use the transfer props' names (`messageId`, `ttlMs`, …).
   * `body` is the decoded value; bytes (data sections, binary values) as `{ length, base64, hex, utf8? }`.
   * `bodySection` says which body section carried it (amqp-value, data, amqp-sequence) and how many.
   * `duplicate`: this receiver already had a message with this message-id (at-least-once delivery).
   * `messageAnnotations`: the message-annotations section, when there is one (e.g. a dead letter's reason).
   * `applicationPropertyTypes`: the AMQP type each application property arrived as (`int`, `long`, `string`, …).
   */
  MESSAGE_RECEIVED: { deliveryId: number; body: unknown; bodySection?: BodySection; properties: Record<string, unknown>; applicationProperties: Record<string, unknown>; messageAnnotations?: Record<string, unknown>; applicationPropertyTypes?: Record<string, string>; duplicate?: boolean };
  /** A receiver settled a delivery (auto-accept or a settle button), or, with `note`, the connection dropped and it went back to the broker (`released`). */
  MESSAGE_SETTLED: { deliveryId: number; outcome: ReceiverOutcome; note?: string };
  /** The broker's answer to a CBS put-token on a connection node: `status` (status-code), `description`, and whether it was a renewal. */
  CBS_TOKEN: { status: number; description: string; renewal: boolean };
  /**
   * A fault injected on purpose (Faults menu, CLI `--fault`, a scene), on the node it acts on: `fault` its name,
   * `target` what it hit in AMQP terms (a container-id, a queue address, a link, a URL), `description` what it
   * does in plain words, then its parameters (count, ms, …). A frame fault reports a second FAULT naming the
   * `frame` it dropped or duplicated when that happens.
   */
  FAULT: { fault: FaultName; target: string; description: string; frame?: string } & FaultParameters;
}

/** A FAULT event's parameters (the fault spec without its name and target node). */
export type FaultParameters = Omit<FaultSpec, 'fault' | 'target'>;

/** One engine event: a discriminated union on `event`, built from EVENT_NAMES and EventFields. */
export type EngineEvent = { [N in EngineEventName]: Base & { event: N } & EventFields[N] }[EngineEventName];
export type EngineEventOf<N extends EngineEventName> = Extract<EngineEvent, { event: N }>;

// EventFields documents exactly the names in EVENT_NAMES (a compile-time check).
type Same<A, B> = [A] extends [B] ? ([B] extends [A] ? true : false) : false;
const fieldsMatchNames: Same<keyof EventFields, EngineEventName> = true;
void fieldsMatchNames;

/** The endpoint kinds with OPEN / CLOSED / ERROR events. */
export type EndpointKind = 'connection' | 'session' | 'sender' | 'receiver';
export type LifecyclePhase = 'open' | 'closed' | 'error';

const PHASE_OF_SUFFIX = { OPEN: 'open', CLOSED: 'closed', ERROR: 'error' } as const;

/** For a lifecycle event (`SENDER_ERROR`): its endpoint kind and phase; null for the others. */
export function lifecycleOf(name: EngineEventName): { kind: EndpointKind; phase: LifecyclePhase } | null {
  const [head, tail] = name.split('_') as [string, string];
  const phase = (PHASE_OF_SUFFIX as Record<string, LifecyclePhase>)[tail];
  if (!phase || !['CONNECTION', 'SESSION', 'SENDER', 'RECEIVER'].includes(head)) return null;
  return { kind: head.toLowerCase() as EndpointKind, phase };
}

export const isOpenEvent = (name: EngineEventName): boolean => lifecycleOf(name)?.phase === 'open';
export const isClosedEvent = (name: EngineEventName): boolean => lifecycleOf(name)?.phase === 'closed';
export const isErrorEvent = (name: EngineEventName): boolean => lifecycleOf(name)?.phase === 'error';

/** The node kinds an event can be about. */
export function nodeKindsOfEvent(name: EngineEventName): readonly NodeKind[] {
  const life = lifecycleOf(name);
  if (life) return [life.kind];
  switch (name) {
    case 'CREDIT':
      return ['sender', 'receiver'];
    case 'TRANSFER_QUEUED':
    case 'TRANSFER_SENT':
    case 'TRANSFER_SETTLED':
      return ['transfer'];
    case 'MESSAGE_RECEIVED':
    case 'MESSAGE_SETTLED':
      return ['receiver'];
    case 'FAULT':
      return ['connection', 'session', 'sender', 'receiver', 'transfer'];
    case 'CBS_TOKEN':
      return ['connection'];
    default:
      return [];
  }
}

/** Events that change no node's state and end no attempt (the run's completion check skips them). */
export const isProgressEvent = (name: EngineEventName): boolean =>
  name === 'TRANSFER_QUEUED' || name === 'TRANSFER_SENT' || name === 'MESSAGE_RECEIVED' || name === 'MESSAGE_SETTLED' || name === 'CREDIT' || name === 'CBS_TOKEN' || name === 'FAULT';

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
