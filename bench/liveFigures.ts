// live_figures_cpu_share: what the live demo figures cost at 10,000 messages a second. Feeds the
// events of a sender → queue → receiver run (sent, settled, credit, received, settled by the
// receiver: five per message) through LiveFigures one at a time, as the page does, plus a snapshot
// every 250 ms of run time; reports the share of one core that 10,000 messages a second would take.
// The events are made 250 ms of run time at a time, just before they are fed (in the page each event
// is fed as the engine makes it), and only the feeding and the snapshots are timed: walking one list
// of millions of events made up front would time the machine's memory more than the figures.
import { LiveFigures } from '../src/store/liveFigures.ts';
import type { EngineEvent } from '../src/engine/events.ts';
import { detail, figure, main, quick } from './lib/report.ts';
import { median, round } from './lib/stats.ts';

const MESSAGES = quick ? 200_000 : 1_000_000;
const ROUNDS = quick ? 3 : 7;
const RATE = 10_000;
const SNAPSHOT_MS = 250;
const PER_SNAPSHOT = (RATE * SNAPSHOT_MS) / 1000;

/** The events of messages from … to (1-based, `to` excluded), in the order the page gets them. */
function events(from: number, to: number): EngineEvent[] {
  const out: EngineEvent[] = from > 1 ? [] : [
    { at: 0, node: 'tx1', event: 'SENDER_OPEN', address: 'q' },
    { at: 0, node: 'rx1', event: 'RECEIVER_OPEN', address: 'q' },
  ];
  for (let i = from; i < to; i++) {
    const at = i / (RATE / 1000);
    out.push({ at, node: 't1', event: 'TRANSFER_SENT', attempt: i, deliveryId: i - 1 });
    out.push({ at: at + 1, node: 't1', event: 'TRANSFER_SETTLED', attempt: i, outcome: 'accepted' });
    out.push({ at: at + 1, node: 'tx1', event: 'CREDIT', credit: 500, deliveryCount: i, queued: 0 });
    out.push({ at: at + 2, node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: i - 1, body: 'x', properties: {}, applicationProperties: {} });
    out.push({ at: at + 2, node: 'rx1', event: 'MESSAGE_SETTLED', deliveryId: i - 1, outcome: 'accepted' });
  }
  return out;
}

main(async () => {
  const perMessageNs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const f = new LiveFigures({ t1: 'tx1' });
    let ns = 0n;
    for (let first = 1; first <= MESSAGES; first += PER_SNAPSHOT) {
      const chunk = events(first, Math.min(first + PER_SNAPSHOT, MESSAGES + 1));
      const t0 = process.hrtime.bigint();
      for (const e of chunk) f.add(e);
      f.snapshot(chunk.at(-1)!.at);
      ns += process.hrtime.bigint() - t0;
    }
    perMessageNs.push(Number(ns) / MESSAGES);
  }
  const ns = median(perMessageNs);
  detail('live_figures_cpu_share', { messages: MESSAGES, rounds: ROUNDS, eventsPerMessage: 5, nsPerMessage: round(ns, 1) });
  figure('live_figures_cpu_share', round((ns * RATE) / 1e9 * 100, 2), '%');
});
