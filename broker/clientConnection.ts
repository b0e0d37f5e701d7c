// One client connection as the broker keeps it: its transport, its rhea connection, the consumers
// and producers it opened; and how it is ended with an AMQP error (a close frame written at once).
import { createRequire } from 'node:module';
import type { AmqpError, Connection } from 'rhea';
import type { RawSocket } from './rawSocket.ts';
import type { Consumer } from './outgoing.ts';
import type { Producer } from './incoming.ts';

export interface Conn {
  id: string;
  raw: RawSocket;
  amqp: Connection;
  openedAt: string;
  /** within max-connections; a connection beyond it is opened only to be closed with the reason */
  counted: boolean;
  consumers: Set<Consumer>;
  producers: Set<Producer>;
  gone: boolean;
}

export interface ConnectionInternals {
  _process(): void;
  state: { local_open: boolean; remote_open: boolean };
  local_channel_map: Record<string, SessionInternals | undefined>;
}
interface SessionInternals { is_open(): boolean; links: Record<string, { is_open(): boolean } | undefined> }
interface FramesInternals {
  write_frame(frame: unknown): Buffer;
  amqp_frame(channel: number, performative: unknown): unknown;
  close(fields: { error: AmqpError }): unknown;
}

const framesModule = createRequire(import.meta.url)('rhea/lib/frames.js') as FramesInternals;

/** The AMQP condition for an error rhea raised while reading a peer's frames. */
export function conditionFor(e: unknown, fallback: string): AmqpError {
  const description = String((e as Error)?.message ?? e);
  if (/already received|after detach|frame sequence|on sending link/i.test(description)) return { condition: 'amqp:illegal-state', description: `frame out of order: ${description}` };
  if (/invalid handle/i.test(description)) return { condition: 'amqp:session:unattached-handle', description };
  if (/remote channel/i.test(description)) return { condition: 'amqp:connection:framing-error', description };
  return { condition: fallback, description };
}

/** Write a close frame carrying the error now (when the open exchange happened), then end. */
export function closeWithError(conn: Conn, error: AmqpError): void {
  const state = (conn.amqp as unknown as ConnectionInternals).state;
  if (state.local_open && state.remote_open) {
    try {
      conn.raw.write(framesModule.write_frame(framesModule.amqp_frame(0, framesModule.close({ error }))));
    } catch {
      // nothing more can be said on this connection
    }
  }
  conn.raw.end();
}

/** The connection's open sessions and their open links, for GET /api/connections. */
export function openSessions(conn: Conn): { sessions: number; links: number } {
  const sessions = Object.values((conn.amqp as unknown as ConnectionInternals).local_channel_map).filter((s) => s?.is_open());
  return { sessions: sessions.length, links: sessions.reduce((n, s) => n + Object.values(s!.links).filter((l) => l?.is_open()).length, 0) };
}
