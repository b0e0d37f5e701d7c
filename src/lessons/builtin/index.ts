// The built-in curriculum: JSON lesson files in this folder, read through the same parser as a
// learner's own files. Their order is the order of their file names (01-…, 02-…).
import { parseLessonFile, type Lesson } from '../lessonFile.ts';

const files = import.meta.glob<string>('./*.amqpflow-lesson.json', { eager: true, query: '?raw', import: 'default' });

export interface BuiltinProblem {
  file: string;
  message: string;
}

function load(): { lessons: Lesson[]; problems: BuiltinProblem[] } {
  const lessons: Lesson[] = [];
  const problems: BuiltinProblem[] = [];
  for (const file of Object.keys(files).sort()) {
    const parsed = parseLessonFile(files[file]!);
    if (parsed.ok) lessons.push(parsed.lesson);
    else for (const p of parsed.problems) problems.push({ file, message: p.message });
  }
  return { lessons, problems };
}

const loaded = load();

export const BUILTIN_LESSONS: readonly Lesson[] = loaded.lessons;
/** Empty unless a built-in file is broken (a unit test keeps it empty). */
export const BUILTIN_PROBLEMS: readonly BuiltinProblem[] = loaded.problems;
