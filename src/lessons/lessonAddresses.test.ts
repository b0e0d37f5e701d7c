// Own addresses per lesson start: the flow's queues get the tag, and every check, solution and code
// span naming them follows, so each built-in lesson still reads and completes the same way.
import { describe, expect, it } from 'vitest';
import { BUILTIN_LESSONS } from './builtin/index.ts';
import { flowWithOwnAddresses, isAddressTag, lessonAddresses, newAddressTag, taggedAddress, withOwnAddresses } from './lessonAddresses.ts';
import { lessonToFile } from './lessonExport.ts';
import { parseLessonValue, type Lesson } from './lessonFile.ts';

const lesson = (id: string): Lesson => BUILTIN_LESSONS.find((l) => l.id === id)!;
const json = (value: unknown) => JSON.stringify(value);

describe('own addresses for each lesson start', () => {
  it('makes a new short tag each time', () => {
    const tags = new Set(Array.from({ length: 50 }, newAddressTag));
    expect(tags.size).toBeGreaterThan(45);
    for (const tag of tags) expect(isAddressTag(tag) && tag.length === 4).toBe(true);
  });

  it('tags before the first dot, so a queue and its dead-letter queue stay paired', () => {
    expect(taggedAddress('orders', 'k3f9')).toBe('orders-k3f9');
    expect(taggedAddress('orders.dlq', 'k3f9')).toBe(`${taggedAddress('orders', 'k3f9')}.dlq`);
  });

  it('outcomes: the flow, the text and the dead-letter receiver follow the tag', () => {
    const taken = withOwnAddresses(lesson('outcomes'), 'k3f9');
    const addresses = taken.flow.nodes.map((n) => ('address' in n.props ? n.props.address : undefined)).filter(Boolean);
    expect(addresses.sort()).toEqual(['orders-k3f9', 'orders-k3f9', 'orders-k3f9.dlq']);
    expect(taken.steps[0]!.text).toContain('rx2 listens on `orders-k3f9.dlq`, this broker\'s dead-letter queue for `orders-k3f9`.');
    expect(json(taken)).not.toMatch(/`orders(\.dlq)?`/);
  });

  it('competing: the check and the solution ask for the tagged queue the text names', () => {
    const taken = withOwnAddresses(lesson('competing'), 'k3f9');
    const step = taken.steps[1]!;
    expect(step.text).toContain('change its Address to `work-k3f9`');
    expect(step.kind === 'do' && step.until[0]).toMatchObject({ type: 'node', props: { address: 'work-k3f9' } });
    expect(step.solution?.edits?.[0]).toMatchObject({ op: 'setProps', props: { address: 'work-k3f9' } });
    expect(lessonAddresses(lesson('competing').flow, 'k3f9')).toEqual(new Map([['work', 'work-k3f9'], ['work-b', 'work-b-k3f9']]));
  });

  it('leaves broker nodes, receiver references and addresses the learner types alone', () => {
    expect(withOwnAddresses(lesson('cbs'), 'k3f9')).toBe(lesson('cbs'));
    expect(json(withOwnAddresses(lesson('request-reply'), 'k3f9'))).toContain('"replyTo":"@rx1"');
    // lifecycle's flow has no address: the learner types `lifecycle`, and no count depends on that queue
    expect(withOwnAddresses(lesson('lifecycle'), 'k3f9')).toBe(lesson('lifecycle'));
  });

  it('a flow alone takes the same tagged addresses as its lesson, and one without addresses is kept as it is', () => {
    const flow = lesson('outcomes').flow;
    expect(flowWithOwnAddresses(flow, 'k3f9')).toEqual(withOwnAddresses(lesson('outcomes'), 'k3f9').flow);
    expect(json(flow)).not.toContain('k3f9');
    expect(flowWithOwnAddresses(lesson('cbs').flow, 'k3f9')).toBe(lesson('cbs').flow);
    expect(flowWithOwnAddresses(lesson('lifecycle').flow, 'k3f9')).toBe(lesson('lifecycle').flow);
  });

  it.each(BUILTIN_LESSONS.map((l) => [l.id]))('%s with own addresses is still a lesson the parser accepts', (id) => {
    const taken = withOwnAddresses(lesson(id), newAddressTag());
    const parsed = parseLessonValue(JSON.parse(json(lessonToFile(taken))));
    expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  });
});
