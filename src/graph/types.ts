// The graph document: node kinds, their props (contracts §1) and the file shape. Pure data types.
import type { Scene } from './scenes.ts';

export const NODE_KINDS = ['connection', 'session', 'sender', 'receiver', 'transfer'] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export type Scalar = string | number | boolean | null;

/** AMQP types a number can be sent as (an application property's number, for instance). */
export const AMQP_NUMBER_TYPES = ['int', 'long', 'double', 'float', 'short', 'byte', 'uint', 'ulong', 'ushort', 'ubyte'] as const;
export type AmqpNumberType = (typeof AMQP_NUMBER_TYPES)[number];
export type JsonValue = Scalar | JsonValue[] | { [key: string]: JsonValue };

export type SaslMechanism = 'ANONYMOUS' | 'PLAIN';
export interface SaslProps {
  mechanism?: SaslMechanism;
  username?: string;
  password?: string;
}

/** Claims-based security (Azure Service Bus / Event Hubs): a token put to `$cbs` before any link attaches. */
export interface CbsProps {
  /** The token itself, e.g. a SAS token "SharedAccessSignature sr=…&sig=…&se=…&skn=…". Absent in a file saved without secrets: asked for before a run. */
  token?: string;
  /** The `name` of the put-token; empty means the URL as amqps://host/. */
  audience?: string;
  /** The `type` of the put-token; empty means "servicebus.windows.net:sastoken". */
  tokenType?: string;
  /** Put the token again this often while the connection is open (default 45 minutes, at least 1000). */
  renewEveryMs?: number;
}

export interface ConnectionProps {
  /** ws:// or wss://; absent means the embedded broker the page was served with. */
  url?: string;
  subprotocols?: string[];
  containerId?: string;
  hostname?: string;
  sasl?: SaslProps;
  idleTimeoutMs?: number;
  maxFrameSize?: number;
  channelMax?: number;
  reconnect?: boolean;
  /** Put a token to `$cbs` after the open and before the sessions begin. */
  cbs?: CbsProps;
}

export interface SessionProps {
  incomingWindow?: number;
  outgoingWindow?: number;
}

export type SndSettleMode = 'unsettled' | 'settled' | 'mixed';
export type RcvSettleMode = 'first' | 'second';

export interface SenderProps {
  address?: string;
  sndSettleMode?: SndSettleMode;
  rcvSettleMode?: RcvSettleMode;
}

export interface ReceiverProps {
  address?: string;
  /** Integer ≥ 0; 0 means manual credit. */
  creditWindow?: number;
  /** Credit granted at attach in manual mode. */
  initialCredit?: number;
  autoAccept?: boolean;
  rcvSettleMode?: RcvSettleMode;
  dynamic?: boolean;
  /** The error condition a Reject of this receiver carries; default amqp:precondition-failed. */
  rejectCondition?: string;
  /** The description a Reject of this receiver carries; default "Rejected by hand in AMQP Flow". */
  rejectDescription?: string;
}

export interface TransferProps {
  body?: JsonValue;
  contentType?: string;
  subject?: string;
  messageId?: string;
  correlationId?: string;
  /** An address, or `@<receiverNodeId>` for the (possibly dynamic) address of a receiver node. */
  replyTo?: string;
  to?: string;
  applicationProperties?: Record<string, Scalar>;
  /** The AMQP type each number property goes out as; by default int when it fits, else long, double for fractions. */
  applicationPropertyTypes?: Record<string, AmqpNumberType>;
  durable?: boolean;
  ttlMs?: number;
  /** Send attempts, each one transfer. */
  count?: number;
  intervalMs?: number;
  startAfterMs?: number;
}

export interface PropsByKind {
  connection: ConnectionProps;
  session: SessionProps;
  sender: SenderProps;
  receiver: ReceiverProps;
  transfer: TransferProps;
}

export interface Position {
  x: number;
  y: number;
}

/** A node of one kind; `GraphNode` alone is the union over all kinds, so `switch (node.kind)` narrows props. */
export type GraphNode<K extends NodeKind = NodeKind> = K extends NodeKind
  ? { id: string; kind: K; position: Position; props: PropsByKind[K] }
  : never;

/** Edges go parent → child. */
export interface GraphEdge {
  id: string;
  source: string;
  target: string;
}

export interface Viewport {
  x: number;
  y: number;
  zoom: number;
}

export const GRAPH_FORMAT = 'amqp-flow';
export const GRAPH_VERSION = 1;

export interface Graph {
  format: typeof GRAPH_FORMAT;
  version: typeof GRAPH_VERSION;
  name: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** Optional extension: where the canvas was looking when the file was saved. */
  viewport?: Viewport;
  /** Optional extension: what must happen when the flow runs (validated in expectations.ts). */
  expect?: FlowExpectations;
  /** Optional extension: scenes for presenters, in order (see scenes.ts). */
  scenes?: Scene[];
}

/** A problem found in a graph or a file, in plain words. */
export interface Problem {
  nodeId?: string;
  field?: string;
  message: string;
}

// What a flow must do when it runs: the optional `expect` section (validation in expectations.ts).

/** An exact number, or a range (either end may be left open). */
export type CountExpectation = number | { min?: number; max?: number };

export const EXPECTED_OUTCOMES = ['accepted', 'rejected', 'released', 'modified', 'presettled', 'lost', 'unsent'] as const;
export type ExpectedOutcome = (typeof EXPECTED_OUTCOMES)[number];

/** The states a node can be left in; `error` means it failed at some point of the run. */
export const EXPECTED_STATES = ['open', 'closed', 'error'] as const;
export type ExpectedState = (typeof EXPECTED_STATES)[number];

export interface NodeExpectation {
  /** Settled attempts by outcome (transfers), or deliveries settled by outcome (receivers). */
  outcomes?: Partial<Record<ExpectedOutcome, CountExpectation>>;
  /** Messages a receiver gets. */
  received?: CountExpectation;
  /** The bodies a receiver gets, in order (compared as JSON). */
  bodies?: JsonValue[];
  /** The state the node was in when the run ended (before the runner closed it). */
  state?: ExpectedState;
  /** The condition the node fails with ("amqp:not-found"), or false: it must not fail. */
  error?: string | false;
}

export interface FlowExpectations {
  /** The run must finish (every attempt settled, receivers quiet) within this many ms. */
  timeLimitMs?: number;
  /** Check these expectations only against the embedded broker; the text says why. */
  embeddedOnly?: string;
  /** Per node id. */
  nodes?: Record<string, NodeExpectation>;
}
