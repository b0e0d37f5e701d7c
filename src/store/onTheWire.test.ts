import { describe, expect, it } from 'vitest';
import type { FrameRecord } from '../engine/events.ts';
import { OnTheWire } from './onTheWire.ts';

const transferFrame = (deliveryId: number | undefined): FrameRecord =>
  ({ at: 0, connection: 'c1', dir: 'out', channel: 0, performative: 'transfer', fields: deliveryId === undefined ? { handle: 0, more: false } : { handle: 0, delivery_id: deliveryId } });
const parentOf = { t1: 'tx1', t2: 'tx1' };

describe('transfers on the wire', () => {
  it('counts a transfer only once its frame has gone out, per sender and per transfer node', () => {
    const w = new OnTheWire();
    for (let i = 0; i < 5; i++) w.addEvent({ at: 1, node: 't1', event: 'TRANSFER_SENT', attempt: i + 1, deliveryId: i }, parentOf);
    expect(w.count('tx1')).toBe(0);
    w.addFrame(transferFrame(0), 'tx1');
    expect([w.count('tx1'), w.count('t1')]).toEqual([1, 1]);
    w.addFrame(transferFrame(undefined), 'tx1'); // the rest of a multi-frame delivery
    w.addFrame(transferFrame(1), 'tx1');
    expect([w.count('tx1'), w.count('t1')]).toEqual([2, 2]);
  });

  it('matches a frame seen before its TRANSFER_SENT event to the transfer later', () => {
    const w = new OnTheWire();
    w.addFrame(transferFrame(7), 'tx1');
    expect([w.count('tx1'), w.count('t2')]).toEqual([1, 0]);
    w.addEvent({ at: 1, node: 't2', event: 'TRANSFER_SENT', attempt: 1, deliveryId: 7 }, parentOf);
    expect(w.count('t2')).toBe(1);
  });
});
