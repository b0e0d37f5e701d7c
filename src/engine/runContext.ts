// What the parts of a run share: the clock, the event sink, the step gate, credit reports, and node states
// (moved only through the node-state machine).
import type { GraphNode } from '../graph/types.ts';
import type { CreditCoalescer } from './credit.ts';
import type { EngineEvent } from './events.ts';
import type { NodeInput, NodeState } from './nodeState.ts';
import type { ReceiverDirectory } from './receiverDirectory.ts';
import type { RunOptions, WebSocketLike } from './run.ts';
import type { StepGate } from './stepGate.ts';

export interface RunContext {
  opts: RunOptions;
  now(): number;
  emit(e: EngineEvent): void;
  tracing(): boolean;
  onUnit(connection: string, dir: 'in' | 'out', bytes: Uint8Array): void;
  /** the WebSocket for a connection node (the injected factory's, with this run's page faults) */
  socketFor(connection: string, url: string, protocols: string[]): WebSocketLike;
  gate: StepGate;
  credit: CreditCoalescer;
  receivers: ReceiverDirectory;
  childrenOf(id: string): GraphNode[];
  /** Moves a node's state by the node-state machine; returns the new state. */
  move(id: string, input: NodeInput): NodeState;
  stateOf(id: string): NodeState;
}
