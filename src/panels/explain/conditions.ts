// Every error condition of the spec (§2.8.15 … §2.8.18) and AMQP Flow's own (`amqp-flow:*`, failures below
// AMQP that no broker reports), in plain words with what to do next.
import type { ConditionEntry } from './glossaryTypes.ts';

const amqp = (meaning: string, next: string): ConditionEntry => ({ section: '§2.8.15', meaning, next });
const connection = (meaning: string, next: string): ConditionEntry => ({ section: '§2.8.16', meaning, next });
const session = (meaning: string, next: string): ConditionEntry => ({ section: '§2.8.17', meaning, next });
const link = (meaning: string, next: string): ConditionEntry => ({ section: '§2.8.18', meaning, next });
const project = (meaning: string, next: string): ConditionEntry => ({ section: 'AMQP Flow', meaning, next });

export const CONDITIONS: Readonly<Record<string, ConditionEntry>> = {
  'amqp:internal-error': amqp('Something went wrong inside the peer itself.', 'Read the description; the peer’s operator may need to act.'),
  'amqp:not-found': amqp('The address (queue, node) asked for does not exist on the peer.', 'Check the address, or create the queue on the broker first.'),
  'amqp:unauthorized-access': amqp('The peer refuses access: wrong credentials, or no permission for this address.', 'Check the connection’s SASL mechanism, user and password, and the user’s rights.'),
  'amqp:decode-error': amqp('The peer could not decode what it received.', 'A client or broker bug, or a message the broker cannot read.'),
  'amqp:resource-limit-exceeded': amqp('A limit was reached: too many connections, links or messages, a full queue, or no heartbeat within the idle timeout.', 'Free capacity or raise the limit; for an idle timeout, check the broker is alive.'),
  'amqp:not-allowed': amqp('The frame was used in a way the spec does not allow, or the operation is not permitted here.', 'Check what the flow does on this address; the description usually names it.'),
  'amqp:invalid-field': amqp('A field of a frame had a value the peer could not accept.', 'Check the node props that set it; the description names the field.'),
  'amqp:not-implemented': amqp('The peer does not implement what was asked (for example dynamic links or an outcome).', 'Use a feature the broker supports.'),
  'amqp:resource-locked': amqp('Another client is using the entity exclusively.', 'Wait for the other client, or use another address.'),
  'amqp:precondition-failed': amqp('The request was refused because a precondition did not hold (the embedded broker: a message without “to” on an anonymous sender).', 'Read the description for the precondition; fix the props it names.'),
  'amqp:resource-deleted': amqp('The entity was deleted while in use.', 'Recreate the address, then attach again.'),
  'amqp:illegal-state': amqp('A frame arrived that is not allowed in the session’s current state.', 'A protocol bug in one of the peers.'),
  'amqp:frame-size-too-small': amqp('A frame cannot be made small enough for the agreed max-frame-size.', 'Raise the connection’s max frame size (at least 512).'),
  'amqp:connection:forced': connection('An operator (or a shutdown) closed the connection; the client may retry later.', 'Reconnect later, or turn on the connection’s reconnect.'),
  'amqp:connection:framing-error': connection('The bytes received do not form valid frames (or a frame is over the max-frame-size).', 'Check that the URL is an AMQP endpoint, and the frame sizes.'),
  'amqp:connection:redirect': connection('The container lives elsewhere now; the error’s info says where.', 'Connect to the host in the info instead.'),
  'amqp:session:window-violation': session('The peer sent more transfers than the session’s incoming window allowed.', 'Lower the outgoing window, or raise the incoming window.'),
  'amqp:session:errant-link': session('Frames arrived for a link that was already detached with an error.', 'A protocol bug in one of the peers.'),
  'amqp:session:handle-in-use': session('An attach used a handle that an attached link already has.', 'A protocol bug in one of the peers.'),
  'amqp:session:unattached-handle': session('A frame referred to a handle with no link attached.', 'A protocol bug, or a frame sent after the link was detached.'),
  'amqp:link:detach-forced': link('An operator (or the broker) detached the link.', 'Attach again, or check whether the address was removed.'),
  'amqp:link:transfer-limit-exceeded': link('The sender sent more messages than its credit allowed.', 'A sender must wait for credit; a client bug.'),
  'amqp:link:message-size-exceeded': link('A message was larger than the link’s max-message-size.', 'Send a smaller body, or raise the broker’s limit.'),
  'amqp:link:redirect': link('The address lives on another container; the error’s info says where.', 'Attach there instead.'),
  'amqp:link:stolen': link('Another link with the same name attached and took this one over.', 'Give each link a unique name, or stop the other client.'),
  'amqp-flow:no-url': project('The connection has no URL and none was given for the run.', 'Fill in the connection’s URL, or pass --url.'),
  'amqp-flow:invalid-url': project('The URL is not a ws:// or wss:// URL.', 'Use ws://host:port/path (the page speaks AMQP over WebSocket).'),
  'amqp-flow:connection-refused': project('Nothing is listening at that host and port.', 'Start the broker, or fix the port.'),
  'amqp-flow:host-not-found': project('The host name does not resolve.', 'Check the host name.'),
  'amqp-flow:websocket-rejected': project('The server answered the WebSocket upgrade with an HTTP error (websockify: 400 for an unacceptable subprotocol).', 'Check the path and the subprotocols (websockify wants “binary”).'),
  'amqp-flow:no-subprotocol': project('The server agreed to none of the offered WebSocket subprotocols.', 'Offer one the server accepts: amqp, AMQPWSB10 or binary.'),
  'amqp-flow:websocket-failed': project('The WebSocket closed before opening, without a reason (browsers never give one).', 'Check the URL, that the server speaks WebSocket, and TLS for wss://.'),
  'amqp-flow:connection-lost': project('The socket closed after opening, without an AMQP close.', 'The broker went away or the network dropped; turn on reconnect to ride it out.'),
  'amqp-flow:parent-failed': project('This session or link closed because its connection or session failed.', 'Look at the parent node’s error.'),
  'amqp-flow:closed-by-broker': project('The broker closed this node’s parent without an error, so this child closed with it.', 'Look at the parent node; the broker ended it on purpose.'),
  'amqp-flow:timeout': project('The run’s time limit passed before everything finished.', 'Raise --timeout-ms, or look for transfers waiting for credit.'),
  'amqp-flow:cbs-rejected': project('The $cbs put-token request was answered with an error status.', 'Check the token, its audience (name) and type.'),
  'amqp-flow:cbs-timeout': project('No answer came to the $cbs put-token request in time.', 'Check that the broker supports $cbs and that the reply receiver is attached.'),
};

/** The entry for a condition; one not in the spec or ours still gets a plain reading. */
export function conditionEntry(condition: string): ConditionEntry {
  return (
    CONDITIONS[condition] ?? {
      section: '§2.8.14',
      meaning: 'A condition defined by this broker, not by the AMQP specification.',
      next: 'Read the description; the broker’s documentation names its conditions.',
    }
  );
}
