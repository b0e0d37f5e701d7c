import { describe, expect, it } from 'vitest';
import { writeBatch } from './writeBatch.ts';

describe('frames written in one tick leave in one write', () => {
  it('joins the writes of one tick, in order, into one', async () => {
    const sent: string[] = [];
    const batch = writeBatch((b) => sent.push(b.toString()));
    batch.write(Buffer.from('open '));
    batch.write(Buffer.from('begin '));
    batch.write(Buffer.from('attach'));
    expect(sent).toEqual([]);
    await new Promise((ok) => process.nextTick(ok));
    expect(sent).toEqual(['open begin attach']);
    batch.write(Buffer.from('flow'));
    await new Promise((ok) => setImmediate(ok));
    expect(sent).toEqual(['open begin attach', 'flow']);
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
