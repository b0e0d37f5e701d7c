// One HTTP server for `npm start` and the browser tests: the built page, and (issue 4) the
// embedded broker's WebSocket endpoint and read-only management API on the same port.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { serveStatic } from './staticFiles.ts';

export interface ServerOptions {
  host?: string;
  /** 0 picks a free port */
  port?: number;
  /** folder of the built page; without it only the broker is served */
  appDir?: string;
}

export interface RunningServer {
  /** http://host:port/ */
  url: string;
  /** ws://host:port/amqp — the embedded broker over WebSocket */
  wsUrl: string;
  close(): Promise<void>;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const host = opts.host ?? '127.0.0.1';
  const statics = opts.appDir ? serveStatic(opts.appDir) : null;
  const http = createServer((req, res) => {
    void (async () => {
      if (statics && (await statics(req, res))) return;
      res.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    })();
  });
  await new Promise<void>((ok, fail) => http.once('error', fail).listen(opts.port ?? 0, host, () => ok()));
  const { port } = http.address() as AddressInfo;
  return {
    url: `http://${host}:${port}/`,
    wsUrl: `ws://${host}:${port}/amqp`,
    close: () => new Promise<void>((ok) => { http.closeAllConnections(); http.close(() => ok()); }),
  };
}
