// The lesson store against the real document and run stores: steps move on by themselves, goals and
// predictions are judged from run events (fed through the run store's reducer, as the engine's are).
import { beforeEach, describe, expect, it } from 'vitest';
import type { EngineEvent } from '../engine/events.ts';
import { applyCommand, resetDocument, useDocument } from '../store/documentStore.ts';
import { updateProps } from '../graph/commands/updateProps.ts';
import { useRunControl } from '../store/runController.ts';
import { beginRun, enqueue, flushRun, resetRun } from '../store/runStore.ts';
import { BUILTIN_LESSONS } from './builtin/index.ts';
import { answerPrediction, closeLesson, nextStep, openLesson, previousStep, showHint, showSolution, useLesson } from './lessonStore.ts';

const starvation = BUILTIN_LESSONS.find((l) => l.id === 'starvation')!;
const credit = BUILTIN_LESSONS.find((l) => l.id === 'credit')!;

/** What Run does to the stores: status running, then a fresh run state for the document's graph. */
async function pretendRunStarts() {
  useRunControl.setState({ status: 'running' });
  beginRun(useDocument.getState().graph);
  await Promise.resolve();
}

function feed(events: Omit<EngineEvent, 'at'>[]) {
  for (const e of events) enqueue({ ...e, at: 0 } as EngineEvent);
  flushRun();
}

const receive = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => ({ node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: from + i, body: 'x', properties: {}, applicationProperties: {} }) as Omit<EngineEvent, 'at'>);

// Node has no localStorage: a Map-backed one stands in for the browser's.
const stored = new Map<string, string>();
globalThis.localStorage ??= {
  getItem: (k: string) => stored.get(k) ?? null,
  setItem: (k: string, v: string) => void stored.set(k, String(v)),
  removeItem: (k: string) => void stored.delete(k),
  clear: () => stored.clear(),
  key: (i: number) => [...stored.keys()][i] ?? null,
  get length() {
    return stored.size;
  },
} satisfies Storage;

beforeEach(() => {
  closeLesson();
  localStorage.clear();
  resetDocument();
  resetRun();
  useRunControl.setState({ status: 'idle' });
});

describe('the lesson store', () => {
  it('loads the lesson flow as one undo step and moves a do step on when the document shows it done', async () => {
    await openLesson(credit);
    expect(useDocument.getState().graph.name).toBe('Link credit');
    expect(useDocument.getState().past).toHaveLength(1);
    nextStep();
    expect(useLesson.getState().step).toBe(1);
    const t1 = useDocument.getState().graph.nodes.find((n) => n.id === 't1')!;
    applyCommand(updateProps, { id: 't1', props: { ...t1.props, count: 8 } });
    expect(useLesson.getState().step).toBe(2);
    // Back to the done step: it waits for Next.
    previousStep();
    expect(useLesson.getState()).toMatchObject({ step: 1, stepDone: true });
  });

  it('gives hints first, then applies the solution as one undo step', async () => {
    await openLesson(credit);
    nextStep();
    showHint();
    expect(useLesson.getState().hintsShown).toBe(1);
    const before = useDocument.getState().past.length;
    showSolution();
    expect(useDocument.getState().past.length).toBe(before + 1);
    expect(useLesson.getState().step).toBe(2);
  });

  it('judges a prediction and meets goals from the run, and keeps progress in localStorage', async () => {
    await openLesson(starvation);
    nextStep();
    answerPrediction(5);
    nextStep();
    // The run state left from before the lesson never counts; a new run does.
    feed(receive(3));
    expect(useLesson.getState().step).toBe(2);
    await pretendRunStarts();
    expect(useLesson.getState().step).toBe(3);
    feed([...receive(3), { node: 'rx1', event: 'CREDIT', credit: 0, deliveryCount: 3, queued: 0 } as Omit<EngineEvent, 'at'>]);
    const s = useLesson.getState();
    expect(s.goalsMet).toEqual([3]);
    expect(s.step).toBe(4);
    expect(s.predictions[1]).toMatchObject({ answer: 5, actual: 3, matched: false });
    expect(JSON.parse(localStorage.getItem('amqpflow.lesson.starvation')!)).toMatchObject({ step: 4, goalsMet: [3], complete: false });
  });
});
