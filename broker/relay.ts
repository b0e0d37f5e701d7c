// WebSocket → TCP relay: `ws://…/relay/<name>` pipes byte for byte to one configured AMQP broker, so
// the page (which can only open WebSockets) reaches brokers that speak plain TCP. Only the targets
// given on the command line are reachable (never an open proxy: unknown names get HTTP 404).
import { readFileSync } from 'node:fs';
import type { IncomingMessage } from 'node:http';
import { connect, type Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer, createWebSocketStream } from 'ws';

export interface RelayTarget {
  name: string;
  host: string;
  port: number;
}

/** Subprotocols a relay answers to (whichever the client offers first), or none at all. */
export const RELAY_SUBPROTOCOLS = ['amqp', 'binary'] as const;

const NAME = /^[A-Za-z0-9_-]{1,64}$/;

/** `name=amqp://host:port` → a target; throws with a message a person can act on. */
export function parseRelaySpec(spec: string): RelayTarget {
  const eq = spec.indexOf('=');
  if (eq < 1) throw new Error(`--relay needs name=amqp://host:port, got "${spec}"`);
  return relayTarget(spec.slice(0, eq), spec.slice(eq + 1));
}

function relayTarget(name: string, address: unknown): RelayTarget {
  if (!NAME.test(name)) throw new Error(`relay name "${name}" may only use letters, digits, "-" and "_"`);
  if (typeof address !== 'string') throw new Error(`relay "${name}" needs an address amqp://host:port`);
  let url: URL;
  try {
    url = new URL(address);
  } catch {
    throw new Error(`relay "${name}": "${address}" is not a URL; use amqp://host:port`);
  }
  if (url.protocol !== 'amqp:') throw new Error(`relay "${name}": only amqp://host:port targets can be relayed (got ${url.protocol}//); the relay does not do TLS`);
  if (!url.hostname) throw new Error(`relay "${name}": "${address}" has no host`);
  if (url.pathname.replace(/\/$/, '') || url.username || url.search) throw new Error(`relay "${name}": give only amqp://host:port (no user, path or query)`);
  return { name, host: url.hostname.replace(/^\[|\]$/g, ''), port: url.port ? Number(url.port) : 5672 };
}

/** A JSON file `{ "<name>": "amqp://host:port", … }`. */
export function readRelayConfig(file: string): RelayTarget[] {
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`--relay-config ${file}: ${(e as Error).message}`, { cause: e });
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error(`--relay-config ${file}: expected an object like {"rabbitmq": "amqp://127.0.0.1:5672"}`);
  }
  return Object.entries(value).map(([name, address]) => relayTarget(name, address));
}

/** The relay name a request path asks for (`/relay/<name>`), or null when the path is not a relay's. */
export function relayName(url: string | undefined): string | null {
  const path = new URL(url ?? '/', 'http://x').pathname;
  const m = /^\/relay\/([^/]*)\/?$/.exec(path);
  return m ? decodeURIComponent(m[1]!) : path.startsWith('/relay/') || path === '/relay' ? '' : null;
}

function refuse(socket: Duplex, status: string, text: string) {
  socket.end(`HTTP/1.1 ${status}\r\ncontent-type: text/plain\r\ncontent-length: ${Buffer.byteLength(text)}\r\nconnection: close\r\n\r\n${text}`);
}

export interface Relay {
  /** Takes over an upgrade request for `/relay/…`; false when the path is not a relay's. */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): boolean;
  close(): void;
}

export function createRelay(targets: readonly RelayTarget[]): Relay {
  const byName = new Map(targets.map((t) => [t.name, t] as const));
  const open = new Set<{ tcp: Socket; ws: import('ws').WebSocket }>();
  const wss = new WebSocketServer({
    noServer: true,
    maxPayload: 64 << 20,
    // the first one the client offered that the relay speaks
    handleProtocols: (offered) => [...offered].find((p) => (RELAY_SUBPROTOCOLS as readonly string[]).includes(p)) ?? false,
  });
  wss.on('error', () => { /* handshake problems end that request only */ });
  return {
    handleUpgrade(req, socket, head) {
      const name = relayName(req.url);
      if (name === null) return false;
      const target = byName.get(name);
      if (!target) {
        refuse(socket, '404 Not Found', `no relay named "${name}"; this server relays only to: ${[...byName.keys()].join(', ') || '(none configured)'}`);
        return true;
      }
      const header = req.headers['sec-websocket-protocol'];
      const offered = header ? header.split(',').map((p) => p.trim()).filter(Boolean) : [];
      if (offered.length > 0 && !offered.some((p) => (RELAY_SUBPROTOCOLS as readonly string[]).includes(p))) {
        refuse(socket, '400 Bad Request', `the relay speaks the subprotocols ${RELAY_SUBPROTOCOLS.join(', ')} (or none); offered: ${offered.join(', ')}`);
        return true;
      }
      // Reach the broker first, so a dead target is an HTTP error the client can report.
      const tcp = connect({ host: target.host, port: target.port });
      tcp.setNoDelay(true);
      const failEarly = (e: Error) => refuse(socket, '502 Bad Gateway', `relay "${name}" cannot reach ${target.host}:${target.port}: ${e.message}`);
      tcp.once('error', failEarly);
      tcp.once('connect', () => {
        tcp.off('error', failEarly);
        if (socket.destroyed) return void tcp.destroy();
        wss.handleUpgrade(req, socket, head, (ws) => {
          const entry = { tcp, ws };
          open.add(entry);
          const stream = createWebSocketStream(ws);
          const end = () => {
            open.delete(entry);
            tcp.destroy();
            stream.destroy();
          };
          stream.on('error', end).on('close', end);
          tcp.on('error', end).on('close', end);
          stream.pipe(tcp);
          tcp.pipe(stream);
        });
      });
      return true;
    },
    close() {
      for (const { tcp, ws } of open) {
        tcp.destroy();
        ws.terminate();
      }
      open.clear();
      wss.close();
    },
  };
}
