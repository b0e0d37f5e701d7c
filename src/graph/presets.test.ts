import { describe, expect, it } from 'vitest';
import { CONNECTION_PRESETS } from './presets.ts';
import { validateProps } from './validate.ts';

describe('connection presets', () => {
  it('offers the known brokers with the url, subprotocols and SASL they expect', () => {
    const byName = Object.fromEntries(CONNECTION_PRESETS.map((p) => [p.name, p.props]));
    expect(byName['Embedded broker']!.url).toBe('');
    expect(byName['RabbitMQ via websockify']).toEqual({ url: 'ws://127.0.0.1:15673/', subprotocols: ['binary'], sasl: { mechanism: 'PLAIN', username: 'guest', password: 'guest' } });
    expect(byName['Qpid Proton via websockify']).toEqual({ url: 'ws://127.0.0.1:15674/', subprotocols: ['binary'], sasl: { mechanism: 'ANONYMOUS' } });
    expect(byName['RabbitMQ over the relay']).toEqual({ url: 'ws://127.0.0.1:5673/relay/rabbitmq', subprotocols: ['amqp'], sasl: { mechanism: 'PLAIN', username: 'guest', password: 'guest' } });
    expect(byName['Qpid Proton over the relay']!.url).toBe('ws://127.0.0.1:5673/relay/proton');
    expect(byName['ActiveMQ Artemis']!.subprotocols).toEqual(['amqp']);
    expect(byName['ActiveMQ Classic']!.subprotocols!.at(-1)).toBe('amqp');
    expect(byName['Azure Service Bus / Event Hubs']).toMatchObject({ subprotocols: ['AMQPWSB10'], sasl: { mechanism: 'ANONYMOUS' } });
  });

  it('marks as reachable here only the embedded broker and the brokers run behind websockify', () => {
    expect(CONNECTION_PRESETS.filter((p) => p.reachableHere).map((p) => p.id)).toEqual(['embedded', 'rabbitmq-websockify', 'qpid-proton-websockify']);
  });

  it('gives valid props for every preset except the placeholder that must be filled in', () => {
    for (const preset of CONNECTION_PRESETS) {
      const problems = validateProps('connection', preset.props);
      if (preset.props.url?.includes('<namespace>')) expect(problems[0]!.message).toMatch(/placeholder \(<namespace>\)/);
      else expect(problems, preset.name).toEqual([]);
    }
  });
});
