// broker_vs_sink: the embedded broker's round trip ÷ the same round trip through a minimal rhea
// server that only accepts and echoes (bench/lib/sinkProcess.ts), both over plain AMQP TCP, each in
// its own process, with the same rhea probe in this process, alternating rounds. A round trip is
// the probe's whole run: connect, send N (credit permitting) and receive the same N on one address,
// until the last is accepted and the last received; the client does the same work on both sides.
import { startChildBroker } from './lib/broker.ts';
import { startChildSink } from './lib/sink.ts';
import { probe } from './lib/probe.ts';
import { detail, figure, main, quick } from './lib/report.ts';
import { median, round } from './lib/stats.ts';

const MESSAGES = quick ? 3_000 : 10_000;
const ROUNDS = quick ? 3 : 7;
const BODY = 100;
const CREDIT = 500;

main(async () => {
  const [embedded, sink] = await Promise.all([startChildBroker(), startChildSink()]);
  try {
    const targets: [string, string][] = [['embedded', embedded.tcpUrl], ['sink', sink.tcpUrl]];
    const rates: Record<string, number[]> = { embedded: [], sink: [] };
    for (const [, url] of targets) await probe({ url, address: `/queue/sink-warm-${process.pid}`, messages: 2_000, bodySize: BODY, creditWindow: CREDIT });
    for (let r = 0; r < ROUNDS; r++) {
      // alternate which goes first, so drift on a shared machine falls on both
      for (const [label, url] of r % 2 === 0 ? targets : [...targets].reverse()) {
        const result = await probe({ url, address: `/queue/sink-${process.pid}-${r}`, messages: MESSAGES, bodySize: BODY, creditWindow: CREDIT });
        console.log(`${label}: ${MESSAGES} messages in ${result.ms.toFixed(0)} ms, ${result.messagesPerSecond.toFixed(0)} msg/s`);
        rates[label]!.push(result.messagesPerSecond);
      }
    }
    const ratio = median(rates.embedded!.map((x, i) => x / rates.sink![i]!));
    detail('broker_vs_sink', {
      messages: MESSAGES, bodyBytes: BODY, creditWindow: CREDIT, rounds: ROUNDS,
      msgPerSecond: Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, v.map((x) => Math.round(x))])),
    });
    figure('broker_vs_sink', round(ratio, 2), 'ratio');
  } finally {
    await Promise.all([embedded.close(), sink.close()]);
  }
});
