// The embedded broker in its own process, so a benchmark's heap or CPU figures are the client's
// alone: prints one JSON line {wsUrl, tcpUrl} once listening and exits when its stdin closes.
import { startServer } from '../../broker/server.ts';

const server = await startServer({ host: '127.0.0.1', port: 0, tcpPort: 0 });
console.log(JSON.stringify({ wsUrl: server.wsUrl, tcpUrl: server.tcpUrl }));
const stop = () => void server.close().finally(() => process.exit(0));
process.stdin.on('end', stop).on('close', stop).resume();
process.on('SIGTERM', stop);
