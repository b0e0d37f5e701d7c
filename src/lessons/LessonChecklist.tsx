// What a do or goal step waits for, each check ticked as the document or the run meets it.
import { useDocument } from '../store/documentStore.ts';
import { useRunStatus } from '../store/runController.ts';
import { useRun } from '../store/runStore.ts';
import { checkMet } from './checks.ts';
import { describeCheck } from './describeCheck.ts';
import type { Check } from './lessonSchema.ts';
import { useLesson } from './lessonStore.ts';

export function LessonChecklist({ checks }: { checks: readonly Check[] }) {
  const graph = useDocument((s) => s.graph);
  const run = useRun();
  const status = useRunStatus();
  const runs = useLesson((s) => s.runs);
  const world = { graph, run, status, runs };
  return (
    <ul className="lesson__checks" aria-label="What the lesson checks">
      {checks.map((c, i) => {
        const met = checkMet(c, world);
        return (
          <li key={i} data-met={met}>
            <span aria-hidden="true">{met ? '✓' : '○'}</span> {describeCheck(c)}
            <span className="visually-hidden">{met ? ' (met)' : ' (not yet)'}</span>
          </li>
        );
      })}
    </ul>
  );
}
