// Builds rhea's connection, session and link options from a node's effective props (computed once per node
// by the endpoint tree). Pure apart from rhea's SASL object; the runner only passes them on.
import type { EffectivePropsByKind } from '../graph/defaults.ts';
import type { ReconnectOptions } from './run.ts';
import { saslMechanisms, type LooseConnectionOptions } from './rheaInternals.ts';

/** With `reconnect: true`: tries per outage, and the backoff between them (doubling). */
export const RECONNECT_DEFAULTS = { limit: 10, initialDelayMs: 100, maxDelayMs: 2000 } as const;
/** A broker that shuts down says so with this condition; with reconnect on it is a drop, not a failure. */
export const RETRIED_CONDITIONS: readonly string[] = ['amqp:connection:forced'];

/** rhea's `connect(port, host, options, onOpen)` hook: here it opens the (tapped) WebSocket. */
export type ConnectSocket = (onOpen: () => void) => unknown;

export function hostOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    return 'localhost';
  }
}

export function connectionOptions(
  p: EffectivePropsByKind['connection'],
  url: string,
  containerId: string,
  connectSocket: ConnectSocket,
  reconnect: ReconnectOptions | undefined,
): LooseConnectionOptions {
  const options: LooseConnectionOptions = {
    connection_details: () => ({
      host: hostOf(url),
      port: 0,
      connect: (_port: number, _host: string, _o: unknown, onOpen: () => void) => connectSocket(onOpen),
    }),
    host: hostOf(url),
    container_id: containerId,
    id: containerId,
    sasl_mechanisms: saslMechanisms(p.sasl.mechanism, p.sasl.username, p.sasl.password),
    ...reconnectOptions(p.reconnect, reconnect),
  };
  if (p.hostname) options.hostname = p.hostname;
  if (p.idleTimeoutMs) options.idle_time_out = p.idleTimeoutMs;
  if (p.maxFrameSize) options.max_frame_size = p.maxFrameSize;
  if (p.channelMax !== undefined) options.channel_max = p.channelMax;
  return options;
}

export function reconnectOptions(on: boolean, bounds: ReconnectOptions | undefined): LooseConnectionOptions {
  if (!on) return { reconnect: false, non_fatal_errors: [] };
  const r = { ...RECONNECT_DEFAULTS, ...bounds };
  return {
    reconnect: true,
    reconnect_limit: Math.max(1, Math.floor(r.limit)),
    initial_reconnect_delay: Math.max(0, r.initialDelayMs),
    max_reconnect_delay: Math.max(0, r.maxDelayMs),
    non_fatal_errors: RETRIED_CONDITIONS,
  };
}

/** rhea's `create_session` windows (undefined: rhea's defaults). The outgoing window is set after, see setOutgoingWindow. */
export function sessionOptions(p: EffectivePropsByKind['session']): { incoming: number; outgoing: number } | undefined {
  return p.incomingWindow ? { incoming: p.incomingWindow, outgoing: 2048 } : undefined;
}

const SND_SETTLE = { unsettled: 0, settled: 1, mixed: 2 } as const;
const rcvSettle = (mode: 'first' | 'second') => (mode === 'second' ? 1 : 0);

export function senderOptions(p: EffectivePropsByKind['sender']) {
  return {
    target: p.address ? { address: p.address } : {},
    snd_settle_mode: SND_SETTLE[p.sndSettleMode],
    rcv_settle_mode: rcvSettle(p.rcvSettleMode),
    // we report `modified` as itself; rhea would otherwise fold it into released
    treat_modified_as_released: false,
  };
}

/** The receiver's link options, and the credit to grant by hand right after attaching (manual mode). */
export function receiverOptions(p: EffectivePropsByKind['receiver']) {
  const manual = p.creditWindow === 0;
  return {
    options: {
      // a dynamic source asks the broker for an address, so it must not carry one
      source: p.dynamic ? { dynamic: true, address: undefined } : { address: p.address ?? '' },
      credit_window: manual ? 0 : p.creditWindow,
      autoaccept: p.autoAccept,
      rcv_settle_mode: rcvSettle(p.rcvSettleMode),
    },
    initialCredit: manual ? p.initialCredit : 0,
  };
}
