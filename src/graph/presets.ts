// Connection presets: the url, subprotocols and SASL that known brokers expect over WebSocket.
import { DEFAULT_SUBPROTOCOLS } from './defaults.ts';
import type { ConnectionProps } from './types.ts';

export interface ConnectionPreset {
  id: string;
  name: string;
  description: string;
  props: ConnectionProps;
  /** True when this machine's setup can reach it (the embedded broker, or a broker the test scripts start). */
  reachableHere: boolean;
}

export const CONNECTION_PRESETS: readonly ConnectionPreset[] = [
  {
    id: 'embedded',
    name: 'Embedded broker',
    description: 'The AMQP broker this page was served with (the url stays empty).',
    props: { url: '', subprotocols: [...DEFAULT_SUBPROTOCOLS], sasl: { mechanism: 'ANONYMOUS' } },
    reachableHere: true,
  },
  {
    id: 'rabbitmq-websockify',
    name: 'RabbitMQ via websockify',
    description: 'RabbitMQ with the AMQP 1.0 plugin on port 5672, bridged by "websockify 127.0.0.1:15673 127.0.0.1:5672".',
    props: { url: 'ws://127.0.0.1:15673/', subprotocols: ['binary'], sasl: { mechanism: 'PLAIN', username: 'guest', password: 'guest' } },
    reachableHere: true,
  },
  {
    id: 'rabbitmq-relay',
    name: 'RabbitMQ over the relay',
    description: 'RabbitMQ (AMQP 1.0 over plain TCP) reached through the relay of "npm start -- --relay rabbitmq=amqp://127.0.0.1:5672"; no websockify needed.',
    props: { url: 'ws://127.0.0.1:5673/relay/rabbitmq', subprotocols: ['amqp'], sasl: { mechanism: 'PLAIN', username: 'guest', password: 'guest' } },
    reachableHere: false,
  },
  {
    id: 'qpid-proton-relay',
    name: 'Qpid Proton over the relay',
    description: 'A Qpid Proton broker on plain TCP port 5674, reached through the relay of "npm start -- --relay proton=amqp://127.0.0.1:5674".',
    props: { url: 'ws://127.0.0.1:5673/relay/proton', subprotocols: ['amqp'], sasl: { mechanism: 'ANONYMOUS' } },
    reachableHere: false,
  },
  {
    id: 'rabbitmq-web-amqp',
    name: 'RabbitMQ Web AMQP',
    description: 'RabbitMQ 4 with the Web AMQP plugin (native AMQP 1.0 over WebSocket on port 15678, path /ws).',
    props: { url: 'ws://localhost:15678/ws', subprotocols: ['amqp'], sasl: { mechanism: 'PLAIN', username: 'guest', password: 'guest' } },
    reachableHere: false,
  },
  {
    id: 'activemq-classic',
    name: 'ActiveMQ Classic',
    description: 'ActiveMQ Classic\'s "ws" transport connector on port 61614; set PLAIN credentials if the broker requires them.',
    props: { url: 'ws://localhost:61614', subprotocols: ['binary', 'AMQPWSB10', 'amqp'], sasl: { mechanism: 'ANONYMOUS' } },
    reachableHere: false,
  },
  {
    id: 'activemq-artemis',
    name: 'ActiveMQ Artemis',
    description: 'Artemis\'s default acceptor on port 61616 (it speaks AMQP over WebSocket too); set PLAIN credentials unless anonymous login is allowed.',
    props: { url: 'ws://localhost:61616', subprotocols: ['amqp'], sasl: { mechanism: 'ANONYMOUS' } },
    reachableHere: false,
  },
  {
    id: 'qpid-proton-websockify',
    name: 'Qpid Proton via websockify',
    description: 'The Qpid Proton example broker on port 5674, bridged by "websockify 127.0.0.1:15674 127.0.0.1:5674"; ANONYMOUS only.',
    props: { url: 'ws://127.0.0.1:15674/', subprotocols: ['binary'], sasl: { mechanism: 'ANONYMOUS' } },
    reachableHere: true,
  },
  {
    id: 'azure-service-bus',
    name: 'Azure Service Bus / Event Hubs',
    description:
      'Replace <namespace> in the URL with yours, and paste your SAS token ("SharedAccessSignature sr=…&sig=…&se=…&skn=…", as the portal or CLI gives it) into the connection\'s "CBS token" field below. ' +
      'Connects with SASL ANONYMOUS, then puts the token to "$cbs" (claims-based security) before the sessions begin, and again before it expires; the connection card shows the answer.',
    props: {
      url: 'wss://<namespace>.servicebus.windows.net:443/$servicebus/websocket',
      subprotocols: ['AMQPWSB10'],
      sasl: { mechanism: 'ANONYMOUS' },
      cbs: { token: '<SharedAccessSignature sr=…&sig=…&se=…&skn=…>' },
    },
    reachableHere: false,
  },
];
