// The one node-state machine: the states a graph node goes through in a run, what moves it, and how a
// parent's move reaches its children. Pure; the engine drives it and reduceRun replays it from events.
import type { NodeKind } from '../graph/types.ts';
import { lifecycleOf, type EngineEvent } from './events.ts';

export const NODE_STATES = ['idle', 'opening', 'open', 'closing', 'closed', 'error'] as const;
export type NodeState = (typeof NODE_STATES)[number];

/**
 * What moves a node: `begin` (we sent open/begin/attach), `opened` (the peer answered), `close` (we asked
 * to close), `closed` (it ended), `failed` (it ended with an error), `reconnect` (its connection dropped and
 * will be tried again).
 */
export type NodeInput = 'begin' | 'opened' | 'close' | 'closed' | 'failed' | 'reconnect';

export const isTerminal = (s: NodeState): boolean => s === 'closed' || s === 'error';
/** Waiting for the peer: the run is not over while any node is here. */
export const isBusy = (s: NodeState): boolean => s === 'opening' || s === 'closing';

/** The state after `input`. Terminal states stay (a failed node keeps `error` through the close that follows). */
export function transition(from: NodeState, input: NodeInput): NodeState {
  switch (input) {
    case 'begin':
      return from === 'idle' ? 'opening' : from;
    case 'opened':
      return isTerminal(from) ? from : 'open';
    case 'close':
      if (from === 'idle') return 'closed';
      return isTerminal(from) ? from : 'closing';
    case 'closed':
      return from === 'error' ? 'error' : 'closed';
    case 'failed':
      return 'error';
    case 'reconnect':
      return isTerminal(from) || from === 'idle' ? from : 'opening';
    default: {
      const never: never = input;
      return never;
    }
  }
}

/**
 * The state a node's own lifecycle event puts it in; null for other events. A close that carries an error
 * (its parent failed, the broker closed it) shows as `error`, so the reason stays on the node.
 */
export function stateAfterEvent(from: NodeState, e: EngineEvent): NodeState | null {
  const life = lifecycleOf(e.event);
  if (!life) return null;
  if (life.phase === 'open') return 'open'; // also after a reconnect
  // an outage of a connection with reconnect on: it opens again, it has not failed (yet)
  if (e.event === 'CONNECTION_ERROR' && e.reconnecting) return transition(from, 'reconnect');
  if (life.phase === 'error') return transition(from, 'failed');
  return e.errorDetail ? transition(from, 'failed') : transition(from, 'closed');
}

/**
 * How a child follows its parent's new state: a transfer mirrors its sender; a session or link starts opening
 * when its parent opens. Returns the child's state unchanged when the parent's move does not reach it.
 */
export function childAfterParent(child: NodeState, childKind: NodeKind, parent: NodeState): NodeState {
  if (childKind === 'transfer') return parent === 'opening' || parent === 'closing' ? child : parent;
  if (parent === 'open') return transition(child, 'begin');
  return child;
}
