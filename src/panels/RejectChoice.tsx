// What a manual Reject says: the error condition and description it carries to the broker (and so
// to a dead-letter reason). One choice per receiver, used by every Reject button in its list; it
// starts from the receiver's own rejectCondition / rejectDescription (set in the Inspector).
import { DEFAULT_REJECT_CONDITION, DEFAULT_REJECT_DESCRIPTION, REJECT_CONDITIONS, type RejectOptions } from '../engine/rejectError.ts';

export function RejectChoice({ value, onChange, receiver = {} }: { value: RejectOptions; onChange(next: RejectOptions): void; receiver?: RejectOptions }) {
  const condition = value.condition ?? receiver.condition ?? DEFAULT_REJECT_CONDITION;
  // a file may name a condition of its own namespace: offer it too
  const conditions: readonly string[] = REJECT_CONDITIONS.includes(condition as never) ? REJECT_CONDITIONS : [condition, ...REJECT_CONDITIONS];
  return (
    // Folded by default: a receiver card settling by hand must stay within the card spacing of the layout.
    <details className="live__reject nodrag nokey">
      <summary>Reject as {condition}</summary>
      <label>
        <span className="visually-hidden">Reject condition</span>
        <select
          className="nodrag nokey"
          aria-label="Reject condition"
          value={condition}
          onChange={(e) => onChange({ ...value, condition: e.target.value })}
        >
          {conditions.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
      <label>
        <span className="visually-hidden">Reject description</span>
        <input
          className="nodrag nokey"
          aria-label="Reject description"
          placeholder={receiver.description || DEFAULT_REJECT_DESCRIPTION}
          value={value.description ?? ''}
          onChange={(e) => onChange({ ...value, description: e.target.value })}
        />
      </label>
    </details>
  );
}
