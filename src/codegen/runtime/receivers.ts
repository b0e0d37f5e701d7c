// ---- receivers: addresses (for replyTo) and controls ----
import type { Delivery, Message, Receiver } from './header.ts';
import { print, type ErrorDetail } from './commandLine.ts';
import { SenderQueue } from './senderQueue.ts';
import { settle } from './transfers.ts';
import { stopping } from './runEnd.ts';
const receiverAddress = new Map<string, string | null>();
export const addressWaiters = new Map<string, ((address: string | null) => void)[]>();
export const receiverLinks = new Map<string, Receiver>();
export const heldDeliveries = new Map<string, Map<number, Delivery>>();
/** The error condition and description a receiver's "reject" carries (its rejectCondition / rejectDescription). */
export const rejectErrors = new Map<string, { condition: string; description: string }>();
/** The receiver's address once it is open (a dynamic one is chosen by the broker), or null if it never opens. */
function addressOf(receiver: string): Promise<string | null> {
  if (receiverAddress.has(receiver)) return Promise.resolve(receiverAddress.get(receiver) ?? null);
  return new Promise((resolve) => addressWaiters.set(receiver, [...(addressWaiters.get(receiver) ?? []), resolve]));
}
export function receiverSettled(receiver: string, address: string | null): void {
  if (!receiverAddress.has(receiver) || address !== null) receiverAddress.set(receiver, address);
  for (const wake of addressWaiters.get(receiver) ?? []) wake(receiverAddress.get(receiver) ?? null);
  addressWaiters.delete(receiver);
}
/** A transfer whose replyTo names a receiver node: it is queued once that receiver is open. */
export function withReplyTo(receiver: string, queue: SenderQueue, transfer: string, attempt: number, build: (replyTo: string) => Message): void {
  void addressOf(receiver).then((address) => {
    if (address === null || stopping) settle({ transfer, attempt, build: () => ({ body: null }) }, 'unsent', { note: 'reply-to receiver "' + receiver + '" never opened' });
    else queue.enqueue({ transfer, attempt, build: () => build(address) });
  });
}
export function hold(receiver: string, delivery: Delivery): void {
  const held = heldDeliveries.get(receiver) ?? new Map<number, Delivery>();
  held.set(delivery.id, delivery);
  heldDeliveries.set(receiver, held);
}
/** Why a WebSocket ended without an AMQP close, in the engine's words. */
export function socketFailure(err: unknown): ErrorDetail {
  const message = String((err as { message?: unknown } | undefined)?.message ?? err ?? '');
  if (/ECONNREFUSED/.test(message)) return { condition: 'amqp-flow:connection-refused', description: message };
  if (/ENOTFOUND|EAI_AGAIN/.test(message)) return { condition: 'amqp-flow:host-not-found', description: message };
  if (/Unexpected server response/.test(message)) return { condition: 'amqp-flow:websocket-rejected', description: message };
  return { condition: 'amqp-flow:connection-lost', description: message || 'The WebSocket closed without an AMQP close.' };
}
/** A connection needs a ws:// or wss:// URL; without one the program stops before opening anything. */
export function requireUrl(node: string, url: string): string {
  if (!url) {
    console.error(node + '.url: connection "' + node + '" has no URL; pass --url <ws-url> or set its url');
    process.exit(2);
  }
  if (!/^wss?:[/][/][^/]/.test(url)) {
    console.error(node + '.url: "' + url + '" is not a ws:// or wss:// URL; write it as ws://host:port/path');
    process.exit(2);
  }
  return url;
}

/** A secret (password, token) comes from the environment, never from the file; without it the program stops before opening anything. */
export function secretFromEnv(name: string, what: string): string {
  const value = process.env[name];
  if (!value) {
    console.error(name + ': set this environment variable to ' + what + ' (the export never holds secrets)');
    process.exit(2);
  }
  return value;
}

const PROPERTY_NAMES: Record<string, string> = {
  message_id: 'messageId', user_id: 'userId', to: 'to', subject: 'subject', reply_to: 'replyTo', correlation_id: 'correlationId',
  content_type: 'contentType', content_encoding: 'contentEncoding', absolute_expiry_time: 'absoluteExpiryTime', creation_time: 'creationTime',
  group_id: 'groupId', group_sequence: 'groupSequence', reply_to_group_id: 'replyToGroupId', durable: 'durable', priority: 'priority',
  ttl: 'ttlMs', first_acquirer: 'firstAcquirer', delivery_count: 'deliveryCount',
};
function jsonSafe(v: unknown): unknown {
  if (v === undefined || v === null) return null;
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'bigint') return v.toString();
  if (Buffer.isBuffer(v)) return { binary: v.toString('hex') };
  if (Array.isArray(v)) return v.map(jsonSafe);
  if (typeof v === 'object') {
    const typed = v as { typecode?: unknown; value?: unknown };
    if (typed.typecode !== undefined && 'value' in typed) return jsonSafe(typed.value);
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, jsonSafe(x)]));
  }
  return v;
}
/** A received message as plain JSON, with properties under the transfer props' names. */
export function readMessage(m: Message): { body: unknown; properties: Record<string, unknown>; applicationProperties: Record<string, unknown> } {
  const raw = m as unknown as Record<string, unknown>;
  const properties: Record<string, unknown> = {};
  for (const [amqpName, name] of Object.entries(PROPERTY_NAMES)) if (raw[amqpName] !== undefined && raw[amqpName] !== null) properties[name] = jsonSafe(raw[amqpName]);
  return { body: jsonSafe(m.body), properties, applicationProperties: (jsonSafe(m.application_properties ?? {}) ?? {}) as Record<string, unknown> };
}
/** Settles one received delivery and reports it. */
export function settleReceived(receiver: string, delivery: Delivery, outcome: 'accepted' | 'rejected' | 'released' | 'modified'): void {
  if (outcome === 'accepted') delivery.accept();
  else if (outcome === 'rejected') delivery.reject(rejectErrors.get(receiver) ?? { condition: 'amqp:precondition-failed', description: 'Rejected by hand in AMQP Flow' });
  else if (outcome === 'released') delivery.release();
  else delivery.modified({ delivery_failed: true, undeliverable_here: false });
  print(receiver, 'MESSAGE_SETTLED', { deliveryId: delivery.id, outcome });
}
