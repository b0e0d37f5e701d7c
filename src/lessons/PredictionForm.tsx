// A predict step: the learner answers before the run (multiple choice, or a number typed in).
import { useId, useState, type FormEvent } from 'react';
import type { Step } from './lessonSchema.ts';
import { answerPrediction } from './lessonStore.ts';
import type { PredictionRecord } from './progress.ts';

type PredictStep = Extract<Step, { kind: 'predict' }>;

export function PredictionForm({ step, record }: { step: PredictStep; record: PredictionRecord | undefined }) {
  const questionId = useId();
  const [choice, setChoice] = useState<string>('');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (choice === '') return;
    const picked = step.choices?.find((c) => String(c.value) === choice);
    answerPrediction(picked ? picked.value : Number(choice));
  };
  if (record) return <PredictionVerdict step={step} record={record} />;
  return (
    <form className="lesson__predict" onSubmit={submit} aria-labelledby={questionId}>
      <p id={questionId} className="lesson__question">
        {step.question}
      </p>
      {step.choices ? (
        <div role="radiogroup" aria-labelledby={questionId} className="lesson__choices">
          {step.choices.map((c) => (
            <label key={String(c.value)} className="lesson__choice">
              <input type="radio" name={questionId} value={String(c.value)} checked={choice === String(c.value)} onChange={() => setChoice(String(c.value))} />
              {c.label}
            </label>
          ))}
        </div>
      ) : (
        <input
          type="number"
          className="lesson__number"
          aria-label="Your prediction"
          value={choice}
          onChange={(e) => setChoice(e.target.value)}
        />
      )}
      <button type="submit" className="btn" disabled={choice === '' || (!step.choices && !Number.isFinite(Number(choice)))}>
        Predict
      </button>
    </form>
  );
}

function label(step: PredictStep, value: number | string | null | undefined): string {
  if (value === null || value === undefined) return 'nothing';
  return step.choices?.find((c) => c.value === value)?.label ?? String(value);
}

/** The answer, and once a run has judged it, whether the run agreed (said for every prediction, here and later). */
export function PredictionVerdict({ step, record }: { step: PredictStep; record: PredictionRecord }) {
  return (
    <div className="lesson__verdict" data-matched={record.matched === undefined ? 'pending' : String(record.matched)}>
      <p>
        {step.question} You predicted <strong>{label(step, record.answer)}</strong>.
      </p>
      {record.matched === undefined ? (
        <p className="lesson__muted">Run the flow: the lesson compares your prediction with what the run does.</p>
      ) : record.matched ? (
        <p role="status" className="lesson__ok">
          The run agreed: {label(step, record.actual)}.
        </p>
      ) : (
        <p role="status" className="lesson__bad">
          The run did not agree: it gave {label(step, record.actual)}, not {label(step, record.answer)}.
        </p>
      )}
      {record.matched !== undefined && step.why && <p>{step.why}</p>}
    </div>
  );
}
