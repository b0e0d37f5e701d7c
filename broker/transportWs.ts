// AMQP over WebSocket (AMQP-WSB 1.0): binary messages carry the byte stream. Subprotocols
// `amqp`, `AMQPWSB10` and `binary` are accepted (the first one the client offered wins), and so
// is a client that offers none.
import type { IncomingMessage } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { RawSocket } from './rawSocket.ts';
import { writeBatch } from './writeBatch.ts';

export const SUBPROTOCOLS = ['amqp', 'AMQPWSB10', 'binary'] as const;

/** The subprotocol to answer with, or false to refuse the upgrade (HTTP 400 from ws). */
export function chooseSubprotocol(offered: Set<string>): string | false {
  for (const p of offered) if ((SUBPROTOCOLS as readonly string[]).includes(p)) return p;
  return false;
}

/** Why an upgrade request must be refused (it offers only subprotocols we do not speak), or null. */
export function upgradeProblem(req: IncomingMessage): string | null {
  const header = req.headers['sec-websocket-protocol'];
  if (!header) return null;
  const offered = new Set(header.split(',').map((p) => p.trim()).filter(Boolean));
  return chooseSubprotocol(offered) ? null : `none of the offered WebSocket subprotocols (${[...offered].join(', ')}) is supported; offer one of ${SUBPROTOCOLS.join(', ')}, or none`;
}

/** A WebSocket server that accepts upgrades but listens on nothing: the HTTP server hands them over. */
export function createWsServer(maxPayload: number): WebSocketServer {
  const wss = new WebSocketServer({ noServer: true, handleProtocols: chooseSubprotocol, maxPayload });
  wss.on('error', () => { /* handshake problems end that request only */ });
  return wss;
}

export function wsSocket(ws: WebSocket, req?: IncomingMessage): RawSocket {
  const closeHandlers: ((e?: Error) => void)[] = [];
  let lastError: Error | undefined;
  ws.on('error', (e) => { lastError = e; });
  ws.on('close', () => { for (const h of closeHandlers) h(lastError); });
  const addr = req?.socket.remoteAddress;
  const batch = writeBatch((b) => { if (ws.readyState === ws.OPEN) ws.send(b, { binary: true }); });
  return {
    transport: 'ws',
    remote: addr ? `${addr}:${req?.socket.remotePort}` : 'websocket',
    write: (b) => batch.write(b),
    end: () => { batch.flush(); ws.close(1000); },
    destroy: () => { batch.drop(); ws.terminate(); },
    onData: (h) => {
      ws.on('message', (data, isBinary) => {
        // text messages are not part of the binding: 1003 = unsupported data
        if (!isBinary) return ws.close(1003, 'AMQP over WebSocket uses binary messages');
        h(Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data as ArrayBuffer));
      });
    },
    onClose: (h) => { closeHandlers.push(h); },
  };
}
