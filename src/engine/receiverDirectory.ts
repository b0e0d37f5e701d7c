// Where each receiver node's address can be awaited: `replyTo: "@<receiverNodeId>"` waits for that receiver to open.

export class ReceiverDirectory {
  private readonly addresses = new Map<string, string>();
  private readonly gone = new Set<string>();
  private readonly waiters = new Map<string, ((address: string | null) => void)[]>();

  opened(id: string, address: string): void {
    this.addresses.set(id, address);
    this.gone.delete(id);
    this.wake(id, address);
  }

  closed(id: string): void {
    this.gone.add(id);
    if (!this.addresses.has(id)) this.wake(id, null);
  }

  /** The receiver's address once it is open (its last one if it has closed since), or null if it never opens. */
  whenOpen(id: string): Promise<string | null> {
    const known = this.addresses.get(id);
    if (known !== undefined) return Promise.resolve(known);
    if (this.gone.has(id)) return Promise.resolve(null);
    return new Promise((resolve) => {
      const list = this.waiters.get(id) ?? [];
      list.push(resolve);
      this.waiters.set(id, list);
    });
  }

  /** Wakes everyone still waiting (run stopped). */
  closeAll(): void {
    for (const id of [...this.waiters.keys()]) this.wake(id, this.addresses.get(id) ?? null);
  }

  private wake(id: string, address: string | null): void {
    const list = this.waiters.get(id);
    this.waiters.delete(id);
    for (const w of list ?? []) w(address);
  }
}
