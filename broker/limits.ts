// The broker's limits with their defaults, checked once so a bad value is refused with a clear
// message instead of surfacing later as odd behaviour.

export interface Limits {
  maxConnections: number;
  /** bytes; AMQP's minimum is 512 */
  maxFrameSize: number;
  /** bytes of one message (all its transfer frames together) */
  maxMessageSize: number;
  /** messages one queue holds before its senders stop getting credit */
  maxQueueDepth: number;
  /** failed deliveries of one message before it is dead-lettered (header delivery-count reaching it) */
  maxDeliveryCount: number;
  /** idle-time-out announced in the broker's open, in ms (0 = none); a peer silent for twice as long is closed */
  idleTimeoutMs: number;
}

export const DEFAULT_LIMITS: Limits = {
  maxConnections: 100,
  maxFrameSize: 65536,
  maxMessageSize: 1024 * 1024,
  maxQueueDepth: 10000,
  maxDeliveryCount: 10,
  idleTimeoutMs: 120_000,
};

const MINIMUM: Limits = { maxConnections: 1, maxFrameSize: 512, maxMessageSize: 1, maxQueueDepth: 1, maxDeliveryCount: 1, idleTimeoutMs: 0 };

/** Defaults filled in; throws an Error naming the option when a value is not a whole number in range. */
export function resolveLimits(opts: Partial<Limits>): Limits {
  const out = { ...DEFAULT_LIMITS };
  for (const key of Object.keys(DEFAULT_LIMITS) as (keyof Limits)[]) {
    const v = opts[key];
    if (v === undefined) continue;
    if (!Number.isSafeInteger(v) || v < MINIMUM[key]) {
      throw new Error(`${key} must be a whole number of at least ${MINIMUM[key]}, got ${String(v)}`);
    }
    out[key] = v;
  }
  return out;
}
