// `?lesson=<id>` opens a built-in lesson and `#lesson=<payload>` a shared one when the page loads.
import { BUILTIN_LESSONS } from './builtin/index.ts';
import { lessonPayload, readLessonPayload } from './lessonLink.ts';
import { landPageFlow } from '../store/flowLoad.ts';
import { openLesson, openLessonFromOutside, showLessonProblems } from './lessonStore.ts';

let done = false;

/** Runs once per page load (React may mount the region twice in development); a Run pressed meanwhile waits for it. */
export function openLessonStartup() {
  if (done || typeof location === 'undefined') return;
  done = true;
  void openFromAddress().then(landPageFlow, () => landPageFlow(false));
}

/** Opens the lesson the address names; resolves whether one opened. */
async function openFromAddress(): Promise<boolean> {
  const payload = lessonPayload(location.hash);
  if (payload !== null) {
    history.replaceState(history.state, '', location.pathname + location.search);
    const parsed = readLessonPayload(payload);
    if (!parsed.ok) showLessonProblems(parsed.problems);
    else await openLessonFromOutside(parsed.lesson);
    return parsed.ok;
  }
  const id = new URLSearchParams(location.search).get('lesson');
  if (id === null) return true;
  const lesson = BUILTIN_LESSONS.find((l) => l.id === id);
  if (lesson) await openLesson(lesson);
  else showLessonProblems([{ field: 'lesson', message: `There is no lesson "${id}"; pick one from the list.` }]);
  return lesson !== undefined;
}

/** Whether the page was opened to show a lesson (the shell then loads the region straight away). */
export const wantsLessonAtStart = (): boolean =>
  typeof location !== 'undefined' && (new URLSearchParams(location.search).has('lesson') || location.hash.startsWith('#lesson='));
