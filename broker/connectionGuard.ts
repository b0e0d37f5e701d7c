// Connection-level rules rhea 3.0.5 does not keep in its server role, patched onto one connection:
// - a begin on a channel above the channel-max the broker announced is a framing error (§2.4.1);
// - a peer silent for twice the announced idle timeout is gone: rhea closes the connection, and
//   here its messages are given back at once and the socket dropped, even if the frozen peer
//   never answers the close.
import type { AmqpError, Connection } from 'rhea';

interface ConnectionInternals {
  on_begin(frame: { channel: number }): void;
  idle(): void;
}

export interface GuardHooks {
  channelMax: number;
  /** stop reading, write a close carrying this error, end the socket */
  refuse(error: AmqpError): void;
  /** the peer is gone: give back what it held */
  gone(): void;
  /** drop the socket now */
  destroy(): void;
}

export function guardConnection(amqp: Connection, hooks: GuardHooks): void {
  const internals = amqp as unknown as ConnectionInternals;
  const rheaBegin = internals.on_begin.bind(amqp);
  internals.on_begin = (frame) => {
    if (frame.channel > hooks.channelMax) {
      hooks.refuse({ condition: 'amqp:connection:framing-error', description: `begin on channel ${frame.channel}, above the channel-max ${hooks.channelMax} this broker announced` });
      setTimeout(hooks.destroy, 1000).unref();
      return;
    }
    rheaBegin(frame);
  };
  const rheaIdle = internals.idle.bind(amqp);
  internals.idle = () => {
    rheaIdle();
    hooks.gone();
    setTimeout(hooks.destroy, 1000).unref();
  };
}
