// The raw rhea client for engine_vs_raw, bundled on its own and loaded into the app's page: the same
// browser, the same polyfills and rhea build, no engine, no store, no views.
import '../../src/polyfills.ts';
import rhea from 'rhea';

export interface RawRunOptions {
  url: string;
  address: string;
  messages: number;
  bodySize: number;
  creditWindow: number;
}

/** Connects, sends `messages` as fast as credit allows, and resolves with the ms until all are received and accepted. */
function run(o: RawRunOptions): Promise<number> {
  const container = rhea.create_container();
  const body = 'x'.repeat(o.bodySize);
  const started = performance.now();
  return new Promise((resolve, reject) => {
    let sent = 0;
    let accepted = 0;
    let received = 0;
    let done = false;
    const ws = rhea.websocket_connect(WebSocket as never);
    const conn = container.connect({
      connection_details: ws(o.url, ['binary', 'AMQPWSB10', 'amqp'], {}),
      reconnect: false,
      container_id: `raw-${Math.random().toString(36).slice(2)}`,
    } as never);
    const check = () => {
      if (done || accepted < o.messages || received < o.messages) return;
      done = true;
      const ms = performance.now() - started;
      conn.once('connection_close', () => resolve(ms));
      conn.close();
    };
    container.on('sendable', (ctx) => {
      while (sent < o.messages && ctx.sender!.sendable()) {
        ctx.sender!.send({ body });
        sent++;
      }
    });
    container.on('accepted', () => {
      accepted++;
      check();
    });
    container.on('message', () => {
      received++;
      check();
    });
    const fail = (why: string) => {
      if (done) return;
      done = true;
      reject(new Error(`raw client: ${why} (${sent} sent, ${accepted} accepted, ${received} received)`));
    };
    for (const bad of ['rejected', 'released', 'modified'] as const) container.on(bad, () => fail(`a message was ${bad}`));
    container.on('error', (ctx) => fail(String(ctx.error)));
    container.on('disconnected', (ctx) => fail(`disconnected: ${String(ctx.error ?? 'no reason')}`));
    conn.open_receiver({ source: { address: o.address }, credit_window: o.creditWindow, autoaccept: true });
    conn.open_sender({ target: { address: o.address } });
  });
}

(globalThis as unknown as { __benchRaw: { run: typeof run } }).__benchRaw = { run };
