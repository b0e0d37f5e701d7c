// The current step of a lesson: its text, hints, solution, the prediction form or verdicts, and
// Back / Next / Hint / Show solution (contracts §5 names).
import { LessonChecklist } from './LessonChecklist.tsx';
import type { Lesson } from './lessonFile.ts';
import type { Step } from './lessonSchema.ts';
import { nextStep, previousStep, showHint, showSolution, useLesson } from './lessonStore.ts';
import { PredictionForm, PredictionVerdict } from './PredictionForm.tsx';

const KIND_WORDS: Record<Step['kind'], string> = { explain: 'Read', do: 'Your turn', predict: 'Predict', goal: 'Goal' };

/** Paragraphs split on blank lines; `code` in backticks. Lesson text is always rendered as text. */
function Prose({ text }: { text: string }) {
  return (
    <>
      {text.split(/\n\s*\n/).map((para, i) => (
        <p key={i}>
          {para.split(/(`[^`]+`)/).map((part, j) => (part.startsWith('`') && part.endsWith('`') && part.length > 1 ? <code key={j}>{part.slice(1, -1)}</code> : part))}
        </p>
      ))}
    </>
  );
}

function canGoNext(step: Step, s: ReturnType<typeof useLesson.getState>): boolean {
  switch (step.kind) {
    case 'explain':
      return true;
    case 'predict':
      return s.predictions[s.step] !== undefined;
    case 'do':
      return s.stepDone;
    case 'goal':
      return s.goalsMet.includes(s.step);
  }
}

export function LessonSteps({ lesson }: { lesson: Lesson }) {
  const s = useLesson();
  const step = lesson.steps[s.step];
  if (!step) return null;
  const hints = step.hints ?? [];
  const allHintsShown = s.hintsShown >= hints.length;
  const last = s.step === lesson.steps.length - 1;
  const judged = lesson.steps.flatMap((st, i) => (st.kind === 'predict' && i !== s.step && s.predictions[i]?.matched !== undefined ? [[st, s.predictions[i]!, i] as const] : []));
  return (
    <section className="lesson__step" aria-label="Current step" data-step={s.step} data-kind={step.kind}>
      <div className="lesson__progress">
        Step {s.step + 1} of {lesson.steps.length} · {KIND_WORDS[step.kind]}
        {step.kind === 'goal' && (s.goalsMet.includes(s.step) ? <span className="lesson__ok"> · met</span> : <span className="lesson__muted"> · not met yet</span>)}
        {step.kind === 'do' && s.stepDone && <span className="lesson__ok"> · done</span>}
      </div>
      {step.title && <h3 className="lesson__step-title">{step.title}</h3>}
      <div className="lesson__text">
        <Prose text={step.text} />
      </div>
      {step.kind === 'do' && <LessonChecklist checks={step.until} />}
      {step.kind === 'goal' && !s.goalsMet.includes(s.step) && <LessonChecklist checks={step.expect} />}
      {step.kind === 'predict' && <PredictionForm key={s.step} step={step} record={s.predictions[s.step]} />}
      {judged.map(([st, record, i]) => (
        <PredictionVerdict key={i} step={st} record={record} />
      ))}
      {s.hintsShown > 0 && (
        <ol className="lesson__hints" aria-label="Hints">
          {hints.slice(0, s.hintsShown).map((h, i) => (
            <li key={i}>{h}</li>
          ))}
        </ol>
      )}
      {s.solutionShown && step.solution && (
        <div className="lesson__solution" aria-label="Solution">
          <Prose text={step.solution.text ?? 'The solution has been applied to the flow (Undo takes it back).'} />
        </div>
      )}
      <div className="lesson__buttons">
        <button type="button" className="btn" disabled={s.step === 0} onClick={previousStep}>
          Back
        </button>
        <button type="button" className="btn" disabled={hints.length === 0 || allHintsShown} onClick={showHint} title={hints.length ? `${hints.length - s.hintsShown} hint(s) left` : 'No hints for this step'}>
          Hint
        </button>
        <button
          type="button"
          className="btn"
          disabled={!step.solution || !allHintsShown || s.solutionShown}
          onClick={showSolution}
          title={allHintsShown ? 'Apply the solution as one undo step' : 'Take the hints first'}
        >
          Show solution
        </button>
        <button type="button" className="btn btn--primary" disabled={last || !canGoNext(step, s)} onClick={nextStep}>
          Next
        </button>
      </div>
      {s.complete && (
        <p className="lesson__complete" role="status">
          Lesson complete
        </p>
      )}
    </section>
  );
}
