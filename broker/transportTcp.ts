// Plain AMQP over TCP, for clients outside the browser (Qpid Proton, rhea in Node, …).
import { createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import type { RawSocket } from './rawSocket.ts';
import { writeBatch } from './writeBatch.ts';

export interface TcpListener {
  port: number;
  close(): Promise<void>;
}

export function tcpSocket(socket: Socket): RawSocket {
  socket.setNoDelay(true);
  // a peer whose machine vanished is noticed even when the AMQP idle timeout is off
  socket.setKeepAlive(true, 30_000);
  const closeHandlers: ((e?: Error) => void)[] = [];
  let lastError: Error | undefined;
  socket.on('error', (e) => { lastError = e; }); // followed by 'close'
  socket.on('close', () => { for (const h of closeHandlers) h(lastError); });
  const batch = writeBatch((b) => { if (!socket.destroyed) socket.write(b); });
  return {
    transport: 'tcp',
    remote: `${socket.remoteAddress}:${socket.remotePort}`,
    write: (b) => batch.write(b),
    end: () => { batch.flush(); socket.end(); },
    destroy: () => { batch.drop(); socket.destroy(); },
    onData: (h) => { socket.on('data', h); },
    onClose: (h) => { closeHandlers.push(h); },
  };
}

/** Listen for AMQP over TCP; every accepted socket goes to `accept`. */
export async function listenTcp(opts: { host: string; port: number }, accept: (s: RawSocket) => void): Promise<TcpListener> {
  const sockets = new Set<Socket>();
  const server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    accept(tcpSocket(socket));
  });
  await new Promise<void>((ok, fail) => {
    server.once('error', fail);
    server.listen(opts.port, opts.host, () => { server.off('error', fail); ok(); });
  });
  server.on('error', () => { /* listening errors after start are not fatal to the broker */ });
  return {
    port: (server.address() as AddressInfo).port,
    close: () => new Promise<void>((ok) => {
      for (const s of sockets) s.destroy();
      server.close(() => ok());
    }),
  };
}
