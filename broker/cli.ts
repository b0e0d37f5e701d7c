// Command-line options of the broker (`npm start`, `npm run broker`): parsed and checked here so a
// bad value is refused with a message before anything starts.
import { parseArgs } from 'node:util';
import { parseUserList, readUsersFile } from './sasl.ts';
import { DEFAULT_LIMITS } from './limits.ts';
import type { BrokerOptions } from './broker.ts';
import { parseRelaySpec, readRelayConfig } from './relay.ts';

export const HELP = `Usage: npm run broker -- [options]     (npm start serves the built page too)

  --port N              HTTP + WebSocket port (env PORT, default 5673; 0 = any free port)
  --host H              address to bind (default 127.0.0.1)
  --tcp-port N          plain AMQP over TCP (env AMQP_TCP_PORT, default 5672; 0 = any free port,
                        "off" = none); a busy port falls back to a free one
  --users FILE          JSON {"user": "password"}: SASL PLAIN required, ANONYMOUS refused
                        (or env AMQPFLOW_USERS=user:pass,user2:pass2)
  --max-connections N   default ${DEFAULT_LIMITS.maxConnections}
  --max-frame-size N    bytes, at least 512, default ${DEFAULT_LIMITS.maxFrameSize}
  --max-message-size N  bytes, default ${DEFAULT_LIMITS.maxMessageSize}
  --max-queue-depth N   messages per queue before senders get no more credit, default ${DEFAULT_LIMITS.maxQueueDepth}
  --max-delivery-count N  failed deliveries before a message is dead-lettered, default ${DEFAULT_LIMITS.maxDeliveryCount}
  --idle-timeout-ms N   idle-time-out announced to clients (0 = none), default ${DEFAULT_LIMITS.idleTimeoutMs}
  --serve-app DIR       also serve the built page from DIR
  --relay NAME=amqp://HOST:PORT
                        serve ws://…/relay/NAME, piped byte for byte to that AMQP broker over TCP
                        (repeatable; only these targets are relayed)
  --relay-config FILE   relays from JSON {"NAME": "amqp://HOST:PORT", …}
  --help                this text
`;

function whole(name: string, text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (!/^\d+$/.test(text)) throw new Error(`--${name} must be a whole number, got "${text}"`);
  return Number(text);
}

export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv) {
  const { values } = parseArgs({
    args: argv,
    options: {
      port: { type: 'string' }, host: { type: 'string' }, 'tcp-port': { type: 'string' }, users: { type: 'string' },
      'max-connections': { type: 'string' }, 'max-frame-size': { type: 'string' }, 'max-message-size': { type: 'string' },
      'max-queue-depth': { type: 'string' }, 'max-delivery-count': { type: 'string' }, 'idle-timeout-ms': { type: 'string' }, 'serve-app': { type: 'string' }, help: { type: 'boolean' },
      relay: { type: 'string', multiple: true }, 'relay-config': { type: 'string' },
    },
    strict: true,
  });
  const tcpText = values['tcp-port'] ?? env.AMQP_TCP_PORT ?? '5672';
  const broker: BrokerOptions = {
    maxConnections: whole('max-connections', values['max-connections']),
    maxFrameSize: whole('max-frame-size', values['max-frame-size']),
    maxMessageSize: whole('max-message-size', values['max-message-size']),
    maxQueueDepth: whole('max-queue-depth', values['max-queue-depth']),
    maxDeliveryCount: whole('max-delivery-count', values['max-delivery-count']),
    idleTimeoutMs: whole('idle-timeout-ms', values['idle-timeout-ms']),
  };
  if (values.users) broker.users = readUsersFile(values.users);
  else if (env.AMQPFLOW_USERS) broker.users = parseUserList(env.AMQPFLOW_USERS);
  const relays = [...(values['relay-config'] ? readRelayConfig(values['relay-config']) : []), ...(values.relay ?? []).map(parseRelaySpec)];
  const names = relays.map((r) => r.name);
  const twice = names.find((n, i) => names.indexOf(n) !== i);
  if (twice) throw new Error(`the relay "${twice}" is configured twice`);
  return {
    help: Boolean(values.help),
    relays,
    host: values.host ?? '127.0.0.1',
    port: whole('port', values.port ?? env.PORT) ?? 5673,
    tcpPort: tcpText === 'off' ? (false as const) : whole('tcp-port', tcpText)!,
    appDir: values['serve-app'],
    broker,
  };
}
