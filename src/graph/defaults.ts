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
  default?: unknown;
}

export const PROP_DOCS: { readonly [K in NodeKind]: readonly PropDoc<K>[] } = {
  connection: [
    { field: 'url', label: 'URL', type: 'string', default: '' },
    { field: 'subprotocols', label: 'WebSocket subprotocols', type: 'stringList', default: DEFAULT_SUBPROTOCOLS },
    { field: 'containerId', label: 'Container id', type: 'string' },
    { field: 'hostname', label: 'Hostname', type: 'string' },
    { field: 'sasl', label: 'SASL', type: 'sasl', options: ['ANONYMOUS', 'PLAIN'], default: { mechanism: 'ANONYMOUS' } },
    { field: 'idleTimeoutMs', label: 'Idle timeout (ms)', type: 'integer' },
    { field: 'maxFrameSize', label: 'Max frame size (bytes)', type: 'integer' },
    { field: 'channelMax', label: 'Channel max', type: 'integer' },
    { field: 'reconnect', label: 'Reconnect', type: 'boolean', default: false },
    { field: 'cbs', label: 'CBS token', type: 'scalarMap' },
  ],
  session: [
    { field: 'incomingWindow', label: 'Incoming window (frames)', type: 'integer' },
    { field: 'outgoingWindow', label: 'Outgoing window (frames)', type: 'integer' },
  ],
  sender: [
    { field: 'address', label: 'Address', type: 'string' },
    { field: 'sndSettleMode', label: 'Sender settle mode', type: 'enum', options: ['unsettled', 'settled', 'mixed'], default: 'mixed' },
    { field: 'rcvSettleMode', label: 'Receiver settle mode', type: 'enum', options: ['first', 'second'], default: 'first' },
  ],
  receiver: [
    { field: 'address', label: 'Address', type: 'string' },
    { field: 'creditWindow', label: 'Credit window', type: 'integer', default: DEFAULT_CREDIT_WINDOW },
    { field: 'initialCredit', label: 'Initial credit', type: 'integer', default: 0 },
    { field: 'autoAccept', label: 'Accept automatically', type: 'boolean', default: true },
    { field: 'rcvSettleMode', label: 'Receiver settle mode', type: 'enum', options: ['first', 'second'], default: 'first' },
    { field: 'dynamic', label: 'Dynamic', type: 'boolean', default: false },
    { field: 'rejectCondition', label: 'Reject condition', type: 'enum', options: [...REJECT_CONDITIONS], default: DEFAULT_REJECT_CONDITION },
    { field: 'rejectDescription', label: 'Reject description', type: 'string', default: DEFAULT_REJECT_DESCRIPTION },
  ],
  transfer: [
    { field: 'body', label: 'Body', type: 'json', default: 'Hello!' },
    { field: 'contentType', label: 'Content type', type: 'string' },
    { field: 'subject', label: 'Subject', type: 'string' },
    { field: 'messageId', label: 'Message id', type: 'string' },
    { field: 'correlationId', label: 'Correlation id', type: 'string' },
    { field: 'replyTo', label: 'Reply to', type: 'string' },
    { field: 'to', label: 'To', type: 'string' },
    { field: 'applicationProperties', label: 'Application properties', type: 'scalarMap' },
    { field: 'applicationPropertyTypes', label: 'Number types', type: 'scalarMap' },
    { field: 'durable', label: 'Durable', type: 'boolean', default: false },
    { field: 'ttlMs', label: 'Time to live (ms)', type: 'integer' },
    { field: 'count', label: 'Count', type: 'integer', default: 1 },
    { field: 'intervalMs', label: 'Interval (ms)', type: 'integer', default: 0 },
    { field: 'startAfterMs', label: 'Start after (ms)', type: 'integer', default: 0 },
  ],
};
