// The set-up of the hand-settling tests: a receiver that settles nothing by itself, fed by a sender
// on the same address, run with frames recorded until the receiver holds every message.
import type { ChildSpec } from '../../../src/graph/fixtures/factory.ts';
import type { PropsByKind } from '../../../src/graph/types.ts';
import { oneSession, record, type Recorded } from '../engineHarness.ts';

export interface HandSettledFlow {
  /** transfers t1 sends (default 1) */
  count?: number;
  /** their body (default "judge me") */
  body?: string;
  /** rx1's props besides its address and autoAccept: false */
  receiver?: PropsByKind['receiver'];
  /** more nodes under s1 */
  more?: ChildSpec[];
}

/** c1 → s1 → rx1 (autoAccept off) and tx1 → t1 sending `count` messages to `address`. */
export function handSettledFlow(url: string, address: string, { count = 1, body = 'judge me', receiver = {}, more = [] }: HandSettledFlow = {}) {
  return oneSession(url, [
    { id: 'rx1', kind: 'receiver', parent: 's1', props: { address, autoAccept: false, ...receiver } },
    { id: 'tx1', kind: 'sender', parent: 's1', props: { address } },
    { id: 't1', kind: 'transfer', parent: 'tx1', props: { body, count } },
    ...more,
  ]);
}

/** Runs handSettledFlow with frames recorded; resolves once rx1 holds all `count` messages, with their delivery ids in order. */
export async function runHandSettled(url: string, address: string, flow: HandSettledFlow = {}): Promise<{ r: Recorded; ids: number[] }> {
  const r = record(handSettledFlow(url, address, flow), { frames: true });
  const count = flow.count ?? 1;
  await r.waitFor(() => r.of('MESSAGE_RECEIVED', 'rx1').length === count);
  return { r, ids: r.of('MESSAGE_RECEIVED', 'rx1').map((e) => e.deliveryId) };
}
