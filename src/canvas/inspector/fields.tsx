// Inspector controls. Typed text stays a draft until it parses: a value that does not parse or that
// validation refuses is shown with its message and not committed; the document keeps the last good value.
import { useId, useState, type ReactNode } from 'react';
import { closeEditStep } from '../../store/documentStore.ts';

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

/** The label row, the control, its message and its help, in the same layout for every kind of field. */
export function FieldFrame(props: {
  inputId: string;
  label: string;
  field?: string;
  help?: string;
  message?: string | null;
  children: ReactNode;
}) {
  const { inputId, label, field, help, message, children } = props;
  return (
    <div className={`field${message ? ' field--invalid' : ''}`}>
      <div className="field__label">
        <label htmlFor={inputId}>{label}</label>
        {field && <span className="field__name">{field}</span>}
      </div>
      {children}
      {message && (
        <div className="field__error" id={`${inputId}-error`}>
          {message}
        </div>
      )}
      {help && (
        <div className="field__help" id={`${inputId}-help`}>
          {help}
        </div>
      )}
    </div>
  );
}

/**
 * A text, number or textarea field. `commit` gets the parsed value and returns a message when it
 * refuses it. While focused the typed text stays as typed (no reformatting under the cursor).
 */
export function TextField<T>(props: {
  label: string;
  field?: string;
  help?: string;
  committed: string;
  parse: (text: string) => Parsed<T>;
  commit: (value: T) => string | null;
  /** A problem with the committed value (e.g. from whole-node validation). */
  problem?: string | null;
  multiline?: boolean;
  inputMode?: 'text' | 'numeric';
  type?: 'text' | 'password';
  placeholder?: string;
  readOnly?: boolean;
}) {
  const { label, field, help, committed, parse, commit, problem, multiline, inputMode, type, placeholder, readOnly } = props;
  const inputId = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const shown = draft ?? committed;
  const message = error ?? problem ?? null;

  const onChange = (text: string) => {
    setDraft(text);
    const parsed = parse(text);
    setError(parsed.ok ? commit(parsed.value) : parsed.message);
  };
  const finish = () => {
    closeEditStep();
    if (!error) setDraft(null);
  };
  const common = {
    id: inputId,
    value: shown,
    readOnly,
    placeholder,
    'aria-invalid': message ? true : undefined,
    'aria-describedby': [message ? `${inputId}-error` : '', help ? `${inputId}-help` : ''].filter(Boolean).join(' ') || undefined,
    onBlur: finish,
  };
  return (
    <FieldFrame inputId={inputId} label={label} field={field} help={help} message={message}>
      {multiline ? (
        <textarea {...common} spellCheck={false} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input
          {...common}
          type={type ?? 'text'}
          inputMode={inputMode}
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') finish();
            if (e.key === 'Escape') {
              setDraft(null);
              setError(null);
            }
          }}
        />
      )}
    </FieldFrame>
  );
}

export function CheckboxField(props: {
  label: string;
  field?: string;
  help?: string;
  checked: boolean;
  onChange: (checked: boolean) => void;
  problem?: string | null;
}) {
  const inputId = useId();
  const { label, field, help, checked, onChange, problem } = props;
  return (
    <div className={`field${problem ? ' field--invalid' : ''}`}>
      <div className="field__label">
        <label className="field__check" htmlFor={inputId}>
          <input id={inputId} type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
          {label}
        </label>
        {field && <span className="field__name">{field}</span>}
      </div>
      {problem && <div className="field__error">{problem}</div>}
      {help && <div className="field__help">{help}</div>}
    </div>
  );
}

export function SelectField(props: {
  label: string;
  field?: string;
  help?: string;
  value: string;
  options: readonly { value: string; label: string }[];
  onChange: (value: string) => void;
  problem?: string | null;
}) {
  const inputId = useId();
  const { label, field, help, value, options, onChange, problem } = props;
  return (
    <FieldFrame inputId={inputId} label={label} field={field} help={help} message={problem}>
      <select id={inputId} value={value} onChange={(e) => onChange(e.target.value)}>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

// ---- parsers: text → value, with a message a person can act on ----

export const parseOptionalText = (text: string): Parsed<string | undefined> => ({ ok: true, value: text === '' ? undefined : text });

export const parseOptionalInteger =
  (label: string) =>
  (text: string): Parsed<number | undefined> => {
    const t = text.trim();
    if (t === '') return { ok: true, value: undefined };
    if (!/^[+-]?\d+$/.test(t)) return { ok: false, message: `${label} must be a whole number (found "${text}")` };
    const value = Number(t);
    if (!Number.isSafeInteger(value)) return { ok: false, message: `${label} is too large` };
    return { ok: true, value };
  };

export const parseJson =
  (label: string) =>
  (text: string): Parsed<unknown> => {
    if (text.trim() === '') return { ok: true, value: undefined };
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch (err) {
      return { ok: false, message: `${label} is not valid JSON: ${err instanceof Error ? err.message : String(err)}` };
    }
  };

export const parseLines = (text: string): Parsed<string[] | undefined> => {
  const lines = text
    .split(/[\n,]/)
    .map((l) => l.trim())
    .filter(Boolean);
  return { ok: true, value: lines.length ? lines : undefined };
};
