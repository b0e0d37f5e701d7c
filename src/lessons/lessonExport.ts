// A lesson back into its file format, for "Download lesson file" and `#lesson=` links.
import { LESSON_FORMAT, LESSON_VERSION } from './lessonSchema.ts';
import type { Lesson } from './lessonFile.ts';

export function lessonToFile(lesson: Lesson): Record<string, unknown> {
  return {
    format: LESSON_FORMAT,
    version: LESSON_VERSION,
    id: lesson.id,
    title: lesson.title,
    ...(lesson.summary ? { summary: lesson.summary } : {}),
    flow: lesson.flow,
    steps: lesson.steps,
  };
}

export const serializeLesson = (lesson: Lesson): string => `${JSON.stringify(lessonToFile(lesson), null, 2)}\n`;
