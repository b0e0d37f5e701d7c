// What the broker needs from a transport: bytes in, bytes out, and a way to end it. TCP sockets
// and WebSockets are both adapted to this, so everything above sees one kind of connection.

export interface RawSocket {
  transport: 'ws' | 'tcp';
  /** peer address, e.g. 127.0.0.1:53412 */
  remote: string;
  write(bytes: Buffer): void;
  /** finish writing what is queued, then close */
  end(): void;
  /** close at once */
  destroy(): void;
  onData(handler: (bytes: Buffer) => void): void;
  onClose(handler: (error?: Error) => void): void;
}
