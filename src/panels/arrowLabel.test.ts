import { describe, expect, it } from 'vitest';
import type { FrameRecord } from '../engine/events.ts';
import { arrowLabel, wrapWords } from './arrowLabel.ts';

const frame = (performative: string, fields: Record<string, unknown>, extra: Partial<FrameRecord> = {}): FrameRecord =>
  ({ at: 0, connection: 'c1', dir: 'in', channel: 0, performative, fields, ...extra });

describe('arrow labels', () => {
  it('shows link credit, delivery count and drain on a link flow, and the windows on a session flow', () => {
    expect(arrowLabel(frame('flow', { handle: 1, delivery_count: 2, link_credit: 8 }))).toBe('flow handle=1 link-credit=8 delivery-count=2 drain=false');
    expect(arrowLabel(frame('flow', { handle: 0, link_credit: 0, delivery_count: 10, drain: true, echo: true }))).toContain('drain=true echo=true');
    expect(arrowLabel(frame('flow', { next_incoming_id: 3, incoming_window: 2048 }))).toBe('flow next-incoming-id=3 incoming-window=2048');
  });

  it('shows delivery id and settled on a transfer, first/last/settled/state on a disposition', () => {
    expect(arrowLabel(frame('transfer', { handle: 0, delivery_id: 4 }, { message: { summary: 'Hi', size: 9 } }))).toBe('transfer handle=0 delivery-id=4 settled=false “Hi” (9 B)');
    expect(arrowLabel(frame('transfer', { handle: 0, delivery_id: 5, settled: true }))).toContain('settled=true');
    expect(arrowLabel(frame('disposition', { role: true, first: 2, settled: true, state: { descriptor: 'rejected', value: {} } })))
      .toBe('disposition role=receiver first=2 last=2 settled=true state=rejected');
    expect(arrowLabel(frame('disposition', { role: false, first: 0, last: 4 }))).toBe('disposition role=sender first=0 last=4 settled=false');
  });

  it('names settle modes on an attach and keeps the whole link name', () => {
    const name = 'a-very-long-generated-link-name-0123456789abcdef';
    const label = arrowLabel(frame('attach', { name, handle: 0, role: false, snd_settle_mode: 1, rcv_settle_mode: 1, target: { descriptor: 'target', value: { address: 'q' } } }));
    expect(label).toBe(`attach name=${name} role=sender handle=0 target=q snd-settle-mode=settled rcv-settle-mode=second`);
  });

  it('wraps words to a width without dropping any character', () => {
    const words = ['attach', 'name=0123456789abcdefghij', 'role=sender', 'handle=0'];
    const lines = wrapWords(words, 12);
    expect(lines.every((l) => l.length <= 12)).toBe(true);
    expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
    expect(wrapWords(['flow', 'drain=true'], 40)).toEqual(['flow drain=true']);
  });
});
