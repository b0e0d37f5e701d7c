// What a manual Reject says: the error condition and description it carries to the broker (and so
// to a dead-letter reason). One choice per receiver, used by every Reject button in its list.
import { DEFAULT_REJECT_CONDITION, DEFAULT_REJECT_DESCRIPTION, REJECT_CONDITIONS, type RejectOptions } from '../engine/rejectError.ts';

export function RejectChoice({ value, onChange }: { value: RejectOptions; onChange(next: RejectOptions): void }) {
  return (
    // Folded by default: a receiver card settling by hand must stay within the card spacing of the layout.
    <details className="live__reject nodrag nokey">
      <summary>Reject as {value.condition ?? DEFAULT_REJECT_CONDITION}</summary>
      <label>
        <span className="visually-hidden">Reject condition</span>
        <select
          className="nodrag nokey"
          aria-label="Reject condition"
          value={value.condition ?? DEFAULT_REJECT_CONDITION}
          onChange={(e) => onChange({ ...value, condition: e.target.value })}
        >
          {REJECT_CONDITIONS.map((c) => <option key={c} value={c}>{c}</option>)}
        </select>
      </label>
      <label>
        <span className="visually-hidden">Reject description</span>
        <input
          className="nodrag nokey"
          aria-label="Reject description"
          placeholder={DEFAULT_REJECT_DESCRIPTION}
          value={value.description ?? ''}
          onChange={(e) => onChange({ ...value, description: e.target.value })}
        />
      </label>
    </details>
  );
}
