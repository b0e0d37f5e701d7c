import { describe, expect, it } from 'vitest';
import type { FrameRecord } from '../engine/events.ts';
import { SessionWindows } from './sessionWindow.ts';

const frame = (dir: 'in' | 'out', channel: number, performative: string, fields: Record<string, unknown>): FrameRecord =>
  ({ at: 0, connection: 'c1', dir, channel, performative, fields });

describe('session windows from the trace', () => {
  it('counts our transfers against the peer\'s incoming window and reopens it on the peer\'s flow', () => {
    const w = new SessionWindows();
    w.add(frame('out', 0, 'begin', { next_outgoing_id: 0, incoming_window: 2048, outgoing_window: 2048 }), 's1');
    expect(w.remaining('s1')).toBeNull();
    w.add(frame('in', 5, 'begin', { remote_channel: 0, next_outgoing_id: 0, incoming_window: 2 }), 's1');
    expect(w.remaining('s1')).toEqual({ remaining: 2, window: 2 });
    w.add(frame('out', 0, 'transfer', { handle: 0, delivery_id: 0 }), 'tx1');
    w.add(frame('out', 0, 'transfer', { handle: 0, delivery_id: 1 }), 'tx1');
    expect(w.remaining('s1')).toEqual({ remaining: 0, window: 2 });
    w.add(frame('in', 5, 'flow', { next_incoming_id: 2, incoming_window: 2, next_outgoing_id: 0, outgoing_window: 10 }), 's1');
    expect(w.remaining('s1')).toEqual({ remaining: 2, window: 2 });
    expect(w.remaining('s2')).toBeNull();
  });
});
