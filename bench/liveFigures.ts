// live_figures_cpu_share: what the live demo figures cost at 10,000 messages a second. Feeds the
// events of a sender → queue → receiver run (sent, settled, credit, received, settled by the
// receiver: five per message) through LiveFigures one at a time, as the page does, plus a snapshot
// every 250 ms of run time; reports the share of one core that 10,000 messages a second would take.
import { LiveFigures } from '../src/store/liveFigures.ts';
import type { EngineEvent } from '../src/engine/events.ts';
import { detail, figure, main, quick } from './lib/report.ts';
import { median, round } from './lib/stats.ts';

const MESSAGES = quick ? 200_000 : 1_000_000;
const ROUNDS = quick ? 3 : 7;
const RATE = 10_000;

function events(): EngineEvent[] {
  const out: EngineEvent[] = [
    { at: 0, node: 'tx1', event: 'SENDER_OPEN', address: 'q' },
    { at: 0, node: 'rx1', event: 'RECEIVER_OPEN', address: 'q' },
  ];
  for (let i = 1; i <= MESSAGES; i++) {
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
  const list = events();
  const perMessageNs: number[] = [];
  for (let r = 0; r < ROUNDS; r++) {
    const f = new LiveFigures({ t1: 'tx1' });
    let nextSnapshot = 250;
    const t0 = process.hrtime.bigint();
    for (const e of list) {
      f.add(e);
      if (e.at >= nextSnapshot) {
        f.snapshot(e.at);
        nextSnapshot += 250;
      }
    }
    const ns = Number(process.hrtime.bigint() - t0);
    perMessageNs.push(ns / MESSAGES);
  }
  const ns = median(perMessageNs);
  detail('live_figures_cpu_share', { messages: MESSAGES, rounds: ROUNDS, eventsPerMessage: 5, nsPerMessage: round(ns, 1) });
  figure('live_figures_cpu_share', round((ns * RATE) / 1e9 * 100, 2), '%');
});
