// Faults a flow can inject on purpose ("break it on purpose"): their names (contracts §2 and §5),
// the menu labels, what each needs, and which node each one can target. Pure data and checks; the
// engine carries them out, the page and the CLI only describe them.
import type { Graph, GraphNode, NodeKind } from './types.ts';
import { parentOf } from './wiring.ts';
import { FAULT_NAMES, type FaultName, type FaultSpec } from './faultSpec.ts';

export { FAULT_NAMES, type FaultName, type FaultSpec } from './faultSpec.ts';

export interface FaultInfo {
  /** the menu item's exact name (contracts §5) */
  label: string;
  /** on the embedded broker (its management API) or in the page's socket layer (any broker) */
  where: 'broker' | 'page';
  /** node kinds it can target; the first is what it acts on, the others lead to it */
  targets: readonly NodeKind[];
  /** why it is disabled when the selection does not fit */
  needs: string;
  /** what it does, in plain words */
  help: string;
}

const LINKS = ['sender', 'receiver', 'transfer'] as const;
const ANY = ['connection', 'session', 'sender', 'receiver', 'transfer'] as const;

export const FAULTS: Record<FaultName, FaultInfo> = {
  'restart-broker': { label: 'Restart broker', where: 'broker', targets: ANY, needs: 'Select a node of a flow on the embedded broker first', help: 'The embedded broker closes every connection (amqp:connection:forced), stays down a moment and comes back on the same port; its queues are lost unless kept.' },
  'drop-connection': { label: 'Drop connection', where: 'broker', targets: ANY, needs: 'Select a connection (or a node under it) first', help: 'The broker cuts this connection\'s socket without a close frame, as a network failure would.' },
  'pause-queue': { label: 'Pause queue', where: 'broker', targets: LINKS, needs: 'Select a sender or receiver (its address is the queue) first', help: 'The broker stops delivering from this address; messages wait in the queue.' },
  'resume-queue': { label: 'Resume queue', where: 'broker', targets: LINKS, needs: 'Select a sender or receiver (its address is the queue) first', help: 'The broker delivers from this address again, at full speed.' },
  'slow-queue': { label: 'Slow queue', where: 'broker', targets: LINKS, needs: 'Select a sender or receiver (its address is the queue) first', help: 'The broker delivers at most N messages a second from this address.' },
  'reject-next': { label: 'Reject next N', where: 'broker', targets: LINKS, needs: 'Select a sender or receiver (its address is the queue) first', help: 'The broker rejects the next N messages sent to this address with the chosen condition.' },
  'drop-next-frame': { label: 'Drop next frame', where: 'page', targets: ANY, needs: 'Select a node of the flow first', help: 'The page does not send the next frame of this node (a transfer, a flow, …): the peer never sees it.' },
  'delay-frames': { label: 'Delay frames', where: 'page', targets: ANY, needs: 'Select a connection (or a node under it) first', help: 'Every frame on this connection waits N ms more, each way (0 lifts it).' },
  'duplicate-next-transfer': { label: 'Duplicate next transfer', where: 'page', targets: ['sender', 'transfer'], needs: 'Select a sender or a transfer first', help: 'The next transfer frame of this sender goes out twice, with the same delivery-id.' },
  'withhold-credit': { label: 'Withhold credit', where: 'page', targets: ['receiver'], needs: 'Select a receiver first', help: 'This receiver stops sending flow frames: the broker runs out of credit for it (again to give them back).' },
};

export const isFaultName = (v: unknown): v is FaultName => typeof v === 'string' && (FAULT_NAMES as readonly string[]).includes(v);

/** The connection node a node belongs to (itself for a connection). */
export function connectionOf(g: Graph, id: string): GraphNode<'connection'> | undefined {
  let n = g.nodes.find((x) => x.id === id);
  for (let i = 0; n && n.kind !== 'connection' && i < 4; i++) n = parentOf(g, n.id);
  return n?.kind === 'connection' ? (n as GraphNode<'connection'>) : undefined;
}

/** The queue address a link node (or a transfer's sender) names, when it names one. */
export function addressOf(g: Graph, id: string): string | undefined {
  let n = g.nodes.find((x) => x.id === id);
  if (n?.kind === 'transfer') n = parentOf(g, n.id);
  if (n?.kind !== 'sender' && n?.kind !== 'receiver') return undefined;
  const address = (n.props as { address?: string }).address;
  return address || undefined;
}

/** Why this fault cannot be aimed at this node of this graph, in plain words; null when it can. */
export function faultProblem(g: Graph, spec: FaultSpec): string | null {
  const info = FAULTS[spec.fault];
  if (!info) return `no fault "${String(spec.fault)}"; one of ${FAULT_NAMES.join(', ')}`;
  const node = spec.target === undefined ? undefined : g.nodes.find((n) => n.id === spec.target);
  if (spec.target !== undefined && !node) return `${info.label}: no node "${spec.target}" in this flow`;
  if (!node) {
    if (spec.fault === 'restart-broker' && g.nodes.some((n) => n.kind === 'connection')) return null;
    return `${info.label}: ${info.needs.toLowerCase()}`;
  }
  if (!info.targets.includes(node.kind)) return `${info.label}: ${info.needs.toLowerCase()}`;
  if (!connectionOf(g, node.id)) return `${info.label}: "${node.id}" is not under a connection`;
  if (LINK_QUEUE_FAULTS.has(spec.fault) && !addressOf(g, node.id)) return `${info.label}: "${node.id}" has no address to act on`;
  const bad = paramProblem(spec);
  return bad ? `${info.label}: ${bad}` : null;
}

const LINK_QUEUE_FAULTS: ReadonlySet<FaultName> = new Set(['pause-queue', 'resume-queue', 'slow-queue', 'reject-next']);

const wholeAtLeast = (v: unknown, min: number) => typeof v === 'number' && Number.isInteger(v) && v >= min;

function paramProblem(s: FaultSpec): string | null {
  if (s.count !== undefined && !wholeAtLeast(s.count, 1)) return 'count must be a whole number of 1 or more';
  if (s.ms !== undefined && !(wholeAtLeast(s.ms, 0) && s.ms <= 60_000)) return 'ms must be a whole number from 0 to 60000';
  if (s.perSecond !== undefined && !(wholeAtLeast(s.perSecond, 0) && s.perSecond <= 100_000)) return 'perSecond must be a whole number from 0 to 100000';
  if (s.downMs !== undefined && !(wholeAtLeast(s.downMs, 0) && s.downMs <= 60_000)) return 'downMs must be a whole number from 0 to 60000';
  if (s.condition !== undefined && !/^[\w.-]+:[\w:.-]+$/.test(s.condition)) return 'condition must look like amqp:internal-error';
  return null;
}

/** The fields of a fault spec other than its name and target (what a FAULT event carries as parameters). */
export function faultParameters(s: FaultSpec): Omit<FaultSpec, 'fault' | 'target'> {
  const { fault: _f, target: _t, ...rest } = s;
  return rest;
}
