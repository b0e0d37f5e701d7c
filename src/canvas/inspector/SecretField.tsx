// Secret fields (SASL password, $cbs token): masked like a password, with a Show / Hide toggle.
import { useState } from 'react';
import { readCbsText } from '../../graph/cbsToken.ts';
import type { CbsProps } from '../../graph/types.ts';
import { TextField, parseJson, parseOptionalText, type Parsed } from './fields.tsx';

export function SecretField<T = string | undefined>(props: {
  label: string;
  field: string;
  help?: string;
  committed: string;
  commit: (value: T) => string | null;
  /** how the typed text is read; plain optional text by default */
  parse?: (text: string) => Parsed<T>;
  problem?: string | null;
}) {
  const [shown, setShown] = useState(false);
  const parse = props.parse ?? (parseOptionalText as unknown as (text: string) => Parsed<T>);
  return (
    <div className="field__secret">
      <TextField {...props} type={shown ? 'text' : 'password'} parse={parse} />
      <button
        type="button"
        className="btn btn--small field__reveal"
        aria-pressed={shown}
        title={shown ? `Hide the ${props.label.toLowerCase()}` : `Show the ${props.label.toLowerCase()}`}
        onClick={() => setShown((s) => !s)}
      >
        {shown ? 'Hide' : 'Show'}
      </button>
    </div>
  );
}

/**
 * The `cbs` setting: the token in a secret field, the other settings (audience, tokenType, renewEveryMs) as
 * JSON. `commit` gets the whole object (undefined when nothing is left) and returns a refusal, if any.
 */
export function CbsField(props: { label: string; help?: string; value: CbsProps | undefined; problem: string | null; commit: (next: unknown) => string | null }) {
  const { label, help, value, problem, commit } = props;
  const { token, ...rest } = value ?? {};
  const whole = (next: Partial<CbsProps>) => (Object.keys(next).length ? next : undefined);
  const parseRest = (text: string): Parsed<unknown> => {
    const parsed = parseJson(label)(text);
    if (!parsed.ok) return parsed;
    const v = parsed.value;
    if (v !== undefined && (typeof v !== 'object' || v === null || Array.isArray(v))) return { ok: false, message: 'cbs settings must be a JSON object, e.g. { "audience": "amqps://host/queue" }' };
    if (v && 'token' in v) return { ok: false, message: 'Put the token in the CBS token field above, not in the settings' };
    return parsed;
  };
  return (
    <div className="field__group" role="group" aria-label="CBS">
      <SecretField<CbsProps | undefined>
        label={label}
        field="cbs.token"
        help={help}
        committed={token ?? ''}
        problem={problem}
        // the token as copied (SharedAccessSignature …), or the whole JSON object
        parse={readCbsText}
        commit={(read) => {
          if (read === undefined) return commit(whole(rest));
          const keys = Object.keys(read);
          return commit(keys.length === 1 && keys[0] === 'token' ? { ...rest, token: read.token } : read);
        }}
      />
      <TextField
        label="CBS settings"
        field="cbs"
        multiline
        committed={Object.keys(rest).length ? JSON.stringify(rest, null, 2) : ''}
        placeholder='{ "audience": "amqps://host/queue", "renewEveryMs": 2700000 }'
        parse={parseRest}
        commit={(next) => commit(whole(token === undefined ? { ...(next as object) } : { ...(next as object), token }))}
      />
    </div>
  );
}
