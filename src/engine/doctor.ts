// The connection doctor: turns every failure into an errorDetail that keeps the broker's words and says what to do.
import type { ErrorDetail } from './events.ts';
import type { SocketEnd } from './frameTap.ts';

/** Project conditions for failures below AMQP (the broker never got to answer). */
export const CONDITIONS = {
  invalidUrl: 'amqp-flow:invalid-url',
  noUrl: 'amqp-flow:no-url',
  connectionRefused: 'amqp-flow:connection-refused',
  hostNotFound: 'amqp-flow:host-not-found',
  websocketRejected: 'amqp-flow:websocket-rejected',
  noSubprotocol: 'amqp-flow:no-subprotocol',
  websocketFailed: 'amqp-flow:websocket-failed',
  connectionLost: 'amqp-flow:connection-lost',
  parentFailed: 'amqp-flow:parent-failed',
  closedByBroker: 'amqp-flow:closed-by-broker',
  timeout: 'amqp-flow:timeout',
} as const;

const HINTS: Record<string, string> = {
  'amqp:unauthorized-access':
    "The broker refused these credentials. Check the connection's SASL mechanism, user name and password.",
  'amqp:not-found': 'The broker has no node at this address. Check the address, or create the queue first.',
  'amqp:not-allowed': 'The broker does not allow this operation on this address for this user.',
  'amqp:resource-limit-exceeded':
    'A broker limit was reached (too many links or messages, a full queue, or an idle timeout). Free capacity or raise the limit.',
  'amqp:resource-deleted': 'The address was deleted on the broker while the link was attached.',
  'amqp:resource-locked': 'Another client holds this address exclusively.',
  'amqp:precondition-failed': "The broker's preconditions for this address did not hold (e.g. conflicting queue settings).",
  'amqp:invalid-field': 'The broker rejected a field of a frame or message. Check the node props.',
  'amqp:decode-error': 'The broker could not decode what was sent.',
  'amqp:not-implemented': 'The broker does not implement this feature (for example dynamic links).',
  'amqp:internal-error': 'The broker had an internal error; its description says more.',
  'amqp:illegal-state': 'The broker received a frame it did not expect in this state.',
  'amqp:frame-size-too-small': 'Raise the connection’s max frame size (at least 512).',
  'amqp:connection:forced': 'The broker shut the connection (administrator action or broker shutdown).',
  'amqp:connection:framing-error': 'The byte stream was not valid AMQP; check that the URL is an AMQP endpoint.',
  'amqp:connection:redirect': 'The broker redirects to another host; connect there instead.',
  'amqp:session:window-violation': 'Too many transfers for the session window; lower the session’s outgoing window.',
  'amqp:link:detach-forced': 'The broker detached the link (administrator action or address removed).',
  'amqp:link:message-size-exceeded': 'The message is larger than the link allows; send a smaller body.',
  'amqp:link:stolen': 'Another link with the same name attached and took over this one.',
  'amqp:link:transfer-limit-exceeded': 'The sender sent more than its credit allowed.',
};

/** The broker's own condition and words, plus a hint. */
export function explain(condition: string | undefined, description: string | undefined, fallbackHint?: string): ErrorDetail {
  const c = condition || 'amqp:internal-error';
  const d = description || '(no description)';
  let hint = HINTS[c] ?? fallbackHint;
  if (c === 'amqp:unauthorized-access' && /no suitable mechanism/i.test(d)) {
    hint = "The broker does not offer the SASL mechanism this connection asked for (see its list in the description). Change the connection's SASL mechanism.";
  } else if (c === 'amqp:invalid-field' && /Unrecognised state: \{'v1_0\.modified'/.test(d)) {
    // RabbitMQ 3.x ends the session on any `modified` outcome from a consumer.
    hint = 'This broker does not accept the modified outcome (RabbitMQ 3.x ends the session). Settle as released to requeue the message, or rejected to drop it.';
  } else if (c === 'amqp:resource-limit-exceeded' && /idle/i.test(d)) {
    hint = 'Nothing arrived within the idle timeout. Raise the connection’s idle timeout, or check that the broker is still alive.';
  }
  return hint ? { condition: c, description: d, hint } : { condition: c, description: d };
}

/** An error object from rhea (`{condition, description}`) or a JS Error. */
export function explainError(err: unknown, fallbackHint?: string): ErrorDetail {
  if (err && typeof err === 'object') {
    const e = err as { condition?: unknown; description?: unknown; message?: unknown };
    const condition = typeof e.condition === 'string' ? e.condition : undefined;
    const description = typeof e.description === 'string' ? e.description : typeof e.message === 'string' ? e.message : undefined;
    if (condition || description) return explain(condition, description, fallbackHint);
  }
  return explain(undefined, err === undefined ? undefined : String(err), fallbackHint);
}

/** Checks a connection URL before anything is opened; null when fine. */
export function checkUrl(url: string | undefined): ErrorDetail | null {
  if (!url) {
    return {
      condition: CONDITIONS.noUrl,
      description: 'This connection has no URL and none was given for the run.',
      hint: 'Set the connection’s URL (ws://host:port/path), or pass --url on the command line.',
    };
  }
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { condition: CONDITIONS.invalidUrl, description: `"${url}" is not a URL.`, hint: 'Write it as ws://host:port/path or wss://host:port/path.' };
  }
  if (parsed.protocol !== 'ws:' && parsed.protocol !== 'wss:') {
    return {
      condition: CONDITIONS.invalidUrl,
      description: `"${url}" uses ${parsed.protocol.replace(':', '')}; only ws:// and wss:// are supported.`,
      hint: 'AMQP runs over WebSocket here: use ws://host:port/path (or wss:// for TLS). For a plain TCP broker put a WebSocket bridge such as websockify in front.',
    };
  }
  return null;
}

/** A WebSocket that closed without an AMQP close: what happened, in plain words. */
export function diagnoseSocketEnd(url: string, end: SocketEnd, subprotocols: string[]): ErrorDetail {
  const m = end.errorMessage ?? '';
  const status = /Unexpected server response: (\d+)/.exec(m)?.[1];
  if (/ECONNREFUSED/.test(m)) {
    return { condition: CONDITIONS.connectionRefused, description: m, hint: `Nothing is listening at ${url}. Start the broker, or check the host and port.` };
  }
  if (/ENOTFOUND|EAI_AGAIN/.test(m)) {
    return { condition: CONDITIONS.hostNotFound, description: m, hint: `The host name in ${url} does not resolve. Check its spelling.` };
  }
  if (status) {
    const n = Number(status);
    const why =
      n === 400
        ? `The server refused the WebSocket upgrade (HTTP 400). A WebSocket bridge such as websockify answers 400 when none of the offered subprotocols (${subprotocols.join(', ')}) is acceptable: offer "binary" or none.`
        : n === 404
          ? 'The server has no WebSocket endpoint at this path (HTTP 404). Check the path of the URL.'
          : n === 401 || n === 403
            ? `The server refused the WebSocket upgrade (HTTP ${n}): it wants authentication or does not allow this origin.`
            : `The server answered HTTP ${n} instead of upgrading to WebSocket. Check that the URL points at an AMQP WebSocket endpoint.`;
    return { condition: CONDITIONS.websocketRejected, description: m, hint: why };
  }
  if (/no subprotocol/i.test(m) || /subprotocol/i.test(m)) {
    return {
      condition: CONDITIONS.noSubprotocol,
      description: m,
      hint: `The server accepted the WebSocket but agreed to none of the offered subprotocols (${subprotocols.join(', ')}). Offer one it supports: "amqp" (AMQP WebSocket binding), "AMQPWSB10" or "binary" (websockify).`,
    };
  }
  if (!end.opened) {
    const desc = m || `The WebSocket to ${url} closed before it opened${end.code ? ` (code ${end.code})` : ''}.`;
    return {
      condition: CONDITIONS.websocketFailed,
      description: desc,
      hint:
        'The browser does not say why a WebSocket fails. Likely causes: nothing is listening at this host and port; ' +
        'the path is not a WebSocket endpoint; the server refused the offered subprotocols (websockify needs "binary"); ' +
        'a wss:// certificate is not trusted; or a proxy blocks WebSocket.',
    };
  }
  return {
    condition: CONDITIONS.connectionLost,
    description: m || `The WebSocket closed without an AMQP close${end.code ? ` (code ${end.code}${end.reason ? `: ${end.reason}` : ''})` : ''}.`,
    hint: 'The broker went away or the network dropped. Check that the broker is still running; enable reconnect to retry on its own.',
  };
}
