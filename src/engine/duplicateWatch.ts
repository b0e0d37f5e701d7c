// Spots a message a receiver has already had: the same message-id again on the same receiver node.
// At-least-once delivery (a resend after reconnect, a duplicated transfer, a redelivery the broker
// could not avoid) shows as `duplicate: true` on MESSAGE_RECEIVED. Remembers the last ids only.

/** Message-ids remembered per receiver. */
export const DUPLICATE_MEMORY = 10_000;

export class DuplicateWatch {
  private readonly seen = new Map<string, Set<string>>();
  /** per receiver, the remembered ids in a ring, oldest at `next` once full */
  private readonly ring = new Map<string, { ids: string[]; next: number }>();

  /** True when this receiver has had a message with this id before (ids that are not strings or numbers are never duplicates). */
  check(receiver: string, messageId: unknown): boolean {
    if (typeof messageId !== 'string' && typeof messageId !== 'number') return false;
    const id = String(messageId);
    let set = this.seen.get(receiver);
    if (!set) {
      this.seen.set(receiver, (set = new Set()));
      this.ring.set(receiver, { ids: [], next: 0 });
    }
    if (set.has(id)) return true;
    set.add(id);
    const ring = this.ring.get(receiver)!;
    if (ring.ids.length < DUPLICATE_MEMORY) {
      ring.ids.push(id);
    } else {
      set.delete(ring.ids[ring.next]!);
      ring.ids[ring.next] = id;
      ring.next = (ring.next + 1) % DUPLICATE_MEMORY;
    }
    return false;
  }
}
