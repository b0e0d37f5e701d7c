// The brokers the interop suite runs against, what each one really does where AMQP leaves room,
// and small helpers to build graphs, run them with the engine and wait for events.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { promisify } from 'node:util';
import type { SaslMechanism } from '../../../src/graph/types.ts';
import type { EngineEvent, EngineEventName } from '../../../src/engine/events.ts';
import { EventWaiters } from './eventWaiters.ts';
import { until } from './wait.ts';

const exec = promisify(execFile);

export type BrokerName = 'embedded' | 'rabbitmq' | 'proton';

/** What a broker does where brokers legitimately differ; each flag was observed, not assumed. */
export interface BrokerTraits {
  name: BrokerName;
  label: string;
  /** the address a sender and a receiver share for queue `q` */
  addressFor(queue: string): string;
  /** answers an attach with `source: { dynamic: true }` by generating an address */
  dynamicReceivers: boolean;
  /** puts a message the consumer `released` back on the queue and delivers it again */
  redeliversReleased: boolean;
  /** accepts the `modified` outcome from a consumer; RabbitMQ 3.10 ends the session instead */
  acceptsModified: boolean;
  /** after `modified` (delivery-failed), delivers the message again */
  redeliversModified: boolean;
  /** SASL mechanisms the broker offers, in our graph's words */
  saslMechanisms: SaslMechanism[];
  /** the WebSocket endpoint is websockify (HTTP 400 unless "binary" or nothing is offered) */
  behindWebsockify: boolean;
  /** link credit the broker grants a sender at attach (the Proton example broker refills 10 at a time) */
  senderCredit: number;
}

export const TRAITS: Record<BrokerName, BrokerTraits> = {
  embedded: {
    name: 'embedded',
    label: 'the embedded broker',
    addressFor: (q) => q,
    dynamicReceivers: true,
    redeliversReleased: true,
    acceptsModified: true,
    redeliversModified: true,
    // ANONYMOUS without users; with users configured, PLAIN only.
    saslMechanisms: ['ANONYMOUS'],
    behindWebsockify: false,
    senderCredit: 500,
  },
  rabbitmq: {
    name: 'rabbitmq',
    label: 'RabbitMQ 3.10 (rabbitmq_amqp1_0) behind websockify',
    addressFor: (q) => `/queue/${q}`,
    dynamicReceivers: false,
    redeliversReleased: true,
    acceptsModified: false,
    redeliversModified: false,
    saslMechanisms: ['ANONYMOUS', 'PLAIN'],
    behindWebsockify: true,
    senderCredit: 65536,
  },
  proton: {
    name: 'proton',
    label: 'the Qpid Proton example broker behind websockify',
    addressFor: (q) => q,
    dynamicReceivers: true,
    redeliversReleased: false,
    acceptsModified: true,
    redeliversModified: false,
    saslMechanisms: ['ANONYMOUS'],
    behindWebsockify: true,
    senderCredit: 10,
  },
};

export const skipInterop = process.env.AMQPFLOW_SKIP_INTEROP === '1';

const ENV_PREFIX: Record<'rabbitmq' | 'proton', string> = { rabbitmq: 'AMQPFLOW_RABBITMQ', proton: 'AMQPFLOW_PROTON' };
const SCRIPTS = new URL('../../../scripts/brokers/', import.meta.url).pathname;

let started: Promise<void> | null = null;
let startedHere = false;

/**
 * The external brokers' URLs come from the environment (`npm test` evals start-all.sh). When a
 * single test file is run by hand they are missing: start them here, under this process's lease.
 */
async function ensureExternalBrokers(): Promise<void> {
  if (process.env.AMQPFLOW_RABBITMQ_WS_URL && process.env.AMQPFLOW_PROTON_WS_URL) return;
  if (process.env.AMQPFLOW_RABBITMQ_ERROR || process.env.AMQPFLOW_PROTON_ERROR) return; // start-all already tried
  started ??= (async () => {
    const env = { ...process.env, AMQPFLOW_BROKERS_HOLDER: String(process.pid) };
    const { stdout } = await exec('bash', [`${SCRIPTS}start-all.sh`], { env, timeout: 120_000 }).catch(
      (e: { stdout?: string; stderr?: string }) => ({ stdout: e.stdout ?? '' }),
    );
    startedHere = true;
    for (const line of stdout.split('\n')) {
      const [, key, value] = /^export (AMQPFLOW_[A-Z_]+)=(.*)$/.exec(line) ?? [];
      if (key && value !== undefined) process.env[key] = value.replace(/\\(.)/g, '$1');
    }
  })();
  await started;
}

/** Releases this process's lease; the brokers stop when nobody else holds one. */
export async function releaseExternalBrokers(): Promise<void> {
  if (!startedHere) return;
  startedHere = false;
  const env = { ...process.env, AMQPFLOW_BROKERS_HOLDER: String(process.pid) };
  await exec('bash', [`${SCRIPTS}stop-all.sh`], { env, timeout: 60_000 }).catch(() => undefined);
}

/** The WebSocket URL of an external broker, or a clear reason why there is none. */
export async function externalBrokerUrl(name: 'rabbitmq' | 'proton'): Promise<{ wsUrl: string; tcpUrl: string }> {
  await ensureExternalBrokers();
  const prefix = ENV_PREFIX[name];
  const wsUrl = process.env[`${prefix}_WS_URL`];
  const tcpUrl = process.env[`${prefix}_TCP_URL`] ?? '';
  if (wsUrl) return { wsUrl, tcpUrl };
  const why = process.env[`${prefix}_ERROR`] ?? `${prefix}_WS_URL is not set and scripts/brokers/start-all.sh did not provide it`;
  throw new Error(
    `${TRAITS[name].label} is not available: ${why}. ` +
      'Run `eval "$(bash scripts/brokers/start-all.sh)"` first (needs apt packages rabbitmq-server, websockify, ' +
      'python3-qpid-proton, libqpid-proton11-dev-examples), or set AMQPFLOW_SKIP_INTEROP=1 to skip the interop suite.',
  );
}

/** A short random suffix so runs and tests never share a queue. */
export const uniqueName = (stem: string) => `${stem}-${randomBytes(4).toString('hex')}`;

export { graphOf as makeGraph, type Spec } from '../../../src/graph/fixtures/factory.ts';

/** The event(s) named N, narrowed (some union members carry several names, e.g. SENDER_OPEN | SENDER_ERROR). */
export type EventOf<N extends EngineEventName> = EngineEvent extends infer E ? (E extends { event: infer X } ? (N extends X ? E & { event: N } : never) : never) : never;

/** Collects a run's events and waits for the ones a test expects. */
export class EventLog {
  readonly events: EngineEvent[] = [];
  private readonly waiters = new EventWaiters(this.events);

  readonly push = (e: EngineEvent) => {
    this.events.push(e);
    this.waiters.notify(e);
  };

  of<N extends EngineEventName>(name: N, node?: string): EventOf<N>[] {
    return this.events.filter((e) => e.event === name && (node === undefined || e.node === node)) as EventOf<N>[];
  }

  /** Resolves with the first event (past or future) that matches; rejects with the log so far after `ms`. */
  waitFor<N extends EngineEventName>(
    name: N,
    node?: string,
    where: (e: EventOf<N>) => boolean = () => true,
    ms = 10_000,
  ): Promise<EventOf<N>> {
    const test = (e: EngineEvent) => e.event === name && (node === undefined || e.node === node) && where(e as EventOf<N>);
    const why = () => `no ${name}${node ? ` on ${node}` : ''} within ${ms} ms; events so far:\n${this.describe()}`;
    return this.waiters.waitFor(test, ms, why) as Promise<EventOf<N>>;
  }

  /** Waits until `count` events match. */
  async waitForCount<N extends EngineEventName>(name: N, node: string | undefined, count: number, ms = 10_000): Promise<EventOf<N>[]> {
    const why = () => `only ${this.of(name, node).length} of ${count} ${name}${node ? ` on ${node}` : ''}; events so far:\n${this.describe()}`;
    await until(() => this.of(name, node).length >= count, why, ms);
    return this.of(name, node);
  }

  describe(): string {
    return this.events
      .slice(-40)
      .map((e) => JSON.stringify(e))
      .join('\n');
  }
}
