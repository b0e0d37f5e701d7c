// ---- transfers: every attempt ends in exactly one TRANSFER_SETTLED ----
import { print, type Outcome, type ErrorDetail } from './commandLine.ts';
import { type Attempt } from './senderQueue.ts';
import { checkDone } from './runEnd.ts';
export let totalAttempts = 0;
export let settledAttempts = 0;
export function settle(a: Attempt, outcome: Outcome, extra: { note?: string; errorDetail?: ErrorDetail } = {}): void {
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
export const transfersOf = new Map<string, Transfer[]>();
