// Page-side faults, in the socket layer under rhea, so they work against any broker: drop the next
// matching outgoing frame, send the next transfer twice, hold back a receiver's flow frames, and
// delay every frame on a connection. One ConnectionFaults per connection node; it outlives the
// sockets (a reconnect wraps the new one). With nothing armed, bytes pass straight through.
import { Buffer } from 'buffer';
import type { WebSocketLike } from './run.ts';
import { decodeUnit, nextUnitSize, type DecodedFrame } from './frameDecoder.ts';

/** What an outgoing frame rule sees of a frame. */
export interface FrameInfo {
  performative: string;
  channel: number;
  handle?: number;
  deliveryId?: number;
}

export type FrameMatch = (f: FrameInfo) => boolean;

interface Rule {
  action: 'drop' | 'duplicate';
  match: FrameMatch;
  /** one frame, then the rule ends; otherwise until removed */
  once: boolean;
  hit?: (f: FrameInfo) => void;
}

/** Runs callbacks in order, each no earlier than `ms` after it was queued. */
class DelayLine {
  private readonly items: { due: number; run: () => void }[] = [];
  private timer: ReturnType<typeof setTimeout> | undefined;

  get busy(): boolean {
    return this.items.length > 0;
  }

  push(ms: number, run: () => void): void {
    const last = this.items.at(-1)?.due ?? 0;
    this.items.push({ due: Math.max(Date.now() + ms, last), run });
    this.arm();
  }

  private arm(): void {
    if (this.timer || !this.items.length) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      const now = Date.now();
      while (this.items.length && this.items[0]!.due <= now) this.items.shift()!.run();
      this.arm();
    }, Math.max(0, this.items[0]!.due - Date.now()));
  }

  clear(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.items.length = 0;
  }
}

export class ConnectionFaults {
  /** ms added to every frame, each way */
  delayMs = 0;
  private rules: Rule[] = [];
  private readonly outLine = new DelayLine();
  private readonly inLine = new DelayLine();

  get armed(): boolean {
    return this.rules.length > 0;
  }

  /** Drop the next outgoing frame that matches. */
  dropNext(match: FrameMatch, hit?: (f: FrameInfo) => void): void {
    this.rules.push({ action: 'drop', match, once: true, hit });
  }

  /** Send the next matching outgoing frame twice. */
  duplicateNext(match: FrameMatch, hit?: (f: FrameInfo) => void): void {
    this.rules.push({ action: 'duplicate', match, once: true, hit });
  }

  /** Drop every matching outgoing frame until the returned function is called. */
  withhold(match: FrameMatch, hit?: (f: FrameInfo) => void): () => void {
    const rule: Rule = { action: 'drop', match, once: false, hit };
    this.rules.push(rule);
    return () => {
      this.rules = this.rules.filter((r) => r !== rule);
    };
  }

  /** The WebSocket with these faults applied; the engine talks to this one instead. */
  wrap(ws: WebSocketLike): WebSocketLike {
    const inLine = this.inLine;
    const delay = () => this.delayMs;
    const later = (handler: ((ev: never) => void) | null) =>
      handler && ((ev: unknown) => (delay() > 0 || inLine.busy ? inLine.push(delay(), () => handler(ev as never)) : handler(ev as never)));
    const handlers: Record<'onopen' | 'onmessage' | 'onclose' | 'onerror', ((ev: never) => void) | null> = { onopen: null, onmessage: null, onclose: null, onerror: null };
    const wrapped = {
      get binaryType() {
        return ws.binaryType;
      },
      set binaryType(v: string) {
        ws.binaryType = v;
      },
      get readyState() {
        return ws.readyState;
      },
      get protocol() {
        return ws.protocol;
      },
      send: (data: ArrayBufferLike | ArrayBufferView) => {
        this.outgoing(data, (bytes) => {
          if (ws.readyState === 1) ws.send(bytes);
        });
      },
      close: (code?: number, reason?: string) => {
        // frames still waiting (the close frame among them) go first
        if (this.outLine.busy) this.outLine.push(0, () => ws.close(code, reason));
        else ws.close(code, reason);
      },
    } as WebSocketLike;
    for (const name of ['onopen', 'onmessage', 'onclose', 'onerror'] as const) {
      Object.defineProperty(wrapped, name, {
        get: () => handlers[name],
        set: (h: ((ev: never) => void) | null) => {
          handlers[name] = h;
          // open and errors are not frames: only messages and the close behind them wait
          (ws as unknown as Record<string, unknown>)[name] = name === 'onmessage' || name === 'onclose' ? later(h) : h;
        },
      });
    }
    return wrapped;
  }

  private outgoing(data: ArrayBufferLike | ArrayBufferView, send: (b: ArrayBufferLike | ArrayBufferView) => void): void {
    let out: ArrayBufferLike | ArrayBufferView = data;
    if (this.rules.length) out = this.applyRules(toBuffer(data));
    if (ArrayBuffer.isView(out) && out.byteLength === 0) return;
    if (this.delayMs > 0 || this.outLine.busy) this.outLine.push(this.delayMs, () => send(out));
    else send(out);
  }

  private applyRules(buf: Buffer): Buffer {
    const kept: Buffer[] = [];
    let rest = buf;
    for (;;) {
      const size = nextUnitSize(rest);
      if (size <= 0) {
        if (rest.length) kept.push(rest); // not a whole frame: pass it on untouched
        break;
      }
      const unit = rest.subarray(0, size);
      rest = rest.subarray(size);
      const action = this.actionFor(unit);
      if (action !== 'drop') kept.push(unit);
      if (action === 'duplicate') kept.push(unit);
    }
    return kept.length === 1 ? kept[0]! : Buffer.concat(kept);
  }

  private actionFor(unit: Buffer): Rule['action'] | 'pass' {
    const d: DecodedFrame = decodeUnit(unit);
    if (d.performative === 'header' || d.performative === 'heartbeat' || d.performative.startsWith('sasl')) return 'pass';
    const info: FrameInfo = {
      performative: d.performative,
      channel: d.channel,
      ...(typeof d.fields.handle === 'number' ? { handle: d.fields.handle } : {}),
      ...(typeof d.fields.delivery_id === 'number' ? { deliveryId: d.fields.delivery_id } : {}),
    };
    const rule = this.rules.find((r) => r.match(info));
    if (!rule) return 'pass';
    if (rule.once) this.rules = this.rules.filter((r) => r !== rule);
    rule.hit?.(info);
    return rule.action;
  }

  /** The run ended: forget armed rules and anything waiting. */
  dispose(): void {
    this.rules = [];
    this.delayMs = 0;
    this.outLine.clear();
    this.inLine.clear();
  }
}

function toBuffer(data: ArrayBufferLike | ArrayBufferView): Buffer {
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  return Buffer.from(data as ArrayBuffer);
}
