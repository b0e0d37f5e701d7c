// Wraps the injected WebSocket as the byte socket rhea expects, tapping bytes in both directions for the
// frame trace and sending outgoing bytes through the step gate, one header or frame at a time.
import { Buffer } from 'buffer';
import type { WebSocketLike } from './run.ts';
import { nextUnitSize } from './frameDecoder.ts';
import type { StepGate } from './stepGate.ts';

/** Splits a byte stream into whole protocol headers and frames; WebSocket messages need not match frames. */
export class UnitSplitter {
  private pending: Buffer = Buffer.alloc(0);

  push(chunk: Uint8Array): Buffer[] {
    const b = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    this.pending = this.pending.length ? Buffer.concat([this.pending, b]) : b;
    const units: Buffer[] = [];
    for (;;) {
      const size = nextUnitSize(this.pending);
      if (size === 0) break;
      if (size < 0) {
        units.push(this.pending);
        this.pending = Buffer.alloc(0);
        break;
      }
      units.push(this.pending.subarray(0, size));
      this.pending = this.pending.subarray(size);
    }
    return units;
  }
}

/** What the socket saw when it closed, for the connection doctor. */
export interface SocketEnd {
  opened: boolean;
  /** message of the error event, when the WebSocket implementation gives one (Node `ws` does, browsers don't) */
  errorMessage?: string;
  code?: number;
  reason?: string;
}

export interface TapOptions {
  connection: string;
  gate: StepGate;
  now(): number;
  /** called per whole unit when the trace is on; `out` units when they actually leave */
  onUnit(dir: 'in' | 'out', bytes: Buffer): void;
  tracing(): boolean;
  onEnd(end: SocketEnd): Error;
}

type Handler = (arg?: unknown) => void;

/** The subset of a Node socket that rhea's Connection uses. */
export interface RheaSocket {
  end(): void;
  write(data: Buffer): void;
  on(event: string, handler: Handler): void;
  get_id_string(): string;
}

export function tapSocket(ws: WebSocketLike, url: string, opts: TapOptions, onOpen: () => void): RheaSocket {
  const handlers: Record<string, Handler> = {};
  const inSplit = new UnitSplitter();
  const outSplit = new UnitSplitter();
  const end: SocketEnd = { opened: false };
  let ended = false;
  ws.binaryType = 'arraybuffer';
  ws.onopen = () => {
    end.opened = true;
    onOpen();
  };
  ws.onmessage = (ev) => {
    const buf = toBuffer(ev.data);
    if (opts.tracing()) for (const u of inSplit.push(buf)) opts.onUnit('in', u);
    handlers.data?.(buf);
  };
  ws.onerror = (ev) => {
    const msg = errorMessageOf(ev);
    if (msg && !end.errorMessage) end.errorMessage = msg;
  };
  ws.onclose = (ev) => {
    if (ended) return;
    ended = true;
    end.code = ev?.code;
    end.reason = ev?.reason;
    opts.gate.drop(opts.connection);
    handlers.end?.(opts.onEnd(end));
  };
  const release = (bytes: Uint8Array) => {
    if (ws.readyState !== 1) return;
    ws.send(bytes);
    if (opts.tracing()) opts.onUnit('out', Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  };
  let batch: Buffer[] = [];
  const sendBatch = () => {
    if (!batch.length) return;
    const parts = batch;
    batch = [];
    if (ws.readyState !== 1) return;
    ws.send(parts.length === 1 ? parts[0]! : Buffer.concat(parts));
    if (opts.tracing()) for (const p of parts) for (const u of outSplit.push(p)) opts.onUnit('out', u);
  };
  return {
    end: () => {
      sendBatch();
      try {
        ws.close();
      } catch {
        /* already closing */
      }
    },
    write: (data) => {
      if (!opts.gate.stepping && opts.gate.size === 0) {
        // Not stepping: rhea writes one frame at a time; what it writes in one go leaves as one
        // WebSocket message at the end of the task instead of one message per frame.
        batch.push(data);
        if (batch.length === 1) queueMicrotask(sendBatch);
        return;
      }
      sendBatch();
      for (const u of outSplit.push(data)) {
        // copy: rhea may reuse its buffer, and a held unit must not change
        opts.gate.offer({ connection: opts.connection, bytes: new Uint8Array(u), at: opts.now(), release });
      }
    },
    on: (event, handler) => {
      handlers[event] = handler;
    },
    get_id_string: () => url,
  };
}

function toBuffer(data: unknown): Buffer {
  if (data instanceof ArrayBuffer) return Buffer.from(data);
  if (ArrayBuffer.isView(data)) return Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  if (Array.isArray(data)) return Buffer.concat(data as Buffer[]);
  return Buffer.from(String(data));
}

function errorMessageOf(ev: unknown): string | undefined {
  if (!ev || typeof ev !== 'object') return undefined;
  const e = ev as { message?: unknown; error?: { message?: unknown; code?: unknown } };
  const m = typeof e.message === 'string' && e.message ? e.message : typeof e.error?.message === 'string' ? e.error.message : undefined;
  const code = typeof e.error?.code === 'string' ? e.error.code : undefined;
  return m && code && !m.includes(code) ? `${m} (${code})` : m;
}
