// The runtime tree under one connection node: its sessions, senders (each with its queue and transfers) and
// receivers, each with its effective props computed once, and the map from rhea endpoints back to node ids.
import type { Receiver, Sender, Session } from 'rhea';
import { effectiveProps, type EffectivePropsByKind } from '../graph/defaults.ts';
import type { GraphNode } from '../graph/types.ts';
import type { CreditState } from './credit.ts';
import type { ReceiverControl } from './receiverControl.ts';
import type { SenderQueue } from './senderQueue.ts';
import type { TransferRunner } from './transferRunner.ts';

export interface SessionRt {
  node: GraphNode<'session'>;
  props: EffectivePropsByKind['session'];
  ssn?: Session;
}
export interface SenderRt {
  node: GraphNode<'sender'>;
  props: EffectivePropsByKind['sender'];
  session: string;
  link?: Sender;
  queue: SenderQueue;
  transfers: TransferRunner[];
}
export interface ReceiverRt {
  node: GraphNode<'receiver'>;
  props: EffectivePropsByKind['receiver'];
  session: string;
  link?: Receiver;
  control: ReceiverControl;
}

/** Makes a sender's queue and transfer runners, and a receiver's control (the runner wires their events). */
export interface EndpointFactory {
  senderQueue(node: GraphNode<'sender'>, props: EffectivePropsByKind['sender']): SenderQueue;
  transferRunner(node: GraphNode<'transfer'>, props: EffectivePropsByKind['transfer'], queue: SenderQueue): TransferRunner;
  receiverControl(node: GraphNode<'receiver'>, props: EffectivePropsByKind['receiver']): ReceiverControl;
}

export class EndpointTree {
  readonly connection: GraphNode<'connection'>;
  readonly props: EffectivePropsByKind['connection'];
  readonly sessions = new Map<string, SessionRt>();
  readonly senders = new Map<string, SenderRt>();
  readonly receivers = new Map<string, ReceiverRt>();
  /** rhea endpoint → graph node id */
  private readonly ids = new WeakMap<object, string>();

  constructor(connection: GraphNode<'connection'>, childrenOf: (id: string) => GraphNode[], make: EndpointFactory) {
    this.connection = connection;
    this.props = effectiveProps(connection);
    for (const s of childrenOf(connection.id)) {
      if (s.kind !== 'session') continue;
      this.sessions.set(s.id, { node: s, props: effectiveProps(s) });
      for (const l of childrenOf(s.id)) {
        if (l.kind === 'sender') {
          const props = effectiveProps(l);
          const queue = make.senderQueue(l, props);
          const transfers = childrenOf(l.id)
            .filter((t): t is GraphNode<'transfer'> => t.kind === 'transfer')
            .map((t) => make.transferRunner(t, effectiveProps(t), queue));
          this.senders.set(l.id, { node: l, props, session: s.id, queue, transfers });
        } else if (l.kind === 'receiver') {
          const props = effectiveProps(l);
          this.receivers.set(l.id, { node: l, props, session: s.id, control: make.receiverControl(l, props) });
        }
      }
    }
  }

  /** Remembers which node a rhea session or link stands for. */
  bind(endpoint: object, nodeId: string): void {
    this.ids.set(endpoint, nodeId);
  }

  idOf(endpoint: object | undefined): string | undefined {
    return endpoint ? this.ids.get(endpoint) : undefined;
  }

  /** Every session, sender and receiver node id (not the connection). */
  childIds(): string[] {
    return [...this.sessions.keys(), ...this.senders.keys(), ...this.receivers.keys()];
  }

  /** The links of one session, senders first. */
  linksOf(sessionId: string): string[] {
    const ids: string[] = [];
    for (const [id, s] of this.senders) if (s.session === sessionId) ids.push(id);
    for (const [id, r] of this.receivers) if (r.session === sessionId) ids.push(id);
    return ids;
  }

  transferRunners(): TransferRunner[] {
    return [...this.senders.values()].flatMap((s) => s.transfers);
  }

  /** The sender holding this transfer node, with the transfer's runner. */
  findTransfer(id: string): { sender: SenderRt; transfer: TransferRunner } | undefined {
    for (const sender of this.senders.values()) {
      const transfer = sender.transfers.find((t) => t.id === id);
      if (transfer) return { sender, transfer };
    }
    return undefined;
  }

  /** Whether this node is the connection or anything under it. */
  has(id: string): boolean {
    return id === this.connection.id || this.sessions.has(id) || this.senders.has(id) || this.receivers.has(id) || !!this.findTransfer(id);
  }

  /** Credit as shown for a link node, or null when it has no link. */
  creditOf(id: string): CreditState | null {
    return this.senders.get(id)?.queue.creditState() ?? this.receivers.get(id)?.control.creditState() ?? null;
  }
}
