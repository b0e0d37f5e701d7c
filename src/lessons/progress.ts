// Each lesson's progress in localStorage (one key per lesson id), so a learner comes back where they left.
import { isAddressTag } from './lessonAddresses.ts';

export interface PredictionRecord {
  answer: number | string;
  /** runs started since the lesson opened, when the answer was given: only a later run judges it */
  answeredAtRun: number;
  /** what the run gave, once a run has judged the answer */
  actual?: number | string | null;
  matched?: boolean;
}

export interface LessonProgress {
  step: number;
  /** indexes of goal steps met */
  goalsMet: number[];
  predictions: Record<number, PredictionRecord>;
  complete: boolean;
  /** the tag of this start's own addresses (lessonAddresses.ts), kept so a resumed lesson finds its queues */
  addressTag?: string;
}

export const EMPTY_PROGRESS: LessonProgress = Object.freeze({ step: 0, goalsMet: [], predictions: {}, complete: false });

const key = (lessonId: string) => `amqpflow.lesson.${lessonId}`;

function storage(): Storage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}

export function loadProgress(lessonId: string): LessonProgress {
  const raw = storage()?.getItem(key(lessonId));
  if (!raw) return EMPTY_PROGRESS;
  try {
    const p = JSON.parse(raw) as Partial<LessonProgress>;
    return {
      step: Number.isInteger(p.step) && p.step! >= 0 ? p.step! : 0,
      goalsMet: Array.isArray(p.goalsMet) ? p.goalsMet.filter(Number.isInteger) : [],
      // Predictions belong to the runs of one visit; a new visit asks again.
      predictions: {},
      complete: p.complete === true,
      ...(isAddressTag(p.addressTag) ? { addressTag: p.addressTag } : {}),
    };
  } catch {
    return EMPTY_PROGRESS;
  }
}

export function saveProgress(lessonId: string, progress: LessonProgress) {
  try {
    storage()?.setItem(key(lessonId), JSON.stringify({ step: progress.step, goalsMet: progress.goalsMet, complete: progress.complete, addressTag: progress.addressTag }));
  } catch {
    // Storage full or blocked: progress lives on for this visit only.
  }
}

export function isComplete(lessonId: string): boolean {
  return loadProgress(lessonId).complete;
}
