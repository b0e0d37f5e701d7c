// Defaults, labels and field documentation for every node kind (contracts §1); drives the Inspector and the README table.
import type {
  ConnectionProps,
  GraphNode,
  NodeKind,
  PropsByKind,
  ReceiverProps,
  SaslProps,
  SenderProps,
  SessionProps,
  TransferProps,
} from './types.ts';
import { DEFAULT_REJECT_CONDITION, DEFAULT_REJECT_DESCRIPTION, REJECT_CONDITIONS } from './rejectCondition.ts';

/** Offered in this order; websockify-style proxies pick `binary`, Azure `AMQPWSB10`, the OASIS binding `amqp`. */
export const DEFAULT_SUBPROTOCOLS = ['binary', 'AMQPWSB10', 'amqp'];

/**
 * Receivers grant this much credit and top it up as messages arrive, unless the flow says otherwise.
 * 10 keeps a few messages in flight without letting a busy queue flood the event log.
 */
export const DEFAULT_CREDIT_WINDOW = 10;

/** Props with every defaulted field filled in: what the engine actually uses. */
export interface EffectivePropsByKind {
  connection: ConnectionProps & { url: string; subprotocols: string[]; sasl: SaslProps & { mechanism: 'ANONYMOUS' | 'PLAIN' }; reconnect: boolean };
  session: SessionProps;
  sender: SenderProps & Required<Pick<SenderProps, 'sndSettleMode' | 'rcvSettleMode'>>;
  receiver: ReceiverProps &
    Required<Pick<ReceiverProps, 'creditWindow' | 'initialCredit' | 'autoAccept' | 'rcvSettleMode' | 'dynamic'>>;
  transfer: TransferProps & Required<Pick<TransferProps, 'body' | 'count' | 'intervalMs' | 'startAfterMs'>>;
}

export const DEFAULT_PROPS: { readonly [K in NodeKind]: Readonly<EffectivePropsByKind[K]> } = {
  // An empty url means "the embedded broker the page was served with".
  connection: { url: '', subprotocols: DEFAULT_SUBPROTOCOLS, sasl: { mechanism: 'ANONYMOUS' }, reconnect: false },
  session: {},
  sender: { sndSettleMode: 'mixed', rcvSettleMode: 'first' },
  receiver: { creditWindow: DEFAULT_CREDIT_WINDOW, initialCredit: 0, autoAccept: true, rcvSettleMode: 'first', dynamic: false },
  transfer: { body: 'Hello!', count: 1, intervalMs: 0, startAfterMs: 0 },
};

/** The node's props merged over the defaults of its kind (fields set to `undefined` fall back too). */
export function effectiveProps<K extends NodeKind>(node: GraphNode<K>): EffectivePropsByKind[K] {
  const defaults = DEFAULT_PROPS[node.kind as NodeKind] as Record<string, unknown>;
  const merged: Record<string, unknown> = { ...defaults };
  for (const [key, value] of Object.entries(node.props as Record<string, unknown>)) {
    if (value !== undefined) merged[key] = value;
  }
  if (node.kind === 'connection') {
    const sasl = (node.props as ConnectionProps).sasl;
    merged.sasl = { ...DEFAULT_PROPS.connection.sasl, ...(sasl ?? {}) };
    if (sasl?.mechanism === undefined) (merged.sasl as SaslProps).mechanism = 'ANONYMOUS';
    merged.subprotocols = [...(merged.subprotocols as string[])];
  }
  return merged as unknown as EffectivePropsByKind[K];
}

export const KIND_LABEL: Record<NodeKind, string> = {
  connection: 'Connection',
  session: 'Session',
  sender: 'Sender',
  receiver: 'Receiver',
  transfer: 'Transfer',
};

export type PropType = 'string' | 'integer' | 'boolean' | 'enum' | 'json' | 'stringList' | 'sasl' | 'scalarMap';

export interface PropDoc<K extends NodeKind> {
  field: keyof PropsByKind[K] & string;
  label: string;
  type: PropType;
  options?: string[];
  help: string;
  default?: unknown;
}

export const PROP_DOCS: { readonly [K in NodeKind]: readonly PropDoc<K>[] } = {
  connection: [
    { field: 'url', label: 'URL', type: 'string', default: '', help: 'ws:// or wss:// address of the broker. Leave empty for the embedded broker this page was served with.' },
    { field: 'subprotocols', label: 'WebSocket subprotocols', type: 'stringList', default: DEFAULT_SUBPROTOCOLS, help: 'Offered in order: websockify proxies take "binary", Azure "AMQPWSB10", the OASIS binding "amqp".' },
    { field: 'containerId', label: 'Container id', type: 'string', help: 'Sent in the open frame. Leave empty for a generated one.' },
    { field: 'hostname', label: 'Hostname', type: 'string', help: 'Virtual host sent in the open frame (some brokers need it, e.g. the Azure namespace).' },
    { field: 'sasl', label: 'SASL', type: 'sasl', options: ['ANONYMOUS', 'PLAIN'], default: { mechanism: 'ANONYMOUS' }, help: 'ANONYMOUS sends no credentials; PLAIN sends username and password (use wss:// for real brokers).' },
    { field: 'idleTimeoutMs', label: 'Idle timeout (ms)', type: 'integer', help: 'Asks the broker to send a frame at least this often; 0 or empty turns heartbeats off.' },
    { field: 'maxFrameSize', label: 'Max frame size (bytes)', type: 'integer', help: 'Largest frame this side accepts (at least 512). Leave empty to keep the default of rhea, the AMQP client.' },
    { field: 'channelMax', label: 'Channel max', type: 'integer', help: 'Highest session channel number this side accepts (0–65535).' },
    { field: 'reconnect', label: 'Reconnect', type: 'boolean', default: false, help: 'Reopen the connection when the socket drops.' },
    { field: 'cbs', label: 'CBS token', type: 'scalarMap', help: 'Azure claims-based security: paste your SAS token as it is ("SharedAccessSignature sr=…&sig=…&se=…&skn=…"), or JSON { "token", "audience", "tokenType", "renewEveryMs" }. The token is put to "$cbs" before the sessions begin and again every renewEveryMs (default 45 minutes); audience defaults to amqps://<host>/, tokenType to servicebus.windows.net:sastoken.' },
  ],
  session: [
    { field: 'incomingWindow', label: 'Incoming window (frames)', type: 'integer', help: 'Transfer frames the broker may send before this session grants more. Leave empty to keep the default of rhea, the AMQP client.' },
    { field: 'outgoingWindow', label: 'Outgoing window (frames)', type: 'integer', help: 'Transfer frames this session may send before the broker grants more. Leave empty to keep the default of rhea, the AMQP client.' },
  ],
  sender: [
    { field: 'address', label: 'Address', type: 'string', help: 'Target node on the broker (a queue, topic or "$cbs"). Empty: an anonymous sender; each transfer then needs a "to".' },
    { field: 'sndSettleMode', label: 'Sender settle mode', type: 'enum', options: ['unsettled', 'settled', 'mixed'], default: 'mixed', help: '"settled" sends fire-and-forget (no outcome comes back); "unsettled" always waits for the outcome.' },
    { field: 'rcvSettleMode', label: 'Receiver settle mode', type: 'enum', options: ['first', 'second'], default: 'first', help: '"second" asks the broker to settle only after this side settles (two-step).' },
  ],
  receiver: [
    { field: 'address', label: 'Address', type: 'string', help: 'Source node on the broker to receive from. Leave empty for a dynamic receiver.' },
    { field: 'creditWindow', label: 'Credit window', type: 'integer', default: DEFAULT_CREDIT_WINDOW, help: 'Credit kept topped up automatically; 0 means manual credit (grant it from the canvas).' },
    { field: 'initialCredit', label: 'Initial credit', type: 'integer', default: 0, help: 'Manual credit mode only: credit granted when the link attaches.' },
    { field: 'autoAccept', label: 'Accept automatically', type: 'boolean', default: true, help: 'Accept every message on arrival; off: settle each one by hand.' },
    { field: 'rcvSettleMode', label: 'Receiver settle mode', type: 'enum', options: ['first', 'second'], default: 'first', help: '"second" settles only after the broker settles (two-step).' },
    { field: 'dynamic', label: 'Dynamic', type: 'boolean', default: false, help: 'Ask the broker to create a temporary address (for replies); a transfer can point its replyTo at it with "@<receiver id>".' },
    { field: 'rejectCondition', label: 'Reject condition', type: 'enum', options: [...REJECT_CONDITIONS], default: DEFAULT_REJECT_CONDITION, help: 'The error condition a Reject of this receiver carries (a broker shows it as the dead-letter reason). A file may also name a symbol of its own namespace, e.g. "com.example:too-late".' },
    { field: 'rejectDescription', label: 'Reject description', type: 'string', default: DEFAULT_REJECT_DESCRIPTION, help: `The words a Reject carries with its condition; empty: "${DEFAULT_REJECT_DESCRIPTION}".` },
  ],
  transfer: [
    { field: 'body', label: 'Body', type: 'json', default: 'Hello!', help: 'A string, or any JSON value; sent as an AMQP value section.' },
    { field: 'contentType', label: 'Content type', type: 'string', help: 'MIME type of the body, e.g. "application/json".' },
    { field: 'subject', label: 'Subject', type: 'string', help: 'Application-defined subject.' },
    { field: 'messageId', label: 'Message id', type: 'string', help: 'Identifies the message; replies carry it as their correlation id.' },
    { field: 'correlationId', label: 'Correlation id', type: 'string', help: 'Id of the message this one answers.' },
    { field: 'replyTo', label: 'Reply to', type: 'string', help: 'Address for replies, or "@<receiver id>" for the (possibly dynamic) address of a receiver node.' },
    { field: 'to', label: 'To', type: 'string', help: 'Destination address; needed when the sender has no address.' },
    { field: 'applicationProperties', label: 'Application properties', type: 'scalarMap', help: 'Key → string, number, boolean or null (e.g. operation = put-token for Azure CBS).' },
    { field: 'applicationPropertyTypes', label: 'Number types', type: 'scalarMap', help: 'Key → the AMQP type that number property goes out as: int, long, double, float, short, byte, uint, ulong, ushort or ubyte (e.g. "status-code": "int"). Unnamed numbers go as int when they fit, else long; fractions as double. A number that does not fit its type (3.5 as int, -1 as uint) is a problem that stops the run.' },
    { field: 'durable', label: 'Durable', type: 'boolean', default: false, help: 'Ask the broker to keep the message across restarts.' },
    { field: 'ttlMs', label: 'Time to live (ms)', type: 'integer', help: 'The broker may drop the message after this long.' },
    { field: 'count', label: 'Count', type: 'integer', default: 1, help: 'Send attempts; each one is a separate transfer (1–100000).' },
    { field: 'intervalMs', label: 'Interval (ms)', type: 'integer', default: 0, help: 'Wait between attempts.' },
    { field: 'startAfterMs', label: 'Start after (ms)', type: 'integer', default: 0, help: 'Wait after the sender opens before the first attempt.' },
  ],
};
