// Each prop's help line in the Inspector and the README's props table, apart from PROP_DOCS so the
// first bundle (which checks and saves props) does not carry the texts only a selected node shows.
import { DEFAULT_REJECT_DESCRIPTION } from './rejectCondition.ts';
import type { NodeKind, PropsByKind } from './types.ts';

export const PROP_HELP: { readonly [K in NodeKind]: { readonly [F in keyof PropsByKind[K] & string]?: string } } = {
  connection: {
    url: 'ws:// or wss:// address of the broker. Leave empty for the embedded broker this page was served with.',
    subprotocols: 'Offered in order: websockify proxies take "binary", Azure "AMQPWSB10", the OASIS binding "amqp".',
    containerId: 'Sent in the open frame. Leave empty for a generated one.',
    hostname: 'Virtual host sent in the open frame (some brokers need it, e.g. the Azure namespace).',
    sasl: 'ANONYMOUS sends no credentials; PLAIN sends username and password (use wss:// for real brokers).',
    idleTimeoutMs: 'Asks the broker to send a frame at least this often; 0 or empty turns heartbeats off.',
    maxFrameSize: 'Largest frame this side accepts (at least 512). Leave empty to keep the default of rhea, the AMQP client.',
    channelMax: 'Highest session channel number this side accepts (0–65535).',
    reconnect: 'Reopen the connection when the socket drops.',
    cbs: 'Azure claims-based security: paste your SAS token as it is ("SharedAccessSignature sr=…&sig=…&se=…&skn=…"), or JSON { "token", "audience", "tokenType", "renewEveryMs" }. The token is put to "$cbs" before the sessions begin and again every renewEveryMs (default 45 minutes); audience defaults to amqps://<host>/, tokenType to servicebus.windows.net:sastoken.',
  },
  session: {
    incomingWindow: 'Transfer frames the broker may send before this session grants more. Leave empty to keep the default of rhea, the AMQP client.',
    outgoingWindow: 'Transfer frames this session may send before the broker grants more. Leave empty to keep the default of rhea, the AMQP client.',
  },
  sender: {
    address: 'Target node on the broker (a queue, topic or "$cbs"). Empty: an anonymous sender; each transfer then needs a "to".',
    sndSettleMode: '"settled" sends fire-and-forget (no outcome comes back); "unsettled" always waits for the outcome.',
    rcvSettleMode: '"second" asks the broker to settle only after this side settles (two-step).',
  },
  receiver: {
    address: 'Source node on the broker to receive from. Leave empty for a dynamic receiver.',
    creditWindow: 'Credit kept topped up automatically; 0 means manual credit (grant it from the canvas).',
    initialCredit: 'Manual credit mode only: credit granted when the link attaches.',
    autoAccept: 'Accept every message on arrival; off: settle each one by hand.',
    rcvSettleMode: '"second" settles only after the broker settles (two-step).',
    dynamic: 'Ask the broker to create a temporary address (for replies); a transfer can point its replyTo at it with "@<receiver id>".',
    rejectCondition: 'The error condition a Reject of this receiver carries (a broker shows it as the dead-letter reason). A file may also name a symbol of its own namespace, e.g. "com.example:too-late".',
    rejectDescription: `The words a Reject carries with its condition; empty: "${DEFAULT_REJECT_DESCRIPTION}".`,
  },
  transfer: {
    body: 'A string, or any JSON value; sent as an AMQP value section.',
    contentType: 'MIME type of the body, e.g. "application/json".',
    subject: 'Application-defined subject.',
    messageId: 'Identifies the message; replies carry it as their correlation id.',
    correlationId: 'Id of the message this one answers.',
    replyTo: 'Address for replies, or "@<receiver id>" for the (possibly dynamic) address of a receiver node.',
    to: 'Destination address; needed when the sender has no address.',
    applicationProperties: 'Key → string, number, boolean or null (e.g. operation = put-token for Azure CBS).',
    applicationPropertyTypes: 'Key → the AMQP type that number property goes out as: int, long, double, float, short, byte, uint, ulong, ushort or ubyte (e.g. "status-code": "int"). Unnamed numbers go as int when they fit, else long; fractions as double. A number that does not fit its type (3.5 as int, -1 as uint) is a problem that stops the run.',
    durable: 'Ask the broker to keep the message across restarts.',
    ttlMs: 'The broker may drop the message after this long.',
    count: 'Send attempts; each one is a separate transfer (1–100000).',
    intervalMs: 'Wait between attempts.',
    startAfterMs: 'Wait after the sender opens before the first attempt.',
  },
};

/** The help line of one prop ('' when it has none). */
export function propHelp(kind: NodeKind, field: string): string {
  return (PROP_HELP[kind] as Record<string, string | undefined>)[field] ?? '';
}
