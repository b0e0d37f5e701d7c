// Read-only management over HTTP on the page's port: GET /api/queues and GET /api/connections
// return JSON for the page's broker view and for tests. Same-origin only (no CORS headers).
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Broker } from './broker.ts';

/** Answers /api/… requests; false when the request is not for the management API. */
export function handleManagement(broker: Broker, req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/+$/, '');
  if (!path.startsWith('/api/')) return false;
  const send = (status: number, body: unknown, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
    res.end(req.method === 'HEAD' ? undefined : JSON.stringify(body));
  };
  const view = path === '/api/queues' ? broker.queues : path === '/api/connections' ? broker.connections : null;
  if (!view) {
    send(404, { error: `no such management resource ${path}; try /api/queues or /api/connections` });
  } else if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(405, { error: 'the management API is read-only: use GET' }, { allow: 'GET, HEAD' });
  } else {
    send(200, view());
  }
  return true;
}
