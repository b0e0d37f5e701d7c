// The `$cbs` node: claims-based security put-token requests, answered the way Azure answers them
// (application-properties status-code / status-description, correlation-id = request message-id),
// so the CBS handshake can be practised offline. Tokens are not checked: this is a sandbox.
import rhea from 'rhea';
import type { Message } from 'rhea';

export const CBS_ADDRESS = '$cbs';

/** The reply to a request, or null when the message asks for nothing (no operation, or no reply-to). */
export function cbsReply(request: Message): Message | null {
  const props = (request.application_properties ?? {}) as Record<string, unknown>;
  const operation = props.operation;
  if (operation === undefined || request.reply_to === undefined || request.reply_to === null) return null;
  const { code, description } = judge(operation, props, request.body);
  const reply: Message = {
    to: request.reply_to,
    // an int, as Azure documents it: .NET clients fail on the uint a plain number would become
    application_properties: { 'status-code': rhea.types.wrap_int(code), 'status-description': description },
    body: null,
  };
  if (request.message_id !== undefined) reply.correlation_id = request.message_id;
  return reply;
}

function judge(operation: unknown, props: Record<string, unknown>, body: unknown): { code: number; description: string } {
  if (operation !== 'put-token') {
    return { code: 400, description: `Bad request: unknown operation ${JSON.stringify(operation)}; this node understands "put-token"` };
  }
  const missing = ['type', 'name'].filter((k) => typeof props[k] !== 'string' || props[k] === '');
  if (missing.length) {
    return { code: 400, description: `Bad request: put-token needs application-properties ${missing.map((k) => `"${k}"`).join(' and ')} (strings)` };
  }
  if (typeof body !== 'string' || body === '') {
    return { code: 400, description: 'Bad request: put-token needs the token as a string body' };
  }
  return { code: 202, description: 'Accepted' };
}
