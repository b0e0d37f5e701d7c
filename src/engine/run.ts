// The engine's public surface: what a page, a Node test or the CLI gets back from runGraph().
import type { EngineEvent, FrameRecord, OutcomeCounts, ReceiverOutcome } from './events.ts';
import type { FaultSpec } from '../graph/faultSpec.ts';
import type { RejectOptions } from './rejectError.ts';

/** The subset of the WHATWG WebSocket that the engine uses; the browser's and `ws`'s both fit. */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  readonly protocol: string;
  send(data: ArrayBufferLike | ArrayBufferView): void;
  close(code?: number, reason?: string): void;
  onopen: ((ev: unknown) => void) | null;
  onmessage: ((ev: { data: unknown }) => void) | null;
  onclose: ((ev: { code?: number; reason?: string; wasClean?: boolean }) => void) | null;
  onerror: ((ev: unknown) => void) | null;
}

/** Injected so the same engine runs in the page, in Node (`ws`) and in the CLI. */
export type WebSocketFactory = (url: string, protocols: string[]) => WebSocketLike;

export interface RunOptions {
  createWebSocket: WebSocketFactory;
  /** URL for connections whose `url` prop is empty (the page passes its embedded broker). */
  defaultUrl?: string;
  /** Overrides every connection's URL (CLI `--url`). */
  urlOverride?: string;
  /** Decode and publish the frame trace (costs CPU; the page turns it on, the CLI with --frames). */
  frames?: boolean;
  /** Start in step mode: outgoing frames are held until step() releases them one at a time. */
  stepMode?: boolean;
  /** Bounds for connections with `reconnect: true` (defaults: 10 attempts per outage, 100 ms doubling up to 2 s). */
  reconnect?: ReconnectOptions;
}

export interface ReconnectOptions {
  /** tries per outage before the connection fails for good */
  limit?: number;
  /**
   * Send again the attempts that were in flight when the socket dropped (at least once: the broker may get
   * them twice; receivers flag the second copy as `duplicate`), instead of ending them `lost`.
   */
  resendInFlight?: boolean;
  initialDelayMs?: number;
  maxDelayMs?: number;
}

export type ModifiedOptions = { deliveryFailed?: boolean; undeliverableHere?: boolean };
/** A manual settlement's details: modified's flags, or a reject's condition and description. */
export type SettleOptions = ModifiedOptions & RejectOptions;

export interface RunSummary extends OutcomeCounts {
  transfers: number;
  received: number;
  errors: number;
}

export interface Run {
  subscribe(listener: (e: EngineEvent) => void): () => void;
  subscribeFrames(listener: (f: FrameRecord) => void): () => void;
  /** Closes every node children-first; transfers not yet settled end as `unsent` (or `lost`). */
  stop(): Promise<void>;
  /** In step mode: release the next held outgoing frame. */
  step(): void;
  setStepMode(on: boolean): void;
  /** The next held outgoing frame, decoded, or null. */
  peekHeld(): FrameRecord | null;
  /**
   * Step mode: called with the next held outgoing frame (or null) whenever what is held changes (a frame
   * held, one released, step mode switched), and once at once with the current one.
   */
  subscribeHeld(listener: (next: FrameRecord | null) => void): () => void;
  /** Resolves once every connection has closed or failed, on its own or through stop(). */
  readonly ended: Promise<void>;
  addCredit(receiverNodeId: string, credit: number): void;
  drain(receiverNodeId: string): void;
  settle(receiverNodeId: string, deliveryId: number, outcome: ReceiverOutcome, options?: SettleOptions): void;
  /** Close one node (and its children first), as when it is deleted during a run. */
  closeNode(nodeId: string): Promise<void>;
  /** Inject a fault on purpose (reported as a FAULT event); rejects with the reason when it cannot be done. */
  injectFault(spec: FaultSpec): Promise<void>;
  /** Resolves once every transfer attempt has settled and no link is waiting (or after stop()). */
  readonly settled: Promise<RunSummary>;
  summary(): RunSummary;
}
