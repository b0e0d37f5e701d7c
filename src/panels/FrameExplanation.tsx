// The Frame explanation: the clicked frame's performative in plain words, each field with its value read
// in this run's context and its spec section, and any error condition explained on a click.
import { useMemo } from 'react';
import { useRun } from '../store/runStore.ts';
import { explainCondition, explainFrame, type ExplainedCondition, type ExplainedField, type ExplainedPart } from './explain/explainFrame.ts';
import { backToFrame, closeExplanation, showCondition, useFrameSelection } from './frameSelection.ts';
import './explain.css';

function Fields({ fields }: { fields: readonly ExplainedField[] }) {
  if (fields.length === 0) return <p className="explain__muted">No fields.</p>;
  return (
    <dl className="explain__fields">
      {fields.map((f) => (
        <div key={f.name} className="explain__field" data-field={f.name}>
          <dt>
            <code>{f.name}</code> <span className="explain__value">{f.value}</span>
            <cite className="explain__cite">{f.section}</cite>
          </dt>
          <dd>
            {f.reading && <strong className="explain__reading">{f.reading}. </strong>}
            {f.meaning}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function ConditionButton({ c }: { c: ExplainedCondition }) {
  return (
    <p className="explain__condition">
      Error condition{' '}
      <button type="button" className="explain__link" onClick={() => showCondition(c.condition, c.description)} aria-label={`Explain ${c.condition}`}>
        {c.condition}
      </button>
      {c.description && <span className="explain__muted"> “{c.description}”</span>}
    </p>
  );
}

function Part({ part }: { part: ExplainedPart }) {
  return (
    <section className="explain__part" aria-label={`${part.field}: ${part.title}`}>
      <h4>
        <code>{part.field}</code>: {part.title} <cite className="explain__cite">{part.section}</cite>
      </h4>
      <p>{part.does}</p>
      {part.fields.length > 0 && <Fields fields={part.fields} />}
      {part.condition && <ConditionButton c={part.condition} />}
    </section>
  );
}

function ConditionView({ c, canGoBack }: { c: ExplainedCondition; canGoBack: boolean }) {
  return (
    <div className="explain__body" data-condition={c.condition}>
      <h3 className="explain__title">
        <code>{c.condition}</code> <cite className="explain__cite">{c.section}</cite>
      </h3>
      {c.description && <p className="explain__quote">The peer said: “{c.description}”</p>}
      <p>{c.meaning}</p>
      <p>
        <strong>What to do: </strong>
        {c.next}
      </p>
      {canGoBack && (
        <button type="button" className="btn btn--small" onClick={backToFrame}>
          Back to the frame
        </button>
      )}
    </div>
  );
}

export function FrameExplanation() {
  const frame = useFrameSelection((s) => s.frame);
  const node = useFrameSelection((s) => s.node);
  const condition = useFrameSelection((s) => s.condition);
  const kind = useRun((s) => s.kindOf[node]);
  const session = useRun((s) => (kind === 'sender' || kind === 'receiver' ? s.parentOf[node] : undefined));
  const explanation = useMemo(() => (frame ? explainFrame(frame, node, kind, session) : null), [frame, node, kind, session]);
  if (!explanation && !condition) return null;
  return (
    <section role="region" aria-label="Frame explanation" className="explain">
      <header className="explain__head">
        <span>Frame explanation</span>
        <button type="button" className="btn btn--small btn--ghost" onClick={closeExplanation} aria-label="Close the frame explanation">
          ×
        </button>
      </header>
      {condition ? (
        <ConditionView c={explainCondition(condition.condition, condition.description)} canGoBack={explanation !== null} />
      ) : explanation && frame ? (
        <div className="explain__body" data-performative={frame.performative}>
          <h3 className="explain__title">
            {frame.dir === 'out' ? '→' : '←'} {explanation.title} <cite className="explain__cite">{explanation.section}</cite>
          </h3>
          <p className="explain__muted">
            {explanation.who} At {frame.at.toFixed(0)} ms.
          </p>
          <p>{explanation.does}</p>
          <Fields fields={explanation.fields} />
          {explanation.parts.map((p) => (
            <Part key={p.field} part={p} />
          ))}
          {frame.message && (
            <p className="explain__muted">
              Message ({frame.message.size} bytes): “{frame.message.summary}”
            </p>
          )}
        </div>
      ) : null}
    </section>
  );
}
