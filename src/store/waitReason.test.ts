import { describe, expect, it } from 'vitest';
import type { EngineEvent } from '../engine/events.ts';
import { TEMPLATES } from '../graph/templates.ts';
import { reduceRun, startRunState } from './reduceRun.ts';
import { waitReason } from './waitReason.ts';

const starvation = TEMPLATES.find((t) => t.id === 'credit-starvation')!.graph();
const opened: EngineEvent[] = [
  { at: 1, node: 'c1', event: 'CONNECTION_OPEN', url: 'ws://x', containerId: 'page' },
  { at: 2, node: 's1', event: 'SESSION_OPEN' },
  { at: 3, node: 'tx1', event: 'SENDER_OPEN', address: 'starved' },
  { at: 3, node: 'rx1', event: 'RECEIVER_OPEN', address: 'starved' },
];
const idle = { stepping: false, queueDepth: null };

describe('why is it waiting', () => {
  it('says a sender and its transfer wait for credit the broker has not granted', () => {
    const s = reduceRun(startRunState(starvation), [
      ...opened,
      ...Array.from({ length: 10 }, (_, i): EngineEvent => ({ at: 4, node: 't1', event: 'TRANSFER_QUEUED', attempt: i + 1 })),
      { at: 5, node: 'tx1', event: 'CREDIT', credit: 0, deliveryCount: 0, queued: 10 },
    ]);
    expect(waitReason(s, 'tx1', 'sender', idle)).toBe('waiting for credit: the broker granted 0 on this link; 10 transfers wait until it grants more');
    expect(waitReason(s, 't1', 'transfer', idle)).toMatch(/^waiting for credit: .*10 attempts of this transfer wait/);
  });

  it('names step mode when a sender has credit but its frames are held', () => {
    const s = reduceRun(startRunState(starvation), [...opened, { at: 5, node: 'tx1', event: 'CREDIT', credit: 100, deliveryCount: 0, queued: 2 }]);
    expect(waitReason(s, 'tx1', 'sender', { stepping: true, queueDepth: null })).toMatch(/^waiting for Step: tx1 has credit 100/);
    expect(waitReason(s, 'tx1', 'sender', idle)).toBeNull();
  });

  it('says a starved receiver used its credit while messages wait at the broker, and what to do', () => {
    const received = Array.from({ length: 3 }, (_, i): EngineEvent => ({ at: 6, node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: i, body: 'Hello!', properties: {}, applicationProperties: {} }));
    const s = reduceRun(startRunState(starvation), [
      ...opened,
      { at: 5, node: 'tx1', event: 'CREDIT', credit: 990, deliveryCount: 10, queued: 0 },
      ...received,
      { at: 7, node: 'rx1', event: 'CREDIT', credit: 0, deliveryCount: 3, queued: 0 },
    ]);
    expect(waitReason(s, 'tx1', 'sender', idle)).toBeNull();
    expect(waitReason(s, 'rx1', 'receiver', { stepping: false, queueDepth: 7 }))
      .toBe('7 messages wait in queue starved: rx1 granted 3 and has used them all; add credit or raise its window');
    expect(waitReason(s, 'rx1', 'receiver', idle)).toBe('no credit left: rx1 granted 3 and has used them all; add credit or raise its window');
  });
});

describe('a session window that blocks transfers', () => {
  it('is named on the session and on its sender that has credit but cannot send', () => {
    const s = reduceRun(startRunState(starvation), [...opened, { at: 5, node: 'tx1', event: 'CREDIT', credit: 50, deliveryCount: 2, queued: 8 }]);
    const full = { stepping: false, queueDepth: null, sessionRoom: { remaining: 0, window: 2 } };
    expect(waitReason(s, 's1', 'session', full)).toBe("window full: the broker's incoming window of 2 transfers is used up, so tx1 waits for its next flow");
    expect(waitReason(s, 'tx1', 'sender', full)).toMatch(/^waiting for the session window: tx1 has credit 50/);
    expect(waitReason(s, 's1', 'session', { ...full, sessionRoom: { remaining: 1, window: 2 } })).toBeNull();
  });
});

describe('step mode', () => {
  it('says transfers handed to the library wait for Step', () => {
    const s = reduceRun(startRunState(starvation), [...opened, { at: 5, node: 'tx1', event: 'CREDIT', credit: 100, deliveryCount: 0, queued: 0 }]);
    expect(waitReason(s, 't1', 'transfer', { stepping: true, queueDepth: null, heldForStep: 4 })).toBe('waiting for Step: 4 transfers are held; each press of Step lets one frame out');
    expect(waitReason(s, 't1', 'transfer', { stepping: false, queueDepth: null, heldForStep: 4 })).toBeNull();
  });
});
