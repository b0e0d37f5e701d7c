// ---- AMQP Flow runtime: the fixed part of every exported program (command line, one JSON line per event,
// the per-sender queue that waits for credit, credit reports, received messages, stdin controls, the end of a
// run). The flow's own code follows it; the names it uses are exported so this file type-checks on its own.
// Over 300 lines: it is copied whole into each exported program, which must stay one self-contained file.
import rhea from 'rhea';
import type { Connection, ConnectionOptions, Delivery, EventContext, Message, Receiver, Sender, Session } from 'rhea';
import WebSocket from 'ws';
import { createInterface } from 'node:readline';
export type { EventContext, Session };

// ---- command line ----
const argv = process.argv.slice(2);
function option(name: string): string | undefined {
  const i = argv.indexOf('--' + name);
  return i >= 0 ? argv[i + 1] : undefined;
}
/** Replaces every connection's URL, like "amqp-flow run --url". */
export const URL_OVERRIDE = option('url') ?? process.env.AMQP_FLOW_URL;
/** After every transfer has settled, wait until no message has arrived for this long. */
const QUIET_MS = Number(option('quiet-ms') ?? 500);
/** Stop whatever is still going after this long. */
const TIMEOUT_MS = Number(option('timeout-ms') ?? 30000);

// ---- one JSON line per event ----
type Outcome = 'accepted' | 'rejected' | 'released' | 'modified' | 'presettled' | 'lost' | 'unsent';
interface ErrorDetail { condition: string; description: string }
const t0 = performance.now();
const summary = { transfers: 0, accepted: 0, rejected: 0, released: 0, modified: 0, presettled: 0, lost: 0, unsent: 0, received: 0, errors: 0 };
let lastMessageAt = Date.now();
const attemptsSeen = new Set<string>();

function print(node: string, event: string, fields: Record<string, unknown> = {}): void {
  if (event.endsWith('_ERROR')) summary.errors++;
  if (event === 'TRANSFER_QUEUED' || event === 'TRANSFER_SETTLED') attemptsSeen.add(node + '#' + String(fields.attempt));
  summary.transfers = attemptsSeen.size;
  if (event === 'TRANSFER_SETTLED') summary[fields.outcome as Outcome]++;
  if (event === 'MESSAGE_RECEIVED') {
    summary.received++;
    lastMessageAt = Date.now();
  }
  console.log(JSON.stringify({ at: Math.round(performance.now() - t0), node, event, ...fields }));
}

/** rhea's error object ({condition, description}) with the broker's own words. */
function errorDetail(err: unknown, fallback: string): ErrorDetail {
  const e = (err ?? {}) as { condition?: unknown; description?: unknown; message?: unknown };
  const condition = typeof e.condition === 'string' ? e.condition : 'amqp:internal-error';
  const description = typeof e.description === 'string' ? e.description : typeof e.message === 'string' ? e.message : fallback;
  return { condition, description };
}

// ---- endpoints: every node's state, so the run knows when it is over and can close children first ----
type State = 'opening' | 'open' | 'closed' | 'error';
interface Endpoint {
  node: string;
  kind: 'CONNECTION' | 'SESSION' | 'SENDER' | 'RECEIVER';
  parent: Endpoint | null;
  fields: () => Record<string, unknown>;
  close: () => void;
  state: State;
  closed?: () => void;
}
const endpoints: Endpoint[] = [];

export function track(node: string, kind: Endpoint['kind'], parent: Endpoint | null, fields: () => Record<string, unknown>, close: () => void): Endpoint {
  const ep: Endpoint = { node, kind, parent, fields, close, state: 'opening' };
  endpoints.push(ep);
  return ep;
}
export function opened(ep: Endpoint, extra: Record<string, unknown> = {}): void {
  ep.state = 'open';
  print(ep.node, ep.kind + '_OPEN', { ...ep.fields(), ...extra });
}
/**
 * A close or an error, reported once per endpoint (rhea sends *_error and then *_close). The children of an
 * endpoint that ended are closed first, carrying the reason.
 */
function ended(ep: Endpoint, err?: unknown, asClose = false): void {
  ep.closed?.();
  if (ep.state === 'closed' || ep.state === 'error') return;
  const detail = err ? errorDetail(err, 'failed') : undefined;
  for (const child of endpoints) {
    if (child.parent !== ep || child.state === 'closed' || child.state === 'error') continue;
    const why = detail
      ? { condition: 'amqp-flow:parent-failed', description: 'Its ' + ep.kind.toLowerCase() + ' failed: ' + detail.description }
      : stopping ? undefined : { condition: 'amqp-flow:closed-by-broker', description: 'Closed because the broker closed its ' + ep.kind.toLowerCase() + '.' };
    ended(child, why, true);
  }
  if (ep.kind === 'RECEIVER') receiverSettled(ep.node, null);
  if (ep.kind === 'SENDER') {
    for (const t of transfersOf.get(ep.node) ?? []) t.cancel();
    queues.get(ep.node)?.close();
  }
  if (detail && !asClose) {
    ep.state = 'error';
    print(ep.node, ep.kind + '_ERROR', { ...ep.fields(), errorDetail: detail });
  } else {
    ep.state = 'closed';
    print(ep.node, ep.kind + '_CLOSED', detail ? { ...ep.fields(), errorDetail: detail } : ep.fields());
  }
  checkDone();
}

// ---- credit: one CREDIT line per link when credit, delivery count or queue length changed ----
const lastCredit = new Map<string, string>();
const creditLinks = new Map<string, () => { credit: number; deliveryCount: number; queued: number } | null>();
let creditTimer: ReturnType<typeof setTimeout> | undefined;
function reportCredit(node: string): void {
  const read = creditLinks.get(node)?.();
  if (!read) return;
  const key = read.credit + '/' + read.deliveryCount + '/' + read.queued;
  if (lastCredit.get(node) === key) return;
  lastCredit.set(node, key);
  print(node, 'CREDIT', read);
}
function creditChanged(): void {
  creditTimer ??= setTimeout(() => {
    creditTimer = undefined;
    for (const node of creditLinks.keys()) reportCredit(node);
  }, 0);
}
function counters(link: Sender | Receiver): { credit: number; deliveryCount: number } {
  const l = link as unknown as { credit?: number; delivery_count?: number };
  return { credit: l.credit ?? 0, deliveryCount: l.delivery_count ?? 0 };
}

// ---- the sender's own queue: attempts wait here for link credit (rhea's send() never checks credit) ----
interface Attempt { transfer: string; attempt: number; build: () => Message }
class SenderQueue {
  private waiting: Attempt[] = [];
  private handed: Delivery[] = [];
  private unsettled = new Map<Delivery, Attempt>();
  private link: Sender | null = null;
  readonly node: string;
  readonly presettled: boolean;
  constructor(node: string, presettled: boolean) {
    this.node = node;
    this.presettled = presettled;
    creditLinks.set(node, () => this.creditState());
  }
  attach(link: Sender): void {
    this.link = link;
    this.pump();
  }
  enqueue(a: Attempt): void {
    this.waiting.push(a);
    creditChanged();
    this.pump();
  }
  /** Sends what waits, as far as the link's credit goes. */
  pump(): void {
    const link = this.link;
    while (link && this.waiting.length && link.is_open() && link.sendable() && this.available() > 0) {
      const a = this.waiting.shift()!;
      const delivery = link.send(a.build());
      this.handed.push(delivery);
      print(a.transfer, 'TRANSFER_SENT', { attempt: a.attempt, deliveryId: delivery.id });
      if (this.presettled) settle(a, 'presettled', { note: 'sent pre-settled: the broker gives no outcome, so whether it was stored is not known' });
      else this.unsettled.set(delivery, a);
    }
    creditChanged();
  }
  /** The broker's outcome for one delivery. */
  outcome(delivery: Delivery): void {
    const a = this.unsettled.get(delivery);
    const state = delivery.remote_state as { constructor?: { composite_type?: string }; error?: unknown; delivery_failed?: boolean; undeliverable_here?: boolean } | undefined;
    const kind = state?.constructor?.composite_type;
    if (!a || kind === 'received') return;
    this.unsettled.delete(delivery);
    if (!delivery.settled) delivery.update(true);
    if (kind === 'accepted' || kind === 'released') settle(a, kind);
    else if (kind === 'rejected') settle(a, 'rejected', { errorDetail: errorDetail(state?.error, 'rejected') });
    else if (kind === 'modified') {
      const flags = [state?.delivery_failed ? 'delivery-failed' : '', state?.undeliverable_here ? 'undeliverable-here' : ''].filter(Boolean);
      settle(a, 'modified', flags.length ? { note: flags.join(', ') } : {});
    } else settle(a, 'released', { note: 'settled by the broker without an outcome' });
  }
  /** The link is gone: waiting attempts end as unsent, sent ones as lost. */
  close(): void {
    this.link = null;
    for (const a of this.unsettled.values()) settle(a, 'lost', { note: 'the sender closed before the broker settled it' });
    for (const a of this.waiting) settle(a, 'unsent', { note: 'the sender closed before credit arrived' });
    this.unsettled.clear();
    this.waiting = [];
    this.handed = [];
  }
  creditState(): { credit: number; deliveryCount: number; queued: number } | null {
    if (!this.link) return null;
    const pending = this.unwritten();
    const c = counters(this.link);
    return { credit: Math.max(0, c.credit - pending), deliveryCount: c.deliveryCount + pending, queued: this.waiting.length };
  }
  /** rhea takes the credit only when it writes the transfer frame, so count what it has not written yet. */
  private available(): number {
    return this.link ? counters(this.link).credit - this.unwritten() : 0;
  }
  private unwritten(): number {
    const link = this.link;
    if (!link || !this.handed.length) return 0;
    const next = (link.session as unknown as { outgoing?: { next_pending_delivery: number } }).outgoing?.next_pending_delivery ?? Infinity;
    this.handed = this.handed.filter((d) => d.id >= next);
    return this.handed.length;
  }
}
const queues = new Map<string, SenderQueue>();

// ---- transfers: every attempt ends in exactly one TRANSFER_SETTLED ----
let totalAttempts = 0;
let settledAttempts = 0;
function settle(a: Attempt, outcome: Outcome, extra: { note?: string; errorDetail?: ErrorDetail } = {}): void {
  settledAttempts++;
  print(a.transfer, 'TRANSFER_SETTLED', { attempt: a.attempt, outcome, ...extra });
  checkDone();
}
/** One transfer node: creates attempts 1…count, the first startAfterMs after its sender opened, then one every intervalMs. */
class Transfer {
  private created = 0;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private cancelled = false;
  readonly node: string;
  readonly count: number;
  private readonly intervalMs: number;
  private readonly startAfterMs: number;
  private readonly create: (attempt: number) => void;
  constructor(node: string, sender: string, count: number, intervalMs: number, startAfterMs: number, create: (attempt: number) => void) {
    this.node = node;
    this.count = count;
    this.intervalMs = intervalMs;
    this.startAfterMs = startAfterMs;
    this.create = create;
    totalAttempts += count;
    transfersOf.set(sender, [...(transfersOf.get(sender) ?? []), this]);
  }
  start(): void {
    if (this.count > 0 && !this.cancelled) this.timer = setTimeout(() => this.fire(), Math.max(0, this.startAfterMs));
  }
  private fire(): void {
    do {
      this.created++;
      print(this.node, 'TRANSFER_QUEUED', { attempt: this.created });
      this.create(this.created);
    } while (this.created < this.count && this.intervalMs <= 0);
    if (this.created < this.count) this.timer = setTimeout(() => this.fire(), this.intervalMs);
  }
  /** No more attempts: those never created end as unsent. */
  cancel(): void {
    if (this.cancelled) return;
    this.cancelled = true;
    clearTimeout(this.timer);
    while (this.created < this.count) {
      this.created++;
      settle({ transfer: this.node, attempt: this.created, build: () => ({ body: null }) }, 'unsent', { note: 'the run stopped before this attempt was created' });
    }
  }
}
const transfersOf = new Map<string, Transfer[]>();

// ---- receivers: addresses (for replyTo) and controls ----
const receiverAddress = new Map<string, string | null>();
const addressWaiters = new Map<string, ((address: string | null) => void)[]>();
const receiverLinks = new Map<string, Receiver>();
const heldDeliveries = new Map<string, Map<number, Delivery>>();
/** The error condition and description a receiver's "reject" carries (its rejectCondition / rejectDescription). */
export const rejectErrors = new Map<string, { condition: string; description: string }>();
/** The receiver's address once it is open (a dynamic one is chosen by the broker), or null if it never opens. */
function addressOf(receiver: string): Promise<string | null> {
  if (receiverAddress.has(receiver)) return Promise.resolve(receiverAddress.get(receiver) ?? null);
  return new Promise((resolve) => addressWaiters.set(receiver, [...(addressWaiters.get(receiver) ?? []), resolve]));
}
function receiverSettled(receiver: string, address: string | null): void {
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
function settleReceived(receiver: string, delivery: Delivery, outcome: 'accepted' | 'rejected' | 'released' | 'modified'): void {
  if (outcome === 'accepted') delivery.accept();
  else if (outcome === 'rejected') delivery.reject(rejectErrors.get(receiver) ?? { condition: 'amqp:precondition-failed', description: 'Rejected by hand in AMQP Flow' });
  else if (outcome === 'released') delivery.release();
  else delivery.modified({ delivery_failed: true, undeliverable_here: false });
  print(receiver, 'MESSAGE_SETTLED', { deliveryId: delivery.id, outcome });
}

// ---- connections over WebSocket (the ws package), with the flow's SASL and open options ----
interface ConnectionSpec {
  url: string;
  subprotocols: string[];
  containerId: string;
  hostname?: string;
  sasl: { mechanism: 'ANONYMOUS' | 'PLAIN'; username?: string; password?: string };
  idleTimeoutMs?: number;
  maxFrameSize?: number;
  channelMax?: number;
  reconnect: boolean;
}
export function connect(spec: ConnectionSpec): Connection {
  const container = rhea.create_container({ id: spec.containerId });
  container.on('error', () => {}); // every error is reported by the endpoint's own *_error handler
  const ws = container.websocket_connect(WebSocket as never);
  const options: Record<string, unknown> = {
    connection_details: ws(spec.url, spec.subprotocols, {}),
    host: new URL(spec.url).hostname,
    container_id: spec.containerId,
    reconnect: spec.reconnect,
    non_fatal_errors: [],
  };
  const sasl = (rhea as unknown as { sasl: { client_mechanisms(): { enable_plain(u: string, p: string): void; enable_anonymous(u?: string): void } } }).sasl.client_mechanisms();
  if (spec.sasl.mechanism === 'PLAIN') sasl.enable_plain(spec.sasl.username ?? '', spec.sasl.password ?? '');
  else sasl.enable_anonymous(spec.sasl.username);
  options.sasl_mechanisms = sasl;
  if (spec.hostname) options.hostname = spec.hostname;
  if (spec.idleTimeoutMs) options.idle_time_out = spec.idleTimeoutMs;
  if (spec.maxFrameSize) options.max_frame_size = spec.maxFrameSize;
  if (spec.channelMax !== undefined) options.channel_max = spec.channelMax;
  return container.connect(options as unknown as ConnectionOptions);
}

// ---- stdin: "credit <receiver> <n>", "drain <receiver>", "accept|reject|release|modify <receiver> <deliveryId>", "stop" ----
createInterface({ input: process.stdin, terminal: false }).on('line', (line) => {
  const [command, node = '', arg = ''] = line.trim().split(/\s+/);
  const receiver = receiverLinks.get(node);
  if (command === 'stop') void stop();
  else if (command === 'credit' && receiver && Number(arg) > 0) {
    receiver.add_credit(Number(arg));
    creditChanged();
  } else if (command === 'drain' && receiver) {
    receiver.drain_credit();
    creditChanged();
  } else if (['accept', 'reject', 'release', 'modify'].includes(command ?? '') && receiver) {
    const delivery = heldDeliveries.get(node)?.get(Number(arg));
    if (!delivery) return console.error('no unsettled delivery ' + arg + ' on ' + node);
    heldDeliveries.get(node)?.delete(Number(arg));
    const outcome = command === 'accept' ? 'accepted' : command === 'reject' ? 'rejected' : command === 'release' ? 'released' : 'modified';
    settleReceived(node, delivery, outcome);
  } else if (command) console.error('unknown command: ' + line + ' (try "credit <receiver> <n>", "drain <receiver>", "accept <receiver> <deliveryId>" or "stop")');
});

// ---- the end of a run: every attempt settled and nothing opening, then a quiet spell; or the timeout ----
let stopping = false;
let quietTimer: ReturnType<typeof setTimeout> | undefined;
function checkDone(): void {
  if (stopping || quietTimer) return;
  if (settledAttempts < totalAttempts || endpoints.some((e) => e.state === 'opening')) return;
  const wait = () => {
    const left = lastMessageAt + QUIET_MS - Date.now();
    if (left > 0) quietTimer = setTimeout(wait, left);
    else void stop();
  };
  quietTimer = setTimeout(wait, QUIET_MS);
}
setTimeout(() => void stop(), TIMEOUT_MS).unref();

/** Closes every endpoint, children first (the reverse of the order they were opened in), then prints the summary. */
async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const ep of [...endpoints].reverse()) {
    if (ep.state !== 'open') continue;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => resolve(), 2000);
      ep.closed = () => {
        clearTimeout(timer);
        resolve();
      };
      ep.close();
    });
    ended(ep);
  }
  for (const list of transfersOf.values()) for (const t of list) t.cancel();
  for (const q of queues.values()) q.close();
  for (const receiver of [...addressWaiters.keys()]) receiverSettled(receiver, null);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const dangling = totalAttempts - settledAttempts;
  if (dangling > 0) console.error(dangling + ' attempts never got a TRANSFER_SETTLED');
  console.log(JSON.stringify({ summary }));
  process.exit(summary.errors === 0 && summary.lost === 0 && summary.unsent === 0 ? 0 : 1);
}
