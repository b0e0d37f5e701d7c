// The fault-injection part of the management API: POST /api/faults/<fault> with a JSON body, and
// GET /api/faults for what is in force. Loopback clients only, JSON only and same-origin only, so
// neither another machine nor another web page can break the broker.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Broker } from './broker.ts';

/** The broker-side faults, by the names used in FAULT events and the CLI's --fault. */
export const BROKER_FAULTS = ['restart-broker', 'drop-connection', 'pause-queue', 'resume-queue', 'slow-queue', 'reject-next'] as const;
export type BrokerFaultName = (typeof BROKER_FAULTS)[number];

const MAX_BODY = 16 * 1024;

class BadRequest extends Error {}

export function isLoopback(address: string | undefined): boolean {
  if (!address) return false;
  return address === '::1' || address.startsWith('127.') || address.startsWith('::ffff:127.');
}

/** Answers /api/faults requests; false when the request is for something else. */
export function handleFaultRequest(broker: Broker, req: IncomingMessage, res: ServerResponse): boolean {
  const path = new URL(req.url ?? '/', 'http://x').pathname.replace(/\/+$/, '');
  if (path !== '/api/faults' && !path.startsWith('/api/faults/')) return false;
  const send = (status: number, body: unknown, extra: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...extra });
    res.end(JSON.stringify(body));
  };
  if (!isLoopback(req.socket.remoteAddress)) {
    send(403, { error: 'faults can only be injected from this machine (loopback)' });
    return true;
  }
  if (path === '/api/faults') {
    if (req.method === 'GET' || req.method === 'HEAD') send(200, broker.faults.state());
    else send(405, { error: 'use GET /api/faults, or POST /api/faults/<fault>' }, { allow: 'GET, HEAD' });
    return true;
  }
  const name = path.slice('/api/faults/'.length) as BrokerFaultName;
  if (!BROKER_FAULTS.includes(name)) {
    send(404, { error: `no fault "${name}"; the broker knows ${BROKER_FAULTS.join(', ')}` });
    return true;
  }
  if (req.method !== 'POST') {
    send(405, { error: 'inject a fault with POST' }, { allow: 'POST' });
    return true;
  }
  // a JSON content type cannot be sent cross-origin without a preflight, which is never answered
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? '')) {
    send(415, { error: 'send the fault parameters as application/json' });
    return true;
  }
  const origin = req.headers.origin;
  if (origin && origin !== 'null' && new URL(origin).host !== req.headers.host) {
    send(403, { error: 'faults can only be injected from the page this broker serves' });
    return true;
  }
  void readJson(req)
    .then((body) => apply(broker, name, body))
    .then((result) => send(200, { fault: name, ...result }))
    .catch((e: unknown) => send(e instanceof BadRequest ? 400 : 500, { error: (e as Error).message }));
  return true;
}

async function apply(broker: Broker, name: BrokerFaultName, body: Record<string, unknown>): Promise<Record<string, unknown>> {
  const f = broker.faults;
  switch (name) {
    case 'restart-broker':
      return f.restart({ keepQueues: body.keepQueues === true, downMs: optionalNumber(body, 'downMs') });
    case 'drop-connection': {
      const containerId = text(body, 'containerId');
      const dropped = f.dropConnection(containerId);
      if (dropped === 0) throw new BadRequest(`no open connection has container-id "${containerId}"`);
      return { dropped };
    }
    case 'pause-queue':
      f.pauseQueue(text(body, 'address'));
      return {};
    case 'resume-queue':
      f.resumeQueue(text(body, 'address'));
      return {};
    case 'slow-queue':
      f.slowQueue(text(body, 'address'), optionalNumber(body, 'perSecond') ?? 1);
      return {};
    case 'reject-next':
      f.rejectNext(
        text(body, 'address'),
        optionalNumber(body, 'count') ?? 1,
        typeof body.condition === 'string' && body.condition ? body.condition : undefined,
        typeof body.description === 'string' && body.description ? body.description : undefined,
      );
      return {};
  }
}

function text(body: Record<string, unknown>, field: string): string {
  const v = body[field];
  if (typeof v !== 'string' || !v) throw new BadRequest(`"${field}" is needed (a non-empty string)`);
  return v;
}

function optionalNumber(body: Record<string, unknown>, field: string): number | undefined {
  const v = body[field];
  if (v === undefined || v === null) return undefined;
  if (typeof v !== 'number' || !Number.isFinite(v) || v < 0) throw new BadRequest(`"${field}" must be a number of 0 or more`);
  return v;
}

function readJson(req: IncomingMessage): Promise<Record<string, unknown>> {
  return new Promise((ok, fail) => {
    const parts: Buffer[] = [];
    let size = 0;
    req.on('data', (b: Buffer) => {
      size += b.length;
      if (size > MAX_BODY) {
        fail(new BadRequest('the request body is too large'));
        req.destroy();
      } else {
        parts.push(b);
      }
    });
    req.on('end', () => {
      const raw = Buffer.concat(parts).toString('utf8').trim();
      if (!raw) return ok({});
      try {
        const v: unknown = JSON.parse(raw);
        if (!v || typeof v !== 'object' || Array.isArray(v)) return fail(new BadRequest('the body must be a JSON object'));
        ok(v as Record<string, unknown>);
      } catch {
        fail(new BadRequest('the body is not valid JSON'));
      }
    });
    req.on('error', fail);
  });
}
