// What has really left the page: in step mode the engine hands a transfer to rhea (TRANSFER_SENT)
// long before its frame is released by Step. Counting the outgoing transfer frames of the trace
// gives the number on the wire per sender and per transfer node.
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import { fieldOf } from './describeFrame.ts';

export class OnTheWire {
  /** `${sender}:${deliveryId}` → the transfer node that sent it */
  private readonly transferOf = new Map<string, string>();
  /** deliveries whose frame went out before their TRANSFER_SENT was seen */
  private readonly early = new Set<string>();
  private readonly counted = new Set<string>();
  private readonly sent = new Map<string, number>();

  private bump(node: string) {
    this.sent.set(node, (this.sent.get(node) ?? 0) + 1);
  }

  /** A TRANSFER_SENT: which transfer a sender's delivery id belongs to. */
  addEvent(e: EngineEvent, parentOf: Readonly<Record<string, string>>): void {
    if (e.event !== 'TRANSFER_SENT') return;
    const sender = parentOf[e.node];
    if (!sender) return;
    const key = `${sender}:${e.deliveryId}`;
    this.transferOf.set(key, e.node);
    if (this.early.delete(key)) this.bump(e.node);
  }

  /** An outgoing frame, with the node it was attributed to (its sender link for a transfer). */
  addFrame(f: FrameRecord, node: string): void {
    if (f.dir !== 'out' || f.performative !== 'transfer') return;
    const id = fieldOf(f, 'delivery_id');
    if (id === undefined || id === null) return; // a continuation frame of a multi-frame delivery
    const key = `${node}:${String(id)}`;
    if (this.counted.has(key)) return;
    this.counted.add(key);
    this.bump(node);
    const transfer = this.transferOf.get(key);
    if (transfer) this.bump(transfer);
    else this.early.add(key);
  }

  /** Transfers of this sender or transfer node whose frame has gone out. */
  count(node: string): number {
    return this.sent.get(node) ?? 0;
  }
}
