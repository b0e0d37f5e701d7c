import { describe, expect, it } from 'vitest';
import { Queue } from './queue.ts';

const q = (maxDepth = 100) => new Queue('q', { maxDepth });
const bodies = (queue: Queue) => queue.peekAll().map((m) => m.payload.toString());

describe('Queue', () => {
  it('hands out messages in arrival order', () => {
    const queue = q();
    for (const s of ['a', 'b', 'c']) queue.push(Buffer.from(s));
    expect([queue.take(), queue.take(), queue.take()].map((m) => m!.payload.toString())).toEqual(['a', 'b', 'c']);
    expect(queue.take()).toBeUndefined();
  });

  it('puts messages back in their original order, ahead of later arrivals', () => {
    const queue = q();
    for (const s of ['a', 'b', 'c', 'd']) queue.push(Buffer.from(s));
    const a = queue.take()!;
    const b = queue.take()!;
    queue.putBack(b);
    queue.putBack(a);
    expect(bodies(queue)).toEqual(['a', 'b', 'c', 'd']);
  });

  it('takes the first message a consumer may have, leaving the others in place', () => {
    const queue = q();
    for (const s of ['a', 'b', 'c']) queue.push(Buffer.from(s));
    const m = queue.take((x) => x.payload.toString() !== 'a');
    expect(m!.payload.toString()).toBe('b');
    expect(bodies(queue)).toEqual(['a', 'c']);
  });

  it('reports room left until max depth and counts what went in and out', () => {
    const queue = q(3);
    queue.push(Buffer.from('a'));
    queue.push(Buffer.from('b'));
    expect(queue.room).toBe(1);
    queue.take();
    queue.settled();
    expect(queue.depth).toBe(1);
    expect(queue.stats).toEqual({ enqueued: 2, dequeued: 1, deadLettered: 0 });
  });

  it('keeps order across many takes and put-backs (compaction included)', () => {
    const queue = q(10_000);
    for (let i = 0; i < 5000; i++) queue.push(Buffer.from(String(i)));
    const taken = Array.from({ length: 3000 }, () => queue.take()!);
    for (const m of taken.slice(2990).reverse()) queue.putBack(m);
    expect(queue.depth).toBe(2010);
    expect(bodies(queue).slice(0, 12)).toEqual(['2990', '2991', '2992', '2993', '2994', '2995', '2996', '2997', '2998', '2999', '3000', '3001']);
  });
});
