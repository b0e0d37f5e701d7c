// The lesson being taken: which step, hints shown, goals met, predictions; and the watcher that moves
// a `do` step on by itself once the document or the run shows it done, and checks goals against the run.
import { create } from 'zustand';
import { replaceDocument } from '../store/actions.ts';
import type { Problem } from '../graph/types.ts';
import { applyCommand, useDocument } from '../store/documentStore.ts';
import { stopRun, useRunControl } from '../store/runController.ts';
import { useRun } from '../store/runStore.ts';
import { allMet, measure, type LessonWorld } from './checks.ts';
import { applyEdits, flowBeforeStep } from './edits.ts';
import { newAddressTag, withOwnAddresses } from './lessonAddresses.ts';
import type { Lesson } from './lessonFile.ts';
import { loadProgress, saveProgress, type PredictionRecord } from './progress.ts';

export interface LessonState {
  /** the Lesson region is showing */
  open: boolean;
  /** the lesson being taken, with this start's own addresses (lessonAddresses.ts) */
  lesson: Lesson | null;
  /** the same lesson as its file says it, for Download lesson file and Copy lesson link */
  source: Lesson | null;
  /** the tag of this start's addresses */
  addressTag: string;
  step: number;
  /** false after Back: a step met already waits for Next instead of moving on by itself */
  forward: boolean;
  /** the current do step's checks are met */
  stepDone: boolean;
  goalsMet: readonly number[];
  predictions: Readonly<Record<number, PredictionRecord>>;
  hintsShown: number;
  solutionShown: boolean;
  /** runs started since the lesson opened */
  runs: number;
  complete: boolean;
  /** a lesson file or link that was refused, with every problem */
  problems: readonly Problem[];
  /** lessons opened from files or links during this visit (listed after the built-ins) */
  opened: readonly Lesson[];
}

const INITIAL: LessonState = {
  open: false,
  lesson: null,
  source: null,
  addressTag: '',
  step: 0,
  forward: true,
  stepDone: false,
  goalsMet: [],
  predictions: {},
  hintsShown: 0,
  solutionShown: false,
  runs: 0,
  complete: false,
  problems: [],
  opened: [],
};

export const useLesson = create<LessonState>()(() => INITIAL);

export const setLessonsOpen = (open: boolean) => useLesson.setState({ open });
export const toggleLessons = () => useLesson.setState((s) => ({ open: !s.open }));

function world(runs: number): LessonWorld {
  return { graph: useDocument.getState().graph, run: useRun.getState(), status: useRunControl.getState().status, runs };
}

function persist(s: LessonState) {
  if (!s.lesson) return;
  const stored = loadProgress(s.lesson.id);
  saveProgress(s.lesson.id, { step: s.step, goalsMet: [...s.goalsMet], predictions: {}, complete: stored.complete || s.complete, addressTag: s.addressTag });
}

/** Opens a lesson: stops a run, loads the flow as it stands at the saved step (one undo step). */
export async function openLesson(source: Lesson) {
  if (useRunControl.getState().status !== 'idle') await stopRun();
  const saved = loadProgress(source.id);
  // A finished lesson starts over with new queues; an unfinished one resumes at its step, on its queues.
  const step = saved.complete ? 0 : Math.min(saved.step, source.steps.length - 1);
  const goalsMet = saved.complete ? [] : saved.goalsMet.filter((i) => source.steps[i]?.kind === 'goal');
  const addressTag = (!saved.complete && saved.addressTag) || newAddressTag();
  const lesson = withOwnAddresses(source, addressTag);
  replaceDocument(flowBeforeStep(lesson.flow, lesson.steps, step));
  useLesson.setState((s) => ({
    ...INITIAL,
    open: true,
    opened: s.opened,
    lesson,
    source,
    addressTag,
    step,
    goalsMet,
  }));
  persist(useLesson.getState());
  evaluate();
}

export function closeLesson() {
  useLesson.setState({ lesson: null, source: null, problems: [] });
}

/** A refused lesson file or link: its problems are listed and nothing else changes. */
export function showLessonProblems(problems: readonly Problem[]) {
  useLesson.setState({ open: true, problems });
}

export function dismissLessonProblems() {
  useLesson.setState({ problems: [] });
}

/** A lesson from a file or a link joins the list (replacing one with the same id) and opens. */
export async function openLessonFromOutside(lesson: Lesson) {
  useLesson.setState((s) => ({ opened: [...s.opened.filter((l) => l.id !== lesson.id), lesson], problems: [] }));
  await openLesson(lesson);
}

function goTo(step: number, forward: boolean) {
  useLesson.setState((s) => {
    if (!s.lesson || step < 0 || step >= s.lesson.steps.length) return s;
    return { step, forward, stepDone: false, hintsShown: 0, solutionShown: false };
  });
  persist(useLesson.getState());
  evaluate();
}

export const nextStep = () => goTo(useLesson.getState().step + 1, true);
export const previousStep = () => goTo(useLesson.getState().step - 1, false);

export function showHint() {
  useLesson.setState((s) => {
    const hints = s.lesson?.steps[s.step]?.hints ?? [];
    return s.hintsShown < hints.length ? { hintsShown: s.hintsShown + 1 } : s;
  });
}

/** Shows the solution and applies its edits to the document as one undo step. */
export function showSolution() {
  const { lesson, step } = useLesson.getState();
  const edits = lesson?.steps[step]?.solution?.edits;
  useLesson.setState({ solutionShown: true });
  if (edits?.length) {
    applyCommand((g) => {
      const result = applyEdits(g, edits);
      return result.ok ? result.graph : g;
    }, null);
  }
}

export function answerPrediction(answer: number | string) {
  // A run already going when the learner answers still judges the answer (its outcome is still to come).
  const live = useRunControl.getState().status === 'running' ? 1 : 0;
  useLesson.setState((s) => ({ predictions: { ...s.predictions, [s.step]: { answer, answeredAtRun: s.runs - live } } }));
}

/** Judges open predictions against the run as it is now; `goalIndex` is a goal just met, if any. */
function judge(s: LessonState, w: LessonWorld, goalIndex: number | null, runEnded: boolean): LessonState['predictions'] {
  let predictions = s.predictions;
  for (const [key, p] of Object.entries(s.predictions)) {
    const index = Number(key);
    const step = s.lesson?.steps[index];
    if (!step || step.kind !== 'predict' || p.matched !== undefined || w.runs <= p.answeredAtRun) continue;
    if (!runEnded && (goalIndex === null || goalIndex < index)) continue;
    const actual = measure(step.measure, w);
    predictions = { ...predictions, [index]: { ...p, actual, matched: actual === p.answer } };
  }
  return predictions;
}

let evaluating = false;

/** Looks at the stores and moves the lesson on; called on every document, run and run-control change. */
export function evaluate(runEnded = false) {
  if (evaluating) return;
  evaluating = true;
  try {
    for (let guard = 0; guard < 200; guard += 1) {
      const s = useLesson.getState();
      if (!s.lesson) return;
      const w = world(s.runs);
      const step = s.lesson.steps[s.step];
      if (!step) return;
      const checks = step.kind === 'do' ? step.until : step.kind === 'goal' ? step.expect : null;
      const met = checks !== null && allMet(checks, w);
      let next: Partial<LessonState> = {};
      if (met && step.kind === 'goal' && !s.goalsMet.includes(s.step)) next.goalsMet = [...s.goalsMet, s.step];
      const goalsMet = next.goalsMet ?? s.goalsMet;
      const predictions = judge(s, w, met && step.kind === 'goal' ? s.step : null, runEnded);
      if (predictions !== s.predictions) next.predictions = predictions;
      const goals = s.lesson.steps.flatMap((st, i) => (st.kind === 'goal' ? [i] : []));
      const complete = goals.every((i) => goalsMet.includes(i));
      if (complete !== s.complete) next.complete = complete;
      if (met !== s.stepDone) next.stepDone = met;
      const advance = met && s.forward && s.step < s.lesson.steps.length - 1;
      if (advance) next = { ...next, step: s.step + 1, stepDone: false, hintsShown: 0, solutionShown: false };
      if (Object.keys(next).length === 0) return;
      useLesson.setState(next);
      persist(useLesson.getState());
      if (!advance) return;
    }
  } finally {
    evaluating = false;
  }
}

// The stores are watched for as long as the page lives; each change is cheap when no lesson is open.
useDocument.subscribe((s, prev) => {
  if (s.graph !== prev.graph) evaluate();
});
useRun.subscribe(() => evaluate());
useRunControl.subscribe((s, prev) => {
  if (s.status === prev.status) return;
  if (s.status === 'running' && prev.status === 'idle' && useLesson.getState().lesson) {
    // The run store still holds the last run until the new one begins, just after this: look then.
    useLesson.setState((l) => ({ runs: l.runs + 1 }));
    queueMicrotask(() => evaluate());
    return;
  }
  evaluate(s.status === 'idle');
});
