// The embedded broker's public shape: its options, what `createBroker` returns, and the rows the
// management API shows (GET /api/queues, GET /api/connections).
import type { IncomingMessage } from 'node:http';
import type { WebSocket } from 'ws';
import type { RawSocket } from './rawSocket.ts';
import type { Limits } from './limits.ts';
import type { BrokerFaults } from './faults.ts';

export interface BrokerOptions {
  /** user → password; when given, SASL PLAIN is required and ANONYMOUS is not offered */
  users?: Record<string, string>;
  maxConnections?: number;
  maxFrameSize?: number;
  maxMessageSize?: number;
  maxQueueDepth?: number;
  /** failed deliveries before a message goes to `<address>.dlq` (default 10) */
  maxDeliveryCount?: number;
  /** idle-time-out the broker announces, ms (default 120000; 0 = none) */
  idleTimeoutMs?: number;
  /** container-id the broker announces in its open frame */
  containerId?: string;
}

export interface QueueInfo {
  address: string;
  depth: number;
  consumers: number;
  enqueued: number;
  dequeued: number;
  deadLettered: number;
  dynamic: boolean;
}

export interface ConnectionInfo {
  id: string;
  containerId: string | null;
  remote: string;
  transport: 'ws' | 'tcp';
  sessions: number;
  links: number;
  openedAt: string;
}

export interface Broker {
  readonly limits: Limits;
  acceptWebSocket(ws: WebSocket, req?: IncomingMessage): void;
  /** accept any byte transport (used by the WebSocket and TCP listeners) */
  acceptSocket(raw: RawSocket): void;
  listenTcp(opts: { host?: string; port: number }): Promise<{ port: number; close(): Promise<void> }>;
  queues(): QueueInfo[];
  connections(): ConnectionInfo[];
  /** faults injected on purpose (restart, drop a connection, pause/slow a queue, reject the next N) */
  readonly faults: BrokerFaults;
  close(): Promise<void>;
}
