// Step mode: holds outgoing units (headers and frames) of every connection of a run and releases them one per step().
// Protocol headers and SASL frames pass on their own (they are the same every time and teach little);
// every AMQP frame from `open` on, heartbeats included, waits for a step.

export interface HeldUnit {
  connection: string;
  bytes: Uint8Array;
  /** ms since run start when rhea wrote it */
  at: number;
  release(bytes: Uint8Array): void;
}

export function isSetupUnit(bytes: Uint8Array): boolean {
  const isHeader = bytes.length === 8 && bytes[0] === 0x41 && bytes[1] === 0x4d && bytes[2] === 0x51 && bytes[3] === 0x50;
  return isHeader || bytes[5] === 1; // frame type byte 1 = SASL
}

export class StepGate {
  private held: HeldUnit[] = [];
  private enabled: boolean;
  private readonly onChange: () => void;

  constructor(enabled: boolean, onChange: () => void = () => {}) {
    this.enabled = enabled;
    this.onChange = onChange;
  }

  get stepping(): boolean {
    return this.enabled;
  }

  get size(): number {
    return this.held.length;
  }

  /** Sends at once, or holds the unit until a step; order per connection is always kept. */
  offer(unit: HeldUnit): void {
    const waitingAhead = this.held.some((h) => h.connection === unit.connection);
    if (!this.enabled || (!waitingAhead && isSetupUnit(unit.bytes))) {
      unit.release(unit.bytes);
      return;
    }
    this.held.push(unit);
    this.onChange();
  }

  /** Releases the oldest held unit (and any setup units that were only waiting behind it). */
  step(): boolean {
    const next = this.held.shift();
    if (!next) return false;
    next.release(next.bytes);
    this.releaseSetupHeads();
    this.onChange();
    return true;
  }

  peek(): HeldUnit | null {
    return this.held[0] ?? null;
  }

  setEnabled(on: boolean): void {
    this.enabled = on;
    if (!on) this.flush();
  }

  /** Sends everything held, in order. */
  flush(): void {
    const all = this.held.splice(0);
    for (const h of all) h.release(h.bytes);
    if (all.length) this.onChange();
  }

  /** Forgets the held units of a connection whose socket is gone. */
  drop(connection: string): void {
    const before = this.held.length;
    this.held = this.held.filter((h) => h.connection !== connection);
    if (this.held.length !== before) this.onChange();
  }

  private releaseSetupHeads(): void {
    for (;;) {
      const idx = this.held.findIndex((h) => isSetupUnit(h.bytes) && !this.held.slice(0, this.held.indexOf(h)).some((o) => o.connection === h.connection));
      if (idx < 0) return;
      const [h] = this.held.splice(idx, 1);
      h!.release(h!.bytes);
    }
  }
}
