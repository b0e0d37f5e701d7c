import { describe, expect, it } from 'vitest';
import { writeBatch } from './writeBatch.ts';

describe('frames written in one turn of the event loop leave in one write', () => {
  it('joins the writes of one turn, in order, into one, ticks included', async () => {
    const sent: string[] = [];
    const batch = writeBatch((b) => sent.push(b.toString()));
    batch.write(Buffer.from('open '));
    batch.write(Buffer.from('begin '));
    batch.write(Buffer.from('attach'));
    await new Promise((ok) => process.nextTick(ok));
    batch.write(Buffer.from(' flow'));
    expect(sent).toEqual([]);
    await new Promise((ok) => setImmediate(ok));
    expect(sent).toEqual(['open begin attach flow']);
    batch.write(Buffer.from('disposition'));
    await new Promise((ok) => setImmediate(ok));
    expect(sent).toEqual(['open begin attach flow', 'disposition']);
  });

  it('writes what is queued before an end, and nothing after a drop', async () => {
    const sent: string[] = [];
    const batch = writeBatch((b) => sent.push(b.toString()));
    batch.write(Buffer.from('close'));
    batch.flush();
    expect(sent).toEqual(['close']);
    batch.write(Buffer.from('lost'));
    batch.drop();
    await new Promise((ok) => setImmediate(ok));
    expect(sent).toEqual(['close']);
  });
});
