import { describe, expect, it } from 'vitest';
import { FrameGuard } from './frameGuard.ts';

const AMQP_HEADER = Buffer.from('AMQP\x00\x01\x00\x00', 'latin1');
const SASL_HEADER = Buffer.from('AMQP\x03\x01\x00\x00', 'latin1');
const frame = (size: number, type = 0, doff = 2) => {
  const b = Buffer.alloc(size);
  b.writeUInt32BE(size, 0);
  b[4] = doff;
  b[5] = type;
  return b;
};
const guard = (saslRequired = false) => new FrameGuard({ maxFrameSize: 1024, saslRequired });

describe('FrameGuard', () => {
  it('lets a header and well-formed frames through, however the bytes are split', () => {
    const g = guard();
    const stream = Buffer.concat([AMQP_HEADER, frame(20), frame(8), frame(1024)]);
    for (let i = 0; i < stream.length; i += 3) expect(g.check(stream.subarray(i, i + 3))).toBeNull();
    expect(g.layer).toBe('amqp');
  });

  it('follows SASL frames, then the AMQP header', () => {
    const g = guard(true);
    expect(g.check(Buffer.concat([SASL_HEADER, frame(30, 1), AMQP_HEADER, frame(16, 0)]))).toBeNull();
    expect(g.layer).toBe('amqp');
  });

  it('refuses a frame over max-frame-size, below 8 bytes, with a bad data offset or the wrong type', () => {
    expect(guard().check(Buffer.concat([AMQP_HEADER, frame(2048)]))?.description).toMatch(/2048 bytes exceeds the broker's max-frame-size 1024/);
    expect(guard().check(Buffer.concat([AMQP_HEADER, Buffer.from([0, 0, 0, 4, 2, 0, 0, 0])]))?.condition).toBe('amqp:connection:framing-error');
    expect(guard().check(Buffer.concat([AMQP_HEADER, frame(16, 0, 1)]))?.description).toMatch(/data offset 1/);
    expect(guard().check(Buffer.concat([AMQP_HEADER, frame(16, 1)]))?.description).toMatch(/frame type 1/);
  });

  it('refuses a non-AMQP start, another version, TLS, and plain AMQP when SASL is required', () => {
    expect(guard().check(Buffer.from('GET / HTTP/1.1\r\n'))?.layer).toBe('start');
    expect(guard().check(Buffer.from('AMQP\x00\x01\x01\x00', 'latin1'))?.description).toMatch(/version 1.1.0/);
    expect(guard().check(Buffer.from('AMQP\x02\x01\x00\x00', 'latin1'))?.description).toMatch(/protocol id 2/);
    expect(guard(true).check(AMQP_HEADER)?.description).toMatch(/requires SASL/);
    expect(guard(true).supportedHeader).toEqual(SASL_HEADER);
  });

  it('stays stopped after a violation', () => {
    const g = guard();
    const v = g.check(Buffer.from('nonsense'));
    expect(g.check(AMQP_HEADER)).toBe(v);
  });
});
