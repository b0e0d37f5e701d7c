// The toolbar's Lessons button (contracts §5): shows or hides the Lesson region.
import { toggleLessons, useLesson } from './lessonStore.ts';

export function LessonsButton() {
  const open = useLesson((s) => s.open);
  return (
    <button type="button" className="btn" aria-pressed={open} onClick={toggleLessons} title="Guided lessons: learn AMQP 1.0 step by step">
      Lessons
    </button>
  );
}
