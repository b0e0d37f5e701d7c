// Builds the AMQP message of one transfer attempt from the transfer node's props, and reads received ones back.
import type { Message } from 'rhea';
import type { TransferProps } from '../graph/types.ts';
import { toJsonSafe } from './frameDecoder.ts';
import { bodySection, type BodySection } from './bodySection.ts';
import { typedApplicationProperties } from './amqpNumbers.ts';
import { applicationPropertyTypesOf, keepEncodedApplicationProperties } from './receivedTypes.ts';

keepEncodedApplicationProperties();

/** `@<receiverNodeId>` in replyTo names a receiver node whose (possibly dynamic) address is used. */
export function replyToReceiver(replyTo: string | undefined): string | null {
  return replyTo && replyTo.startsWith('@') && replyTo.length > 1 ? replyTo.slice(1) : null;
}

export function defaultMessageId(transferNodeId: string, attempt: number): string {
  return `${transferNodeId}-${attempt}`;
}

/** String bodies and JSON values both go as one amqp-value section. */
export function buildMessage(p: TransferProps, transferNodeId: string, attempt: number, replyToAddress?: string): Message {
  const m: Message = { body: p.body === undefined ? null : p.body };
  m.message_id = p.messageId ?? defaultMessageId(transferNodeId, attempt);
  if (p.contentType !== undefined) m.content_type = p.contentType;
  if (p.subject !== undefined) m.subject = p.subject;
  if (p.correlationId !== undefined) m.correlation_id = p.correlationId;
  const replyTo = replyToReceiver(p.replyTo) ? replyToAddress : p.replyTo;
  if (replyTo !== undefined) m.reply_to = replyTo;
  if (p.to !== undefined) m.to = p.to;
  if (p.applicationProperties && Object.keys(p.applicationProperties).length) m.application_properties = typedApplicationProperties(p.applicationProperties, p.applicationPropertyTypes);
  if (p.durable !== undefined) m.durable = p.durable;
  if (p.ttlMs !== undefined && p.ttlMs > 0) m.ttl = p.ttlMs;
  return m;
}

const PROPERTY_NAMES: Record<string, string> = {
  message_id: 'messageId',
  user_id: 'userId',
  to: 'to',
  subject: 'subject',
  reply_to: 'replyTo',
  correlation_id: 'correlationId',
  content_type: 'contentType',
  content_encoding: 'contentEncoding',
  absolute_expiry_time: 'absoluteExpiryTime',
  creation_time: 'creationTime',
  group_id: 'groupId',
  group_sequence: 'groupSequence',
  reply_to_group_id: 'replyToGroupId',
  durable: 'durable',
  priority: 'priority',
  ttl: 'ttlMs',
  first_acquirer: 'firstAcquirer',
  delivery_count: 'deliveryCount',
};

/**
 * A received message as plain JSON: its body (bytes of data sections and binary values as
 * { length, base64, hex, utf8? }), which body section carried it, the properties and header
 * fields under the transfer props' names, the AMQP type each application property arrived as, and
 * its message-annotations when it has any.
 */
export function readMessage(m: Message): {
  body: unknown;
  bodySection: BodySection;
  properties: Record<string, unknown>;
  applicationProperties: Record<string, unknown>;
  messageAnnotations?: Record<string, unknown>;
  applicationPropertyTypes?: Record<string, string>;
} {
  const properties: Record<string, unknown> = {};
  const raw = m as unknown as Record<string, unknown>;
  for (const [amqpName, name] of Object.entries(PROPERTY_NAMES)) {
    const v = raw[amqpName];
    if (v !== undefined && v !== null) properties[name] = toJsonSafe(v);
  }
  const applicationProperties = (toJsonSafe(m.application_properties ?? {}) ?? {}) as Record<string, unknown>;
  const section = bodySection(m.body);
  const body = section.kind === 'data' ? section.bytes : section.kind === 'none' ? null : section.value;
  // message-annotations only when there are some (a dead letter's reason, a broker's x-opt-… fields)
  const annotations = m.message_annotations && Object.keys(m.message_annotations).length ? (toJsonSafe(m.message_annotations) as Record<string, unknown>) : undefined;
  const received = applicationPropertyTypesOf(m);
  return {
    body, bodySection: section, properties, applicationProperties,
    ...(received ? { applicationPropertyTypes: received } : {}),
    ...(annotations ? { messageAnnotations: annotations } : {}),
  };
}
