import { describe, expect, it } from 'vitest';
import { shortenAtWord, shortenToChars } from './shortenAtWord.ts';

const upTo = (n: number) => (s: string) => s.length <= n;

describe('shortenAtWord', () => {
  it('keeps text that fits', () => {
    expect(shortenAtWord('What time is it?', upTo(16))).toBe('What time is it?');
  });

  it('cuts after the last whole word that fits, with an ellipsis', () => {
    expect(shortenAtWord('What time is it?', upTo(12))).toBe('What time…');
    expect(shortenAtWord('What time is it?', upTo(13))).toBe('What time is…');
  });

  it('never cuts inside a word', () => {
    const text = 'competing consumers share twenty jobs';
    for (let n = 10; n < text.length; n += 1) {
      const short = shortenAtWord(text, upTo(n));
      expect(short.length).toBeLessThanOrEqual(n);
      const words = short.slice(0, -1).split(' ');
      for (const w of words) expect(text.split(' ')).toContain(w);
    }
  });

  it('cuts addresses and URLs at their separators', () => {
    expect(shortenAtWord('ws://broker.example.com:5673/amqp', upTo(26))).toBe('ws://broker.example.com:…');
  });

  it('keeps the first word whole when nothing shorter fits', () => {
    expect(shortenAtWord('supercalifragilistic expialidocious', upTo(5))).toBe('supercalifragilistic…');
  });

  it('shortenToChars counts the ellipsis', () => {
    expect(shortenToChars('Hello brave new world', 12)).toBe('Hello brave…');
  });
});
