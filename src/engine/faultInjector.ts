// Carries out faults injected into a run: broker faults through the embedded broker's management
// API (POST /api/faults/<fault> on the connection's host), page faults through each connection's
// ConnectionFaults in the socket layer. Every fault is reported as a FAULT event on the node it acts on.
import type { Graph } from '../graph/types.ts';
import { FAULTS, addressOf, connectionOf, faultParameters, faultProblem, type FaultSpec } from '../graph/faults.ts';
import type { EngineEvent } from './events.ts';
import type { WebSocketLike } from './run.ts';
import { ConnectionFaults, type FrameInfo, type FrameMatch } from './faultSocket.ts';

/** An open link as rhea holds it: its handle, and its session's channel. */
interface LinkInternals {
  local: { handle: number };
  session: { local: { channel: number } };
}

/** What the injector needs from the run. */
export interface FaultHost {
  now(): number;
  emit(e: EngineEvent): void;
  /** the URL and container-id a connection node uses in this run */
  connection(id: string): { url: string; containerId: string } | undefined;
  /** the rhea link of a sender or receiver node, once it has one */
  link(id: string): object | undefined;
  /** the channel of a session node's rhea session, once it has one */
  sessionChannel(id: string): number | undefined;
}

export class FaultInjector {
  private readonly graph: Graph;
  private readonly host: FaultHost;
  private readonly perConnection = new Map<string, ConnectionFaults>();
  /** receivers whose flow frames are being held back → how to give them back */
  private readonly withheld = new Map<string, () => void>();
  /** per connection: the last fault that makes errors likely, until when its note is added to hints */
  private readonly recent = new Map<string, { note: string; until: number }>();

  constructor(graph: Graph, host: FaultHost) {
    this.graph = graph;
    this.host = host;
  }

  private faultsOf(connectionId: string): ConnectionFaults {
    let f = this.perConnection.get(connectionId);
    if (!f) this.perConnection.set(connectionId, (f = new ConnectionFaults()));
    return f;
  }

  /** The socket a connection node gets: the real one, with this run's page faults applied. */
  socketFor(connectionId: string, ws: WebSocketLike): WebSocketLike {
    return this.faultsOf(connectionId).wrap(ws);
  }

  /** Inject one fault now; rejects with a plain-words reason when it cannot be done. */
  async inject(spec: FaultSpec): Promise<void> {
    const problem = faultProblem(this.graph, spec);
    if (problem) throw new Error(problem);
    const node = spec.target ?? this.graph.nodes.find((n) => n.kind === 'connection')!.id;
    const conn = connectionOf(this.graph, node)!;
    const live = this.host.connection(conn.id);
    if (!live) throw new Error(`${FAULTS[spec.fault].label}: connection "${conn.id}" is not part of this run`);
    const report = (target: string, description: string, extra: { frame?: string } = {}) => {
      const at = this.host.now();
      const why = AFTERMATH[spec.fault];
      if (why) this.recent.set(conn.id, { note: `${why} (Faults → ${FAULTS[spec.fault].label} at ${(at / 1000).toFixed(1)} s)`, until: at + AFTERMATH_MS });
      this.host.emit({ at, node, event: 'FAULT', fault: spec.fault, target, description, ...faultParameters(spec), ...extra });
    };
    const address = addressOf(this.graph, node);
    // broker faults: make sure the fault API is there, so the FAULT event comes before what it causes
    if (FAULTS[spec.fault].where === 'broker') await this.probe(live.url, spec);
    switch (spec.fault) {
      case 'restart-broker':
        report(live.url, `The broker closes every connection (amqp:connection:forced) and restarts; its queues are ${spec.keepQueues ? 'kept' : 'lost, as in a broker that keeps nothing on disk'}.`);
        return this.post(live.url, spec, { keepQueues: spec.keepQueues === true, ...(spec.downMs !== undefined ? { downMs: spec.downMs } : {}) });
      case 'drop-connection':
        report(live.containerId, `The broker cuts the socket of ${live.containerId} without a close frame, as a network failure would.`);
        return this.post(live.url, spec, { containerId: live.containerId });
      case 'pause-queue':
        await this.post(live.url, spec, { address });
        return report(address!, `The broker stops delivering from ${address}; messages wait in the queue.`);
      case 'resume-queue':
        await this.post(live.url, spec, { address });
        return report(address!, `The broker delivers from ${address} again.`);
      case 'slow-queue': {
        const perSecond = spec.perSecond ?? 1;
        await this.post(live.url, spec, { address, perSecond });
        return report(address!, perSecond > 0 ? `The broker delivers at most ${perSecond} message${perSecond === 1 ? '' : 's'} a second from ${address}.` : `The broker delivers from ${address} at full speed again.`);
      }
      case 'reject-next': {
        const count = spec.count ?? 1;
        const condition = spec.condition ?? 'amqp:internal-error';
        await this.post(live.url, spec, { address, count, condition });
        return report(address!, `The broker rejects the next ${count} message${count === 1 ? '' : 's'} sent to ${address} with ${condition}.`);
      }
      case 'delay-frames': {
        const ms = spec.ms ?? 200;
        this.faultsOf(conn.id).delayMs = ms;
        return report(live.url, ms > 0 ? `Every frame on ${conn.id} now takes ${ms} ms longer, each way.` : `Frames on ${conn.id} go without delay again.`);
      }
      case 'drop-next-frame': {
        const { match, what } = this.frameMatch(node, false);
        this.faultsOf(conn.id).dropNext(match, (f) => report(what, `Dropped ${describeFrame(f)}: the broker never sees it.`, { frame: describeFrame(f) }));
        return report(what, `The next ${what} will not be sent.`);
      }
      case 'duplicate-next-transfer': {
        const { match, what } = this.frameMatch(node, true);
        this.faultsOf(conn.id).duplicateNext(match, (f) => report(what, `Sent ${describeFrame(f)} twice: the same delivery-id again breaks the session's sequence, so the broker can tell.`, { frame: describeFrame(f) }));
        return report(what, `The next ${what} goes out twice.`);
      }
      case 'withhold-credit': {
        const held = this.withheld.get(node);
        const on = spec.on ?? !held;
        if (!on) {
          held?.();
          return report(`receiver ${node}`, `${node} sends flow frames again: the broker learns its credit.`);
        }
        if (held) return report(`receiver ${node}`, `${node} already withholds its flow frames.`);
        const link = this.host.link(node) as LinkInternals | undefined;
        const release = this.faultsOf(conn.id).withhold((f) => f.performative === 'flow' && this.isLink(f, node));
        this.withheld.set(node, () => {
          release();
          this.withheld.delete(node);
          // rhea believes the broker knows the credit: send a flow with what it has now
          const l = (this.host.link(node) ?? link) as { issue_flow?: boolean; connection?: { _register(): void } } | undefined;
          if (l?.connection) {
            l.issue_flow = true;
            l.connection._register();
          }
        });
        return report(`receiver ${node}`, `${node} stops sending flow frames: the broker's credit for it runs out and deliveries stop.`);
      }
    }
  }

  /** Which outgoing frames a drop or duplicate aimed at this node means, and how to say it. */
  private frameMatch(node: string, transfersOnly: boolean): { match: FrameMatch; what: string } {
    const n = this.graph.nodes.find((x) => x.id === node)!;
    if (n.kind === 'transfer' || n.kind === 'sender') {
      const sender = n.kind === 'sender' ? n.id : this.graph.edges.find((e) => e.target === n.id)!.source;
      return { match: (f) => f.performative === 'transfer' && this.isLink(f, sender), what: `transfer of ${sender}` };
    }
    if (transfersOnly) throw new Error(`${n.id} does not send transfers`);
    if (n.kind === 'receiver') return { match: (f) => (f.performative === 'flow' && this.isLink(f, n.id)) || (f.performative === 'disposition' && f.channel === this.channelOfLink(n.id)), what: `flow or disposition of ${n.id}` };
    if (n.kind === 'session') return { match: (f) => f.channel === this.host.sessionChannel(n.id), what: `frame of session ${n.id}` };
    return { match: () => true, what: `frame on ${n.id}` };
  }

  private channelOfLink(id: string): number | undefined {
    return (this.host.link(id) as LinkInternals | undefined)?.session.local.channel;
  }

  private isLink(f: FrameInfo, id: string): boolean {
    const link = this.host.link(id) as LinkInternals | undefined;
    return !!link && f.handle === link.local.handle && f.channel === link.session.local.channel;
  }

  private async probe(wsUrl: string, spec: FaultSpec): Promise<void> {
    const label = FAULTS[spec.fault].label;
    const url = managementUrl(wsUrl, '').replace(/\/$/, '');
    let res: Response;
    try {
      res = await fetch(url);
    } catch (e) {
      throw new Error(`${label} works only on the embedded broker: ${url} could not be reached (${(e as Error).message}).`, { cause: e });
    }
    if (!res.ok) throw new Error(`${label} works only on the embedded broker: ${url} answered HTTP ${res.status}.`);
    await res.body?.cancel();
  }

  private async post(wsUrl: string, spec: FaultSpec, body: Record<string, unknown>): Promise<void> {
    const label = FAULTS[spec.fault].label;
    const url = managementUrl(wsUrl, spec.fault);
    let res: Response;
    try {
      res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
    } catch (e) {
      throw new Error(`${label} works only on the embedded broker: ${url} could not be reached (${(e as Error).message}).`, { cause: e });
    }
    const answer = (await res.json().catch(() => null)) as { error?: string } | null;
    if (res.status === 404 && !answer?.error?.startsWith('no fault')) throw new Error(`${label} works only on the embedded broker: ${url} has no fault API.`);
    if (!res.ok) throw new Error(`${label}: ${answer?.error ?? `the broker answered HTTP ${res.status}`}`);
  }

  /**
   * An error shortly after a fault on its connection says so in its hint, in plain words, so the
   * audience connects cause and effect. Returns the event to emit (a copy when it adds a note).
   */
  annotate(e: EngineEvent, connectionOfNode: (id: string) => string | undefined): EngineEvent {
    if (!e.errorDetail || e.event === 'FAULT' || this.recent.size === 0) return e;
    const conn = connectionOfNode(e.node);
    const recent = conn === undefined ? undefined : this.recent.get(conn);
    if (!recent || e.at > recent.until) return e;
    const hint = e.errorDetail.hint ? `${recent.note} ${e.errorDetail.hint}` : recent.note;
    return { ...e, errorDetail: { ...e.errorDetail, hint } };
  }

  dispose(): void {
    for (const f of this.perConnection.values()) f.dispose();
    this.withheld.clear();
  }
}

/** How long after a fault the errors that follow mention it. */
const AFTERMATH_MS = 10_000;

/** What a fault makes happen next, for the hints of the errors that follow it. */
const AFTERMATH: Partial<Record<FaultSpec['fault'], string>> = {
  'restart-broker': 'The broker was restarted on purpose.',
  'drop-connection': 'The broker cut this connection on purpose.',
  'reject-next': 'The broker rejects messages to this address on purpose.',
  'drop-next-frame': 'A frame was dropped on purpose, so the peer never saw it.',
  'duplicate-next-transfer': 'A transfer was sent twice on purpose: the same delivery-id again breaks the session\'s sequence, which the broker may treat as a protocol error.',
};

/** The management endpoint of the embedded broker serving this WebSocket URL. */
export function managementUrl(wsUrl: string, fault: string): string {
  const u = new URL(wsUrl);
  u.protocol = u.protocol === 'wss:' ? 'https:' : 'http:';
  u.pathname = `/api/faults/${fault}`;
  u.search = '';
  u.hash = '';
  return u.toString();
}

function describeFrame(f: FrameInfo): string {
  return `${f.performative}${f.deliveryId !== undefined ? ` (delivery-id ${f.deliveryId})` : ''}`;
}
