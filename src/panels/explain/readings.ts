// Field values read in the context of one run: "link-credit 10: rx1 may now receive 10 more messages",
// naming the graph nodes the frame belongs to.
import { SASL_CODES } from './saslFrames.ts';

/** Who sent a frame and which graph node it is about. */
export interface FrameContext {
  dir: 'in' | 'out';
  /** the graph node the frame is about (a link, a session, or the connection) */
  node: string;
  /** that node's kind; undefined when the graph does not know it */
  kind: string | undefined;
  connection: string;
  /** the session the frame's link belongs to, when the graph says */
  session?: string;
}

type Reading = (value: unknown, c: FrameContext, fields: Readonly<Record<string, unknown>>) => string | undefined;

const plural = (n: unknown, one: string, many: string) => `${String(n)} ${Number(n) === 1 ? one : many}`;
const sender = (c: FrameContext) => (c.dir === 'out' ? c.node : 'the broker');
const isLink = (c: FrameContext) => c.kind === 'sender' || c.kind === 'receiver';
const link = (c: FrameContext) => (isLink(c) ? c.node : 'this link');
const session = (c: FrameContext) => (c.kind === 'session' ? c.node : c.session ?? 'this session');
/** Session fields speak for the session, not the link the flow also carries. */
const sessionSide = (c: FrameContext) => (c.dir === 'out' ? (c.kind === 'session' ? `session ${c.node}` : c.session ? `session ${c.session}` : c.node) : 'the broker');
/** Window values this large (rhea starts at 2^32 − 1) mean no limit in practice. */
const UNLIMITED = 2 ** 31;

function window(what: 'in' | 'out'): Reading {
  return (v, c) => {
    const ours = c.dir === 'out';
    const frames = plural(v, 'more transfer frame', 'more transfer frames');
    if (Number(v) >= UNLIMITED) return ours ? `${sessionSide(c)} sets no practical limit` : `the broker sets no practical limit on ${session(c)}`;
    if (what === 'in') return ours ? `${sessionSide(c)} can take ${frames} before the broker must wait` : `the broker can take ${frames} from ${session(c)} before it must wait`;
    return ours ? `${sessionSide(c)} may send ${frames} before it waits` : `the broker may send ${frames} to ${session(c)} before it waits`;
  };
}

function linkCredit(v: unknown, c: FrameContext): string {
  const n = Number(v);
  if (c.kind === 'receiver' && c.dir === 'out') {
    return n === 0 ? `${c.node} takes no more messages for now (credit 0)` : `${c.node} may now receive ${plural(n, 'more message', 'more messages')}`;
  }
  if (c.kind === 'sender' && c.dir === 'in') {
    return n === 0 ? `the broker gives ${c.node} no credit: its transfers wait` : `the broker lets ${c.node} send ${plural(n, 'more message', 'more messages')}`;
  }
  if (c.kind === 'sender') return `${c.node} reports ${plural(n, 'credit', 'credits')} left`;
  if (c.kind === 'receiver') return `the broker reports ${plural(n, 'credit', 'credits')} left on ${c.node}`;
  return `${sender(c)} allows ${plural(n, 'more message', 'more messages')} on this link`;
}

function settleMode(names: readonly string[]): Reading {
  return (v, c) => `on ${link(c)}, ${names[Number(v)] ?? String(v)}`;
}

function range(_v: unknown, _c: FrameContext, f: Readonly<Record<string, unknown>>): string {
  const first = f.first;
  const last = f.last ?? first;
  return first === last ? `delivery ${String(first)}` : `deliveries ${String(first)} to ${String(last)}`;
}

/** Readings by performative, then field (the decoder's snake_case names). */
export const READINGS: Readonly<Record<string, Readonly<Record<string, Reading>>>> = {
  open: {
    container_id: (v, c) => (c.dir === 'out' ? `connection ${c.connection} calls itself ${String(v)}` : `the broker calls itself ${String(v)}`),
    hostname: (v) => `asks for the host ${String(v)}`,
    max_frame_size: (v, c) => (c.dir === 'out' ? `${c.connection} takes frames up to ${String(v)} bytes` : `the broker takes frames up to ${String(v)} bytes, so ${c.connection} sends none bigger`),
    channel_max: (v, c) => `${sender(c)} allows up to ${Number(v) + 1} sessions on ${c.connection}`,
    idle_time_out: (v, c) =>
      c.dir === 'out'
        ? `${c.connection} closes the connection if the broker is silent for ${String(v)} ms; the broker sends heartbeats sooner`
        : `the broker expects to hear from ${c.connection} at least every ${String(v)} ms, so ${c.connection} sends heartbeats`,
  },
  begin: {
    remote_channel: (v, c) => `answers the begin sent on channel ${String(v)}: ${session(c)} is now open on both sides`,
    next_outgoing_id: (v, c) => `${sessionSide(c)} numbers its transfer frames on ${session(c)} from ${String(v)}`,
    incoming_window: window('in'),
    outgoing_window: window('out'),
    handle_max: (v, c) => (Number(v) >= 4294967295 ? `${sender(c)} sets no practical limit on links` : `${sender(c)} allows up to ${Number(v) + 1} links on ${session(c)}`),
  },
  attach: {
    name: (v, c) => `the link ${isLink(c) ? `of ${c.node} ` : ''}is called ${String(v)} on both sides`,
    handle: (v, c) => (c.dir === 'out' ? `in later frames from ${c.node}, handle ${String(v)} means ${link(c)}` : `the broker refers to ${link(c)} as handle ${String(v)}`),
    role: (v, c) => (c.dir === 'out' ? `${c.node} is the ${v === true ? 'receiver' : 'sender'} end` : `the broker is the ${v === true ? 'receiver' : 'sender'} end of ${link(c)}`),
    snd_settle_mode: settleMode(['unsettled: every message waits for its outcome', 'settled: messages go pre-settled, no outcome comes back', 'mixed: the sender decides per message']),
    rcv_settle_mode: settleMode(['first: the receiver settles as it sends its outcome', 'second: the receiver settles only after the sender has']),
    initial_delivery_count: (v, c) => (c.dir === 'out' ? `${c.node} starts counting its deliveries at ${String(v)}` : `the broker starts counting deliveries on ${link(c)} at ${String(v)}`),
    max_message_size: (v, c) => (Number(v) === 0 ? `${sender(c)} sets no message size limit` : `${sender(c)} takes messages up to ${String(v)} bytes on ${link(c)}`),
  },
  flow: {
    next_incoming_id: (v, c) => `${sessionSide(c)} expects transfer frame ${String(v)} next`,
    incoming_window: window('in'),
    next_outgoing_id: (v, c) => `${sessionSide(c)} numbers its next transfer frame ${String(v)}`,
    outgoing_window: window('out'),
    handle: (v, c) => `this flow is about ${link(c)} (handle ${String(v)})`,
    delivery_count: (v, c) => `${plural(v, 'delivery', 'deliveries')} counted on ${link(c)} so far; the credit counts from here`,
    link_credit: linkCredit,
    available: (v, c) => `${sender(c)} has ${plural(v, 'message', 'messages')} waiting to send`,
    drain: (v, c) =>
      v !== true
        ? 'no drain: unused credit stays'
        : c.dir === 'out' && c.kind === 'receiver'
          ? `${c.node} asks the broker to send what it has now and give back the rest of the credit`
          : `drain: ${sender(c)} uses up or gives back the credit of ${link(c)}`,
    echo: (v, c) => (v === true ? `${sender(c)} asks for a flow back` : 'no answer asked for'),
  },
  transfer: {
    handle: (v, c) => `the message travels on ${link(c)} (handle ${String(v)})`,
    delivery_id: (v) => `delivery ${String(v)}; the disposition that settles it names ${String(v)}`,
    message_format: (v) => (Number(v) === 0 ? 'a standard AMQP message' : `message format ${String(v)}`),
    settled: (v, c) => (v === true ? `${sender(c)} sent it pre-settled: no outcome comes back` : `${sender(c)} waits for the outcome`),
    more: (v) => (v === true ? 'more frames follow with the rest of this message' : 'the whole message (or its last part) is in this frame'),
    aborted: (v) => (v === true ? 'the sender gave this message up' : 'not aborted'),
  },
  disposition: {
    role: (v, c) => {
      const role = v === true ? 'receiver' : 'sender';
      if (c.dir === 'in') return `the broker speaks as the ${role}`;
      // dispositions belong to the session: name the link when the graph tells which one
      return isLink(c) ? `${c.node} speaks as the ${role}` : `a ${role} on ${c.kind === 'session' ? `session ${c.node}` : 'this session'} speaks`;
    },
    first: range,
    last: range,
    settled: (v, c) => (v === true ? `${sender(c)} settles them: both sides can forget these deliveries` : `${sender(c)} does not settle them yet`),
  },
  detach: {
    handle: (v, c) => `${link(c)} (handle ${String(v)}) ends`,
    closed: (v) => (v === true ? 'closed for good' : 'detached only: it could be attached again'),
  },
  'sasl-mechanisms': {
    sasl_server_mechanisms: (v, c) => `the broker accepts ${Array.isArray(v) ? v.join(', ') : String(v)} on ${c.connection}`,
  },
  'sasl-init': {
    mechanism: (v, c) => `${c.connection} authenticates with ${String(v)}`,
    initial_response: () => 'credentials: not shown here',
    hostname: (v) => `for the host ${String(v)}`,
  },
  'sasl-outcome': {
    code: (v, c) => `${SASL_CODES[Number(v)] ?? `code ${String(v)}`} for ${c.connection}`,
  },
  header: {
    protocol_id: (v, c) =>
      Number(v) === 3
        ? `${sender(c)} starts the SASL layer: authentication first`
        : Number(v) === 2
          ? `${sender(c)} starts TLS`
          : `${sender(c)} starts plain AMQP on ${c.connection}`,
  },
};

/** A field value to show beside its name, short and never a secret. */
export function showValue(performative: string, field: string, value: unknown): string {
  if (performative === 'sasl-init' && field === 'initial_response') return '(hidden)';
  if (value === null || value === undefined) return '';
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.map((x) => showValue(performative, field, x)).join(', ');
  if (typeof value === 'object' && 'descriptor' in value) return String((value as { descriptor: unknown }).descriptor);
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 59)}…` : text;
}
