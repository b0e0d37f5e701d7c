// A recording of a busy run for the replay journey and benchmark: 100,004 engine events and 25,000
// frames, 125,004 items on the replay's playhead.
import type { EngineEvent, FrameRecord } from '../src/engine/events.ts';
import { TEMPLATES } from '../src/graph/templates.ts';
import { makeRecording, serializeRecording } from '../src/record/recording.ts';

export const BIG_RECORDING_ITEMS = 125_004;

/** A send-and-receive run with 25,000 transfers: 100,004 engine events and 25,000 frames. */
export function bigRecording(): string {
  const graph = TEMPLATES.find((t) => t.id === 'send-receive')!.graph();
  const events: EngineEvent[] = [
    { at: 1, node: 'c1', event: 'CONNECTION_OPEN', url: 'ws://127.0.0.1:1/amqp', containerId: 'big' },
    { at: 2, node: 's1', event: 'SESSION_OPEN' },
    { at: 3, node: 'tx1', event: 'SENDER_OPEN', address: 'examples' },
    { at: 3, node: 'rx1', event: 'RECEIVER_OPEN', address: 'examples' },
  ];
  const frames: FrameRecord[] = [];
  for (let i = 1; i <= 25_000; i++) {
    const at = 3 + i * 0.2;
    events.push({ at, node: 't1', event: 'TRANSFER_QUEUED', attempt: i });
    events.push({ at, node: 't1', event: 'TRANSFER_SENT', attempt: i, deliveryId: i - 1 });
    frames.push({ at, connection: 'c1', dir: 'out', channel: 0, performative: 'transfer', fields: { handle: 0, delivery_id: i - 1 } });
    events.push({ at: at + 0.1, node: 't1', event: 'TRANSFER_SETTLED', attempt: i, outcome: 'accepted' });
    events.push({ at: at + 0.1, node: 'tx1', event: 'CREDIT', credit: 1000 - (i % 1000), deliveryCount: i, queued: 0 });
  }
  return serializeRecording(makeRecording(graph, events, frames, new Date('2026-01-01T00:00:00Z')));
}
