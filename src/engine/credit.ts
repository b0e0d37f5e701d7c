// Coalesces credit changes: at most one CREDIT event per link per tick, and only when something changed.

export interface CreditState {
  credit: number;
  deliveryCount: number;
  queued: number;
}

export class CreditCoalescer {
  private readonly pending = new Set<string>();
  private readonly last = new Map<string, CreditState>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly read: (linkNodeId: string) => CreditState | null;
  private readonly emit: (linkNodeId: string, s: CreditState) => void;

  constructor(read: (linkNodeId: string) => CreditState | null, emit: (linkNodeId: string, s: CreditState) => void) {
    this.read = read;
    this.emit = emit;
  }

  /** Something about this link may have changed; report it on the next tick. */
  mark(linkNodeId: string): void {
    this.pending.add(linkNodeId);
    this.timer ??= setTimeout(() => this.flush(), 0);
  }

  /** Report this link now (if changed), e.g. right after it opens so its first credit is in order. */
  flushLink(linkNodeId: string): void {
    this.pending.delete(linkNodeId);
    this.report(linkNodeId);
  }

  flush(): void {
    this.timer = undefined;
    const ids = [...this.pending];
    this.pending.clear();
    for (const id of ids) this.report(id);
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.pending.clear();
  }

  private report(id: string): void {
    const s = this.read(id);
    if (!s) return;
    const prev = this.last.get(id);
    if (prev && prev.credit === s.credit && prev.deliveryCount === s.deliveryCount && prev.queued === s.queued) return;
    this.last.set(id, { ...s });
    this.emit(id, s);
  }
}
