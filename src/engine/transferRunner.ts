// One transfer node at run time: creates its send attempts on schedule (startAfterMs from the sender's open,
// then every intervalMs) and hands them to the sender's queue; every attempt ends in exactly one TRANSFER_SETTLED.
import type { GraphNode } from '../graph/types.ts';
import type { EffectivePropsByKind } from '../graph/defaults.ts';
import type { EngineEvent } from './events.ts';
import { Fifo, type Attempt, type AttemptSource, type SenderQueue } from './senderQueue.ts';
import type { ReceiverDirectory } from './receiverDirectory.ts';
import { buildMessage, replyToReceiver } from './message.ts';

/** A transfer with no interval keeps this many attempts created (TRANSFER_QUEUED) ahead of its sends. */
export const CREATED_AHEAD = 2_000;

interface TransferContext {
  now(): number;
  emit(e: EngineEvent): void;
  receivers: ReceiverDirectory;
}

export class TransferRunner {
  readonly id: string;
  readonly total: number;
  private readonly props: EffectivePropsByKind['transfer'];
  private readonly queue: SenderQueue;
  private readonly ctx: TransferContext;
  private created = 0;
  private started = false;
  private cancelled = false;
  private timer: ReturnType<typeof setTimeout> | undefined;
  /** attempts created but waiting for their reply-to receiver to open */
  private readonly waitingForReply = new Set<number>();

  constructor(node: GraphNode<'transfer'>, props: EffectivePropsByKind['transfer'], queue: SenderQueue, ctx: TransferContext) {
    this.props = props;
    this.id = node.id;
    this.queue = queue;
    this.ctx = ctx;
    this.total = Math.max(0, Math.floor(props.count));
  }

  /** The sender is open: start the clock. */
  start(): void {
    if (this.started || this.cancelled) return;
    this.started = true;
    const p = this.props;
    const fire = () => {
      this.timer = undefined;
      if (this.cancelled) return;
      if (p.intervalMs <= 0 && !replyToReceiver(p.replyTo)) {
        // All at once: attempts are created a window ahead of credit, so a count of 1,000,000 is a
        // counter here, not a million waiting objects.
        this.queue.enqueueSource(this.source());
        return;
      }
      do this.create(++this.created);
      while (this.created < this.total && p.intervalMs <= 0);
      if (this.created < this.total) this.timer = setTimeout(fire, p.intervalMs);
    };
    if (this.total > 0) this.timer = setTimeout(fire, Math.max(0, p.startAfterMs));
  }

  /** No more attempts: the ones not yet handed to the sender end as `unsent`. */
  cancel(note: string): void {
    if (this.cancelled) return;
    this.cancelled = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    const unsent = [...this.waitingForReply];
    this.waitingForReply.clear();
    for (let i = this.created + 1; i <= this.total; i++) unsent.push(i);
    this.created = this.total;
    for (const attempt of unsent.sort((a, b) => a - b)) {
      this.ctx.emit({ at: this.ctx.now(), node: this.id, event: 'TRANSFER_SETTLED', attempt, outcome: 'unsent', note });
    }
  }

  private source(): AttemptSource {
    const p = this.props;
    const ahead = new Fifo<Attempt>();
    const topUp = () => {
      while (!this.cancelled && this.created < this.total && ahead.length < CREATED_AHEAD) {
        const attempt = ++this.created;
        this.ctx.emit({ at: this.ctx.now(), node: this.id, event: 'TRANSFER_QUEUED', attempt });
        ahead.push({ transfer: this.id, attempt, build: () => buildMessage(p, this.id, attempt) });
      }
    };
    topUp();
    return {
      transfer: this.id,
      remaining: () => ahead.length + (this.cancelled ? 0 : this.total - this.created),
      next: () => {
        const a = ahead.shift() ?? null;
        topUp();
        return a;
      },
      created: () => ahead.drain(),
    };
  }

  private create(attempt: number): void {
    const p = this.props;
    this.ctx.emit({ at: this.ctx.now(), node: this.id, event: 'TRANSFER_QUEUED', attempt });
    const receiverId = replyToReceiver(p.replyTo);
    if (!receiverId) {
      this.queue.enqueue({ transfer: this.id, attempt, build: () => buildMessage(p, this.id, attempt) });
      return;
    }
    this.waitingForReply.add(attempt);
    void this.ctx.receivers.whenOpen(receiverId).then((address) => {
      if (!this.waitingForReply.delete(attempt)) return; // cancelled meanwhile
      if (address === null) {
        this.ctx.emit({ at: this.ctx.now(), node: this.id, event: 'TRANSFER_SETTLED', attempt, outcome: 'unsent', note: `reply-to receiver "${receiverId}" never opened` });
        return;
      }
      this.queue.enqueue({ transfer: this.id, attempt, build: () => buildMessage(p, this.id, attempt, address) });
    });
  }
}
