// `npm start` / `npm run broker`: runs the embedded broker (and with --serve-app, the built page
// on the same port), prints where to connect, and shuts down cleanly on Ctrl+C or SIGTERM.
import { startServer, type RunningServer } from './server.ts';
import { HELP, parseCommandLine } from './cli.ts';

async function main(): Promise<void> {
  let args: ReturnType<typeof parseCommandLine>;
  try {
    args = parseCommandLine(process.argv.slice(2), process.env);
  } catch (e) {
    process.stderr.write(`${(e as Error).message}\n\n${HELP}`);
    process.exit(2);
  }
  if (args.help) {
    process.stdout.write(HELP);
    return;
  }
  let server: RunningServer;
  let note = '';
  try {
    server = await startServer({ host: args.host, port: args.port, appDir: args.appDir, tcpPort: args.tcpPort, broker: args.broker, relays: args.relays });
  } catch (e) {
    const busy = (e as NodeJS.ErrnoException).code === 'EADDRINUSE';
    if (!busy || args.tcpPort === false || args.tcpPort === 0 || !String((e as Error).message).includes(`:${args.tcpPort}`)) {
      process.stderr.write(`Could not start: ${(e as Error).message}\n`);
      process.exit(1);
    }
    note = ` (port ${args.tcpPort} was busy, so a free one was chosen)`;
    server = await startServer({ host: args.host, port: args.port, appDir: args.appDir, tcpPort: 0, broker: args.broker, relays: args.relays });
  }
  if (args.appDir) process.stdout.write(`AMQP Flow: ${server.url}\n`);
  const tcp = server.tcpUrl ? ` (AMQP over TCP: ${server.tcpUrl}${note})` : '';
  process.stdout.write(`Broker: ${server.wsUrl}${tcp}\n`);
  process.stdout.write(`Management: ${server.url}api/queues, ${server.url}api/connections\n`);
  for (const r of args.relays) process.stdout.write(`Relay: ${server.relayUrls[r.name]} → amqp://${r.host.includes(':') ? `[${r.host}]` : r.host}:${r.port}\n`);
  if (args.relays.length && !isLoopback(args.host)) {
    process.stdout.write(`Warning: --host ${args.host} makes the relays reachable from other machines, not just this one\n`);
  }
  if (args.broker.users) process.stdout.write(`SASL PLAIN required for ${Object.keys(args.broker.users).length} user(s)\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    void server.close().then(() => process.exit(0));
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

function isLoopback(host: string): boolean {
  return host === 'localhost' || host === '::1' || host.startsWith('127.');
}

void main();
