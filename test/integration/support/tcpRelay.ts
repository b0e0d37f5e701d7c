// A TCP relay in front of a broker, for tests of what a network does to a connection: the broker's
// bytes can stop reaching the client (a silent peer) and every socket can be cut at once.
import { createServer, Socket, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';

export interface TcpRelay {
  port: number;
  /** The broker's bytes stop reaching the client on every socket relayed so far (the client's still
   * reach the broker); sockets opened later flow normally. */
  silenceBroker(): void;
  /** Drops every relayed socket without a close frame, as a network failure does. */
  cut(): void;
  close(): Promise<void>;
}

export async function startTcpRelay(targetPort: number): Promise<TcpRelay> {
  const pairs: { client: Socket; upstream: Socket; silent: boolean }[] = [];
  const server: Server = createServer((client) => {
    const upstream = new Socket();
    upstream.connect(targetPort, '127.0.0.1');
    const pair = { client, upstream, silent: false };
    pairs.push(pair);
    client.on('data', (b) => upstream.write(b));
    upstream.on('data', (b) => {
      if (!pair.silent) client.write(b);
    });
    for (const s of [client, upstream]) {
      s.on('error', () => {});
      s.on('close', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  const dropAll = () => {
    for (const p of pairs.splice(0)) {
      p.client.destroy();
      p.upstream.destroy();
    }
  };
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  return {
    port: (server.address() as AddressInfo).port,
    silenceBroker: () => {
      for (const p of pairs) p.silent = true;
    },
    cut: dropAll,
    close: () =>
      new Promise<void>((r) => {
        dropAll();
        server.close(() => r());
      }),
  };
}
