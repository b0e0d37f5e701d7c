// What has really left the page: in step mode the engine hands a transfer to rhea (TRANSFER_SENT)
// long before its frame is released by Step. Counting the outgoing transfer frames of the trace
// gives the number on the wire per sender and per transfer node.
//
// Kept per sender with delivery ids as number keys (no string built per transfer), since a replay or
// a rewind feeds a whole run's events and frames through here at once.
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import { fieldOf } from './describeFrame.ts';

interface SenderWire {
  /** delivery id → the transfer node that sent it, until its frame is counted */
  transferOf: Map<number, string>;
  /** deliveries whose frame went out before their TRANSFER_SENT was seen */
  early: Set<number>;
  counted: Set<number>;
}

export class OnTheWire {
  private readonly senders = new Map<string, SenderWire>();
  private readonly sent = new Map<string, number>();
  private lastSender = '';
  private lastWire: SenderWire | undefined;

  private bump(node: string) {
    this.sent.set(node, (this.sent.get(node) ?? 0) + 1);
  }

  private wireOf(sender: string): SenderWire {
    if (sender === this.lastSender && this.lastWire) return this.lastWire;
    let w = this.senders.get(sender);
    if (!w) this.senders.set(sender, (w = { transferOf: new Map(), early: new Set(), counted: new Set() }));
    this.lastSender = sender;
    this.lastWire = w;
    return w;
  }

  /** A TRANSFER_SENT: which transfer a sender's delivery id belongs to. */
  addEvent(e: EngineEvent, parentOf: Readonly<Record<string, string>>): void {
    if (e.event !== 'TRANSFER_SENT') return;
    const sender = parentOf[e.node];
    if (!sender) return;
    const w = this.wireOf(sender);
    if (w.early.delete(e.deliveryId)) this.bump(e.node);
    else w.transferOf.set(e.deliveryId, e.node);
  }

  /** An outgoing frame, with the node it was attributed to (its sender link for a transfer). */
  addFrame(f: FrameRecord, node: string): void {
    if (f.dir !== 'out' || f.performative !== 'transfer') return;
    const raw = fieldOf(f, 'delivery_id');
    if (raw === undefined || raw === null) return; // a continuation frame of a multi-frame delivery
    const id = Number(raw);
    const w = this.wireOf(node);
    if (w.counted.has(id)) return;
    w.counted.add(id);
    this.bump(node);
    const transfer = w.transferOf.get(id);
    if (transfer === undefined) {
      w.early.add(id);
      return;
    }
    w.transferOf.delete(id);
    this.bump(transfer);
  }

  /** Transfers of this sender or transfer node whose frame has gone out. */
  count(node: string): number {
    return this.sent.get(node) ?? 0;
  }
}
