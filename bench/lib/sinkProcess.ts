// The one-hop ceiling for broker_vs_sink: the least an AMQP server written with rhea's public API
// does for the probe. It accepts every transfer (autoaccept, credit window 500) and echoes each
// message to the receiver attached to the same address, within that receiver's credit; no queue
// bookkeeping, no checks. Runs in its own process like the embedded broker (bench/lib/brokerProcess.ts),
// prints one JSON line {tcpUrl} once listening and exits when its stdin closes.
import rhea, { type EventContext, type Message, type Sender } from 'rhea';
import type { AddressInfo, Server } from 'node:net';
import { serveUntilStdinCloses } from './childServer.ts';

const container = rhea.create_container({ id: 'bench-sink' });
/** per address: the receivers' links and the messages waiting for their credit */
const outs = new Map<string, { links: Sender[]; waiting: Message[]; head: number }>();
const outOf = (address: string) => {
  let o = outs.get(address);
  if (!o) outs.set(address, (o = { links: [], waiting: [], head: 0 }));
  return o;
};

function flush(address: string): void {
  const o = outOf(address);
  for (const link of o.links) {
    while (o.head < o.waiting.length && link.sendable()) link.send(o.waiting[o.head++]!);
  }
  if (o.head === o.waiting.length) {
    o.waiting = [];
    o.head = 0;
  }
}

container.on('sender_open', (ctx: EventContext) => {
  const address = (ctx.sender!.source as { address?: string }).address ?? '';
  ctx.sender!.set_source({ address });
  const o = outOf(address);
  o.links = o.links.filter((l) => l.is_open()); // the probe's earlier rounds
  o.links.push(ctx.sender!);
});
container.on('receiver_open', (ctx: EventContext) => {
  ctx.receiver!.set_target({ address: (ctx.receiver!.target as { address?: string }).address ?? '' });
});
container.on('sendable', (ctx: EventContext) => flush((ctx.sender!.source as { address?: string }).address ?? ''));
container.on('message', (ctx: EventContext) => {
  const address = (ctx.receiver!.target as { address?: string }).address ?? '';
  outOf(address).waiting.push(ctx.message!);
  flush(address);
});
container.on('disconnected', () => { /* the probe closes its connection after every round */ });
container.on('error', () => {});

const server = container.listen({ host: '127.0.0.1', port: 0 }) as unknown as Server;
server.once('listening', () => {
  const close = () => new Promise<void>((ok) => server.close(() => ok()));
  serveUntilStdinCloses({ tcpUrl: `amqp://127.0.0.1:${(server.address() as AddressInfo).port}` }, close);
});
