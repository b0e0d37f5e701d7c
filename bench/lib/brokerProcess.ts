// The embedded broker in its own process, so a benchmark's heap or CPU figures are the client's
// alone: prints one JSON line {wsUrl, tcpUrl} once listening and exits when its stdin closes.
import { startServer } from '../../broker/server.ts';
import { serveUntilStdinCloses } from './childServer.ts';

const server = await startServer({ host: '127.0.0.1', port: 0, tcpPort: 0 });
serveUntilStdinCloses({ wsUrl: server.wsUrl, tcpUrl: server.tcpUrl }, () => server.close());
