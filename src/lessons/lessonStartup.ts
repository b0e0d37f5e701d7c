// `?lesson=<id>` opens a built-in lesson and `#lesson=<payload>` a shared one when the page loads.
import { BUILTIN_LESSONS } from './builtin/index.ts';
import { lessonPayload, readLessonPayload } from './lessonLink.ts';
import { openLesson, openLessonFromOutside, showLessonProblems } from './lessonStore.ts';

let done = false;

/** Runs once per page load (React may mount the region twice in development). */
export function openLessonStartup() {
  if (done || typeof location === 'undefined') return;
  done = true;
  const payload = lessonPayload(location.hash);
  if (payload !== null) {
    history.replaceState(history.state, '', location.pathname + location.search);
    const parsed = readLessonPayload(payload);
    if (parsed.ok) void openLessonFromOutside(parsed.lesson);
    else showLessonProblems(parsed.problems);
    return;
  }
  const id = new URLSearchParams(location.search).get('lesson');
  if (id === null) return;
  const lesson = BUILTIN_LESSONS.find((l) => l.id === id);
  if (lesson) void openLesson(lesson);
  else showLessonProblems([{ field: 'lesson', message: `There is no lesson "${id}"; pick one from the list.` }]);
}

/** Whether the page was opened to show a lesson (the shell then loads the region straight away). */
export const wantsLessonAtStart = (): boolean =>
  typeof location !== 'undefined' && (new URLSearchParams(location.search).has('lesson') || location.hash.startsWith('#lesson='));
