import { describe, expect, it } from 'vitest';
import { BUILTIN_LESSONS, BUILTIN_PROBLEMS } from './builtin/index.ts';
import { parseLessonFile, parseLessonValue } from './lessonFile.ts';
import { serializeLesson } from './lessonExport.ts';
import { lessonUrl, lessonPayload, readLessonPayload } from './lessonLink.ts';

const flow = {
  format: 'amqp-flow',
  version: 1,
  name: 'Tiny',
  nodes: [
    { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: {} },
    { id: 's1', kind: 'session', position: { x: 220, y: 0 }, props: {} },
  ],
  edges: [{ id: 'e1', source: 'c1', target: 's1' }],
};

const good = () => ({
  format: 'amqp-flow-lesson',
  version: 1,
  id: 'tiny',
  title: 'Tiny',
  flow,
  steps: [
    { kind: 'do', text: 'Add a sender', until: [{ type: 'node', kind: 'sender' }], solution: { edits: [{ op: 'addNode', id: 'tx1', kind: 'sender', position: { x: 440, y: 0 } }, { op: 'connect', source: 's1', target: 'tx1' }] } },
    { kind: 'goal', text: 'Open it', expect: [{ type: 'events', event: 'SENDER_OPEN' }] },
  ],
});

describe('lesson files', () => {
  it('reads every built-in lesson through the same parser, at least ten, each ending in a goal', () => {
    expect(BUILTIN_PROBLEMS).toEqual([]);
    expect(BUILTIN_LESSONS.length).toBeGreaterThanOrEqual(10);
    expect(new Set(BUILTIN_LESSONS.map((l) => l.id)).size).toBe(BUILTIN_LESSONS.length);
    for (const l of BUILTIN_LESSONS) expect(l.steps.at(-1)?.kind === 'goal' || l.steps.some((s) => s.kind === 'goal')).toBe(true);
  });

  it('reads a lesson and gives back the same lesson after a save', () => {
    const parsed = parseLessonValue(good());
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    expect(parsed.lesson.flow.nodes.map((n) => n.id)).toEqual(['c1', 's1']);
    const again = parseLessonFile(serializeLesson(parsed.lesson));
    expect(again).toEqual(parsed);
  });

  it('lists every problem with its path and refuses the whole file', () => {
    const bad = good() as Record<string, unknown>;
    bad.extra = 1;
    bad.steps = [
      { kind: 'do', text: 'x', until: [] },
      { kind: 'predict', text: 'x', question: 'q', measure: { type: 'count', node: 'rx1', counter: 'eaten' } },
      { kind: 'wonder', text: 'x' },
    ];
    bad.flow = { ...flow, nodes: [{ id: 'c1', kind: 'toaster', position: { x: 0, y: 0 } }], edges: [] };
    const parsed = parseLessonValue(bad);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    const fields = parsed.problems.map((p) => p.field);
    expect(fields).toContain('steps[0].until');
    expect(fields).toContain('steps[1].measure.counter');
    expect(fields).toContain('steps[2].kind');
    expect(fields).toContain('');
    expect(fields.some((f) => f?.startsWith('flow.'))).toBe(true);
    expect(parsed.problems.every((p) => p.message.length > 0)).toBe(true);
  });

  it('refuses a solution that does not apply to the flow, and a lesson without a goal', () => {
    const noGoal = good();
    noGoal.steps = [{ kind: 'do', text: 'x', until: [{ type: 'node', kind: 'sender' }], solution: { edits: [{ op: 'connect', source: 'c1', target: 'nowhere' }] } }] as typeof noGoal.steps;
    const parsed = parseLessonValue(noGoal);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.problems.map((p) => p.field)).toEqual(['steps', 'steps[0].solution.edits[0]']);
  });

  it('refuses text that is not JSON or not a lesson', () => {
    expect(parseLessonFile('{nope')).toMatchObject({ ok: false, problems: [{ message: expect.stringContaining('not valid JSON') }] });
    expect(parseLessonFile(JSON.stringify(flow))).toMatchObject({ ok: false, problems: [{ field: 'format' }] });
    expect(parseLessonFile(JSON.stringify({ ...good(), version: 2 }))).toMatchObject({ ok: false, problems: [{ field: 'version' }] });
  });

  it('round-trips through a #lesson= link and reports a damaged one', () => {
    const url = lessonUrl(good(), 'http://x/?a=1#share=old');
    const payload = lessonPayload(`#${url.split('#')[1]!}`);
    expect(payload).not.toBeNull();
    const parsed = readLessonPayload(payload!);
    expect(parsed.ok && parsed.lesson.id).toBe('tiny');
    expect(readLessonPayload('garbage!!')).toMatchObject({ ok: false });
  });
});
