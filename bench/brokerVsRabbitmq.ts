// broker_vs_rabbitmq: messages/s of the embedded broker divided by RabbitMQ 3.10's (AMQP 1.0
// plugin), both over plain AMQP TCP with the same rhea probe in this process, alternating rounds;
// and the same ratio over WebSocket (RabbitMQ behind websockify), for context.
import { execFileSync } from 'node:child_process';
import { startChildBroker } from './lib/broker.ts';
import { probe, type ProbeResult } from './lib/probe.ts';
import { detail, figure, main, quick } from './lib/report.ts';
import { median, round } from './lib/stats.ts';

const MESSAGES = quick ? 3_000 : 10_000;
const ROUNDS = quick ? 3 : 6;
const BODY = 100;
const CREDIT = 500;

/** Starts (or joins) the interop brokers and returns their URLs from start-all.sh's export lines. */
function startRabbit(): Record<string, string> {
  const out = execFileSync('bash', ['scripts/brokers/start-all.sh'], { encoding: 'utf8', env: { ...process.env, AMQPFLOW_BROKERS_HOLDER: String(process.pid) } });
  const vars: Record<string, string> = {};
  for (const m of out.matchAll(/^export (\w+)=(.*)$/gm)) vars[m[1]!] = m[2]!.replace(/^'(.*)'$/, '$1');
  if (vars.AMQPFLOW_RABBITMQ_ERROR) throw new Error(vars.AMQPFLOW_RABBITMQ_ERROR);
  if (!vars.AMQPFLOW_RABBITMQ_TCP_URL || !vars.AMQPFLOW_RABBITMQ_WS_URL) throw new Error(`start-all.sh gave no RabbitMQ URLs:\n${out}`);
  return vars;
}

function stopRabbit() {
  execFileSync('bash', ['scripts/brokers/stop-all.sh'], { stdio: 'inherit', env: { ...process.env, AMQPFLOW_BROKERS_HOLDER: String(process.pid) } });
}

async function measure(label: string, url: string, address: string): Promise<ProbeResult> {
  const r = await probe({ url, address, messages: MESSAGES, bodySize: BODY, creditWindow: CREDIT });
  console.log(`${label}: ${MESSAGES} messages in ${r.ms.toFixed(0)} ms, ${r.messagesPerSecond.toFixed(0)} msg/s`);
  return r;
}

main(async () => {
  const rabbit = startRabbit();
  const embedded = await startChildBroker();
  try {
    const rates: Record<string, number[]> = { embeddedTcp: [], rabbitTcp: [], embeddedWs: [], rabbitWs: [] };
    const targets: [keyof typeof rates, string][] = [
      ['embeddedTcp', embedded.tcpUrl], ['rabbitTcp', rabbit.AMQPFLOW_RABBITMQ_TCP_URL!],
      ['embeddedWs', embedded.wsUrl], ['rabbitWs', rabbit.AMQPFLOW_RABBITMQ_WS_URL!],
    ];
    // A warm-up round each (not counted): JIT, queue creation, RabbitMQ's first-connection work.
    for (const [, url] of targets) await probe({ url, address: `/queue/bench-warm-${process.pid}`, messages: 2_000, bodySize: BODY, creditWindow: CREDIT });
    for (let round_ = 0; round_ < ROUNDS; round_++) {
      // Alternate which broker goes first, so drift on a shared machine falls on both.
      const order = round_ % 2 === 0 ? targets : [targets[1]!, targets[0]!, targets[3]!, targets[2]!];
      for (const [label, url] of order) rates[label]!.push((await measure(label, url, `/queue/bench-${process.pid}-${round_}`)).messagesPerSecond);
    }
    // Each round's two figures were taken back to back: the median of the per-round ratios.
    const ratio = (a: number[], b: number[]) => median(a.map((x, i) => x / b[i]!));
    const tcpRatio = ratio(rates.embeddedTcp!, rates.rabbitTcp!);
    const wsRatio = ratio(rates.embeddedWs!, rates.rabbitWs!);
    detail('broker_vs_rabbitmq', {
      messages: MESSAGES, bodyBytes: BODY, creditWindow: CREDIT, rounds: ROUNDS,
      msgPerSecond: Object.fromEntries(Object.entries(rates).map(([k, v]) => [k, v.map((x) => Math.round(x))])),
    });
    figure('broker_vs_rabbitmq', round(tcpRatio, 2), 'ratio');
    figure('broker_vs_rabbitmq_ws', round(wsRatio, 2), 'ratio');
  } finally {
    await embedded.close();
    stopRabbit();
  }
});
