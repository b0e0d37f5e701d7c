import { describe, expect, it } from 'vitest';
import { parseCommandLine } from './cli.ts';

describe('broker command line', () => {
  it('uses port 5673, TCP port 5672 and 127.0.0.1 when nothing is given', () => {
    expect(parseCommandLine([], {})).toMatchObject({ port: 5673, tcpPort: 5672, host: '127.0.0.1', help: false });
  });

  it('takes PORT, AMQP_TCP_PORT and AMQPFLOW_USERS from the environment, options winning', () => {
    const args = parseCommandLine(['--tcp-port', '0'], { PORT: '8080', AMQP_TCP_PORT: '6000', AMQPFLOW_USERS: 'u:p, v:a:b' });
    expect(args).toMatchObject({ port: 8080, tcpPort: 0, broker: { users: { u: 'p', v: 'a:b' } } });
  });

  it('turns plain TCP off with --tcp-port off and reads the limits', () => {
    const args = parseCommandLine(['--tcp-port', 'off', '--max-connections', '3', '--max-frame-size', '1024', '--max-message-size', '99', '--max-queue-depth', '7', '--max-delivery-count', '4', '--idle-timeout-ms', '0'], {});
    expect(args.tcpPort).toBe(false);
    expect(args.broker).toMatchObject({ maxConnections: 3, maxFrameSize: 1024, maxMessageSize: 99, maxQueueDepth: 7, maxDeliveryCount: 4, idleTimeoutMs: 0 });
  });

  it('refuses a limit that is not a whole number, an unknown option and a malformed user list', () => {
    expect(() => parseCommandLine(['--max-frame-size', '1k'], {})).toThrow(/--max-frame-size must be a whole number/);
    expect(() => parseCommandLine(['--frobnicate'], {})).toThrow(/frobnicate/);
    expect(() => parseCommandLine([], { AMQPFLOW_USERS: 'nopassword' })).toThrow(/not user:password/);
  });
});
