// One HTTP server for `npm start` and the browser tests: the built page, the embedded broker's
// WebSocket endpoint (any path upgrades) and its read-only management API, all on one port; plus,
// optionally, plain AMQP over TCP on a second port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveStatic } from './staticFiles.ts';
import { createBroker, type Broker, type BrokerOptions } from './broker.ts';
import { createWsServer, upgradeProblem } from './transportWs.ts';
import { handleManagement } from './management.ts';
import { createRelay, type RelayTarget } from './relay.ts';
import { handleFaultRequest } from './faultRoutes.ts';

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port */
  port?: number;
  /** folder of the built page; without it only the broker is served */
  appDir?: string;
  /** plain AMQP over TCP: a port (0 = free), or false (the default) for none */
  tcpPort?: number | false;
  broker?: BrokerOptions;
  /** WebSocket → TCP relays served at /relay/<name> (only these targets) */
  relays?: readonly RelayTarget[];
}

export interface RunningServer {
  /** http://host:port/ */
  url: string;
  /** ws://host:port/amqp — the embedded broker over WebSocket */
  wsUrl: string;
  /** amqp://host:port when plain TCP is on */
  tcpUrl?: string;
  /** ws://host:port/relay/<name> per configured relay */
  relayUrls: Record<string, string>;
  broker: Broker;
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const broker = createBroker(opts.broker);
  const statics = opts.appDir ? serveStatic(opts.appDir) : null;
  const http = createServer((req, res) => {
    void (async () => {
      if (handleFaultRequest(broker, req, res)) return;
      if (handleManagement(broker, req, res)) return;
      if (statics && (await statics(req, res))) return;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    })().catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('internal error');
    });
  });
  const wss = createWsServer(Math.max(1 << 20, broker.limits.maxFrameSize * 4));
  const relay = createRelay(opts.relays ?? []);
  http.on('upgrade', (req, socket, head) => {
    socket.on('error', () => socket.destroy());
    if (relay.handleUpgrade(req, socket, head)) return;
    const problem = upgradeProblem(req);
    if (problem) {
      socket.end(`HTTP/1.1 400 Bad Request\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(problem)}\r\nconnection: close\r\n\r\n${problem}`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => broker.acceptWebSocket(ws, req));
  });
  await new Promise<void>((ok, fail) => http.once('error', fail).listen(opts.port ?? 0, host, () => ok()));
  const { port } = http.address() as AddressInfo;
  let tcp: { port: number } | null = null;
  if (opts.tcpPort !== undefined && opts.tcpPort !== false) {
    try {
      tcp = await broker.listenTcp({ host, port: opts.tcpPort });
    } catch (e) {
      await broker.close();
      await new Promise<void>((ok) => http.close(() => ok()));
      throw e;
    }
  }
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${port}/`,
    wsUrl: `ws://${urlHost}:${port}/amqp`,
    ...(tcp ? { tcpUrl: `amqp://${urlHost}:${tcp.port}` } : {}),
    relayUrls: Object.fromEntries((opts.relays ?? []).map((r) => [r.name, `ws://${urlHost}:${port}/relay/${r.name}`])),
    broker,
    close: async () => {
      relay.close();
      await broker.close();
      for (const ws of wss.clients) ws.terminate();
      wss.close();
      await new Promise<void>((ok) => { http.closeAllConnections(); http.close(() => ok()); });
    },
  };
}
