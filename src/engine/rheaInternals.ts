// Every place the engine reaches past rhea's published typings, typed once: fields rhea keeps on its
// connections, sessions, links and deliveries (rhea 3) that its .d.ts leaves out. Nothing else casts rhea.
import rhea from 'rhea';
import type { Connection, ConnectionOptions, Container, Delivery, link as Link, Sender, Session } from 'rhea';

/** rhea's SASL client mechanisms object (typed as an opaque map upstream). */
interface SaslMechanisms {
  enable_plain(username: string, password: string): void;
  enable_anonymous(username?: string): void;
}

/** What rhea keeps on a Connection. */
interface ConnectionInternals {
  options?: { reconnect?: unknown; reconnect_limit?: number };
  local?: { close?: { error?: unknown } };
  socket?: { end(): void };
  /** called when nothing arrived for twice the idle timeout */
  idle?: () => void;
  set_reconnect?(reconnect: boolean): void;
  scheduled_reconnect?: ReturnType<typeof setTimeout>;
}

interface SessionInternals {
  outgoing?: { window: number; next_pending_delivery?: number };
  local?: { begin?: { outgoing_window: number } };
}

interface LinkInternals {
  credit?: number;
  delivery_count?: number;
  target?: { address?: string };
  source?: { address?: string };
}

interface DeliveryStateInternals {
  constructor?: { composite_type?: string };
  error?: unknown;
  delivery_failed?: boolean;
  undeliverable_here?: boolean;
}

const connectionOf = (c: Connection) => c as unknown as ConnectionInternals;
const sessionOf = (s: Session) => s as unknown as SessionInternals;
const linkOf = (l: Link) => l as unknown as LinkInternals;

/** Options rhea accepts but its ConnectionOptions type does not list (a custom `connection_details`, `non_fatal_errors`). */
export type LooseConnectionOptions = Record<string, unknown>;

export function connect(container: Container, options: LooseConnectionOptions): Connection {
  return container.connect(options as unknown as ConnectionOptions);
}

export function saslMechanisms(mechanism: 'ANONYMOUS' | 'PLAIN', username?: string, password?: string): SaslMechanisms {
  const sasl = rhea.sasl.client_mechanisms() as unknown as SaslMechanisms;
  if (mechanism === 'PLAIN') sasl.enable_plain(username ?? '', password ?? '');
  else sasl.enable_anonymous(username);
  return sasl;
}

/** Runs `before` each time rhea gives up on a silent peer (idle timeout), then rhea's own handling. */
export function onIdleTimeout(conn: Connection, before: () => void): void {
  const c = connectionOf(conn);
  const idle = c.idle;
  if (typeof idle !== 'function') return;
  c.idle = () => {
    before();
    idle.call(conn);
  };
}

export const reconnectEnabled = (conn: Connection | undefined): boolean => !!(conn && connectionOf(conn).options?.reconnect);
export const reconnectLimit = (conn: Connection | undefined): number | undefined => (conn ? connectionOf(conn).options?.reconnect_limit : undefined);

/** The error of a close we sent ourselves (rhea closes on its own after an idle timeout). */
export const localCloseError = (conn: Connection | undefined): unknown => (conn ? connectionOf(conn).local?.close?.error : undefined);

/** No more reconnect tries (a pending one cancelled), and the socket ended. */
export function abandonConnection(conn: Connection | undefined): void {
  if (!conn) return;
  const c = connectionOf(conn);
  c.set_reconnect?.(false);
  if (c.scheduled_reconnect !== undefined) {
    clearTimeout(c.scheduled_reconnect);
    c.scheduled_reconnect = undefined;
  }
  try {
    c.socket?.end();
  } catch {
    /* already gone */
  }
}

/** rhea always advertises the largest outgoing window; the session node may ask for another. */
export function setOutgoingWindow(ssn: Session, window: number): void {
  const s = sessionOf(ssn);
  if (s.outgoing) s.outgoing.window = window;
  if (s.local?.begin) s.local.begin.outgoing_window = window;
}

/** The id of the next delivery the session has not yet written to the socket (Infinity when unknown). */
export const nextUnwrittenDelivery = (link: Sender): number => sessionOf(link.session).outgoing?.next_pending_delivery ?? Infinity;

/** rhea keeps credit and delivery-count on every link but its typings leave them out. */
export function linkCounters(link: Link): { credit: number; deliveryCount: number } {
  const l = linkOf(link);
  return { credit: l.credit ?? 0, deliveryCount: l.delivery_count ?? 0 };
}

/** The address the broker confirmed at attach (target for senders, source for receivers). */
export const attachedAddress = (link: Link, end: 'target' | 'source'): string | undefined => linkOf(link)[end]?.address;

/** The outcome the peer gave a delivery: its type name (`accepted`, `received`, …) and details. */
export function remoteOutcome(delivery: Delivery): { kind?: string; error?: unknown; deliveryFailed: boolean; undeliverableHere: boolean } {
  const state = delivery.remote_state as DeliveryStateInternals | undefined;
  return {
    kind: state?.constructor?.composite_type,
    error: state?.error,
    deliveryFailed: !!state?.delivery_failed,
    undeliverableHere: !!state?.undeliverable_here,
  };
}
