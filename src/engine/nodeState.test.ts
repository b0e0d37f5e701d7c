import { describe, expect, it } from 'vitest';
import { childAfterParent, isBusy, isTerminal, NODE_STATES, stateAfterEvent, transition, type NodeInput } from './nodeState.ts';

describe('the node-state machine', () => {
  it('walks a node through opening, open, closing and closed', () => {
    let s = transition('idle', 'begin');
    expect(s).toBe('opening');
    s = transition(s, 'opened');
    expect(s).toBe('open');
    s = transition(s, 'close');
    expect(s).toBe('closing');
    expect(transition(s, 'closed')).toBe('closed');
  });

  it('keeps terminal states: a failed node stays in error through the close that follows, and nothing reopens it', () => {
    const inputs: NodeInput[] = ['begin', 'opened', 'close', 'closed', 'reconnect'];
    for (const input of inputs) expect(transition('error', input), input).toBe('error');
    for (const input of ['begin', 'opened', 'close', 'closed', 'reconnect'] as const) expect(transition('closed', input), input).toBe('closed');
  });

  it('closes an idle node at once, and sends a live node back to opening on reconnect', () => {
    expect(transition('idle', 'close')).toBe('closed');
    expect(transition('open', 'reconnect')).toBe('opening');
    expect(transition('idle', 'reconnect')).toBe('idle');
    expect(transition('open', 'failed')).toBe('error');
  });

  it('says which states are busy and which are terminal', () => {
    expect(NODE_STATES.filter(isBusy)).toEqual(['opening', 'closing']);
    expect(NODE_STATES.filter(isTerminal)).toEqual(['closed', 'error']);
  });

  it('reads the state from a node’s own lifecycle events; a close with a reason shows as error', () => {
    expect(stateAfterEvent('opening', { at: 0, node: 'c1', event: 'CONNECTION_OPEN', url: 'ws://x', containerId: 'c' })).toBe('open');
    expect(stateAfterEvent('open', { at: 0, node: 's1', event: 'SESSION_CLOSED' })).toBe('closed');
    expect(stateAfterEvent('error', { at: 0, node: 's1', event: 'SESSION_CLOSED' })).toBe('error');
    const parentFailed = { condition: 'amqp-flow:parent-failed', description: 'Its connection failed' };
    expect(stateAfterEvent('open', { at: 0, node: 'tx1', event: 'SENDER_CLOSED', address: 'q', errorDetail: parentFailed })).toBe('error');
    expect(stateAfterEvent('open', { at: 0, node: 'rx1', event: 'RECEIVER_ERROR', address: 'q' })).toBe('error');
    expect(stateAfterEvent('open', { at: 0, node: 't1', event: 'TRANSFER_QUEUED', attempt: 1 })).toBeNull();
  });

  it('cascades a parent’s move: children of an open node begin, transfers mirror their sender', () => {
    expect(childAfterParent('idle', 'session', 'open')).toBe('opening');
    expect(childAfterParent('open', 'sender', 'open')).toBe('open');
    expect(childAfterParent('open', 'sender', 'error')).toBe('open');
    expect(childAfterParent('idle', 'transfer', 'open')).toBe('open');
    expect(childAfterParent('open', 'transfer', 'closed')).toBe('closed');
    expect(childAfterParent('open', 'transfer', 'error')).toBe('error');
    expect(childAfterParent('open', 'transfer', 'closing')).toBe('open');
  });
});
