// Outlines what an explain step points at: nodes on the canvas and rows of a frame type in the trace.
// A style rule rather than classes on the nodes, so the canvas's own rendering never drops it.
import { useLesson } from './lessonStore.ts';

const cssString = (value: string) => JSON.stringify(value);

export function LessonHighlights() {
  const highlight = useLesson((s) => s.lesson?.steps[s.step]?.highlight);
  if (!highlight) return null;
  const rules: string[] = [];
  for (const id of highlight.nodes ?? []) {
    rules.push(`.react-flow [data-node-id=${cssString(id)}] { outline: 3px solid var(--lesson-highlight); outline-offset: 3px; }`);
  }
  if (highlight.frame) rules.push(`[data-performative=${cssString(highlight.frame)}] { outline: 2px solid var(--lesson-highlight); outline-offset: -2px; }`);
  return <style data-lesson-highlight="">{rules.join('\n')}</style>;
}
