// The lessons feature: the toolbar's Lessons button, the Lesson region beside the canvas, and Ctrl+Shift+L.
import type { Feature } from '../ui/feature.ts';
import { LessonRegion } from './LessonRegion.tsx';
import { LessonsButton } from './LessonsButton.tsx';
import { setLessonsOpen, useLesson } from './lessonStore.ts';

const lessons: Feature = {
  id: 'lessons',
  toolbar: [LessonsButton],
  regions: [LessonRegion],
  shortcuts: [{ key: 'l', mod: true, shift: true, description: 'Show or hide the lessons', run: () => setLessonsOpen(!useLesson.getState().open) }],
};
export default lessons;
