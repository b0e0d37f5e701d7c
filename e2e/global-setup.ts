// Starts the built page and its embedded broker on a free port for the browser tests; the URL
// reaches the test workers through the environment.
import type { FullConfig } from '@playwright/test';
import { startServer } from '../broker/server.ts';

export default async function globalSetup(_config: FullConfig) {
  const server = await startServer({ host: '127.0.0.1', port: 0, appDir: 'dist' });
  process.env.AMQPFLOW_APP_URL = server.url;
  process.env.AMQPFLOW_BROKER_WS_URL = server.wsUrl;
  return async () => server.close();
}
