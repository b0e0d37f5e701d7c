import { describe, expect, it } from 'vitest';
import type { FrameRecord } from '../../engine/events.ts';
import { frameSubject } from './frameSubject.ts';

const transfer = (dir: 'in' | 'out', id: number): FrameRecord => ({ at: id, connection: 'c1', dir, channel: 0, performative: 'transfer', fields: { handle: 0, delivery_id: id } });
const disposition = (first: number, last: number): FrameRecord => ({ at: 9, connection: 'c1', dir: 'out', channel: 0, performative: 'disposition', fields: { role: true, first, last } });
const parentOf = { rx1: 's1', rx2: 's1', tx1: 's1' };

describe('frameSubject', () => {
  it('explains a disposition for the link whose deliveries it settles', () => {
    const frames = [transfer('in', 0), transfer('out', 0), transfer('in', 1), disposition(0, 1)];
    expect(frameSubject(frames, ['rx1', 'tx1', 'rx1', 's1'], parentOf, 3)).toBe('rx1');
  });

  it('keeps the session when the settled deliveries went over two links, and other frames as attributed', () => {
    const frames = [transfer('in', 0), transfer('in', 1), disposition(0, 1)];
    expect(frameSubject(frames, ['rx1', 'rx2', 's1'], parentOf, 2)).toBe('s1');
    expect(frameSubject(frames, ['rx1', 'rx2', 's1'], parentOf, 0)).toBe('rx1');
  });
});
