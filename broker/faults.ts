// Faults injected on purpose into the embedded broker, for demos, lessons and tests: restart it,
// cut one client's connection, pause or slow the delivery from a queue, reject the next N messages
// sent to an address. What each one does is what a real broker would do in that situation.
import type { AmqpError } from 'rhea';
import type { QueueNode } from './queueNode.ts';
import type { Outcome } from './settle.ts';

/** What the fault layer needs from the broker (built inside createBroker). */
export interface FaultHost {
  /** open connections: their container-id, and how to end them */
  connections(): { containerId: string | null; close(error: AmqpError): void; destroy(): void }[];
  /** the queue node of an address (created when missing, as an attach would) */
  nodeFor(address: string): QueueNode;
  /** forget every queue (a restart of a broker that keeps nothing on disk); how many messages went */
  clearQueues(): number;
  /** while true, new connections are refused (the broker is "down") */
  setDown(down: boolean): void;
}

export interface RestartOptions {
  /** keep the queues' messages (default false: lost, like a restart of a non-durable broker) */
  keepQueues?: boolean;
  /** how long the broker stays down before accepting connections again (default 1000 ms) */
  downMs?: number;
}

export interface RejectRule {
  remaining: number;
  condition: string;
  description: string;
}

/** What is currently in force, for GET /api/faults. */
export interface FaultState {
  paused: string[];
  slow: { address: string; perSecond: number }[];
  rejecting: { address: string; remaining: number; condition: string }[];
  down: boolean;
}

export interface BrokerFaults {
  restart(opts?: RestartOptions): Promise<{ connections: number; messagesLost: number }>;
  /** Cut the socket of every connection with this container-id (no close frame); how many were cut. */
  dropConnection(containerId: string): number;
  pauseQueue(address: string): void;
  resumeQueue(address: string): void;
  /** Deliver at most `perSecond` messages a second from this address (0 or less lifts the limit). */
  slowQueue(address: string, perSecond: number): void;
  rejectNext(address: string, count: number, condition?: string, description?: string): void;
  /** The outcome a message sent to this address gets instead of being stored, or null. */
  interceptIncoming(address: string): Outcome | null;
  state(): FaultState;
}

export const DEFAULT_REJECT_CONDITION = 'amqp:internal-error';

/** Holds a queue's deliveries: paused, or spaced out to a rate (one message every 1000/N ms). */
class DeliveryThrottle {
  paused = false;
  perSecond = 0;
  /** when the next message may go (ms, Date.now clock) */
  private nextAt = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  constructor(private readonly node: QueueNode) {}

  get active(): boolean {
    return this.paused || this.perSecond > 0;
  }

  allow(): boolean {
    if (this.paused) return false;
    if (this.perSecond <= 0) return true;
    const wait = this.nextAt - Date.now();
    if (wait <= 0) return true;
    this.wakeIn(wait);
    return false;
  }

  taken(): void {
    if (this.perSecond > 0) this.nextAt = Math.max(Date.now(), this.nextAt) + 1000 / this.perSecond;
  }

  private wakeIn(ms: number): void {
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.node.pump();
    }, Math.max(1, Math.ceil(ms)));
    this.timer.unref?.();
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}

export function createFaults(host: FaultHost): BrokerFaults {
  const throttles = new Map<string, DeliveryThrottle>();
  const rejects = new Map<string, RejectRule>();
  let down = false;

  const throttleOf = (address: string): DeliveryThrottle => {
    const node = host.nodeFor(address);
    let t = throttles.get(address);
    if (!t || node.throttle !== t) {
      t = new DeliveryThrottle(node);
      throttles.set(address, t);
      node.throttle = t;
    }
    return t;
  };
  const release = (address: string, t: DeliveryThrottle) => {
    if (t.active) return;
    t.clear();
    throttles.delete(address);
    const node = host.nodeFor(address);
    if (node.throttle === t) node.throttle = undefined;
    node.pump();
  };

  return {
    async restart(opts = {}) {
      const open = host.connections();
      down = true;
      host.setDown(true);
      // as a broker shutting down politely says so; the sockets go a moment later either way
      for (const c of open) c.close({ condition: 'amqp:connection:forced', description: 'the broker is restarting' });
      await new Promise((ok) => setTimeout(ok, 50));
      for (const c of open) c.destroy();
      // links are dropped once each socket has closed: only then are their messages back in the queues
      for (let i = 0; i < 100 && host.connections().length > 0; i++) await new Promise((ok) => setTimeout(ok, 10));
      let messagesLost = 0;
      if (!opts.keepQueues) {
        for (const t of throttles.values()) t.clear();
        throttles.clear();
        rejects.clear();
        messagesLost = host.clearQueues();
      }
      const downMs = Math.max(0, opts.downMs ?? 1000);
      setTimeout(() => {
        down = false;
        host.setDown(false);
      }, downMs).unref?.();
      return { connections: open.length, messagesLost };
    },
    dropConnection(containerId) {
      const matching = host.connections().filter((c) => c.containerId === containerId);
      for (const c of matching) c.destroy();
      return matching.length;
    },
    pauseQueue(address) {
      throttleOf(address).paused = true;
    },
    resumeQueue(address) {
      const t = throttles.get(address);
      if (!t) return;
      t.paused = false;
      release(address, t);
      host.nodeFor(address).pump();
    },
    slowQueue(address, perSecond) {
      const t = throttleOf(address);
      t.perSecond = Math.max(0, Math.floor(perSecond));
      release(address, t);
      host.nodeFor(address).pump();
    },
    rejectNext(address, count, condition = DEFAULT_REJECT_CONDITION, description) {
      if (count <= 0) {
        rejects.delete(address);
        return;
      }
      rejects.set(address, {
        remaining: Math.floor(count),
        condition,
        description: description ?? `rejected on purpose: a fault injected on ${address}`,
      });
    },
    interceptIncoming(address) {
      const rule = rejects.get(address);
      if (!rule) return null;
      if (--rule.remaining <= 0) rejects.delete(address);
      return { kind: 'rejected', condition: rule.condition, description: rule.description };
    },
    state: () => ({
      paused: [...throttles].filter(([, t]) => t.paused).map(([a]) => a),
      slow: [...throttles].filter(([, t]) => t.perSecond > 0).map(([address, t]) => ({ address, perSecond: t.perSecond })),
      rejecting: [...rejects].map(([address, r]) => ({ address, remaining: r.remaining, condition: r.condition })),
      down,
    }),
  };
}
