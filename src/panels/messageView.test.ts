import { describe, expect, it } from 'vitest';
import { hexDump } from './messageView.ts';

describe('the hex dump of a message body', () => {
  it('shows offset, bytes in two groups of eight and the printable ASCII', () => {
    const hex = Buffer.from('Hello, AMQP 1.0 world!').toString('hex');
    expect(hexDump(hex).split('\n')).toEqual([
      '00000000  48 65 6c 6c 6f 2c 20 41  4d 51 50 20 31 2e 30 20  |Hello, AMQP 1.0 |',
      '00000010  77 6f 72 6c 64 21                                 |world!|',
    ]);
  });

  it('shows bytes that are not printable as dots', () => {
    expect(hexDump('ff00fe41')).toBe('00000000  ff 00 fe 41                                       |...A|');
  });

  it('is empty for no bytes', () => {
    expect(hexDump('')).toBe('');
  });
});
