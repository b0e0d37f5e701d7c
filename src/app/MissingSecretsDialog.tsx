// Asked before Run when the flow lacks secrets it needs (a file saved without them): one password field
// per missing secret; Run fills them in (kept for the browser session only) and runs, Cancel runs nothing.
import { useState, type FormEvent } from 'react';
import type { MissingSecret } from '../graph/secrets.ts';
import { fillDocumentSecrets, secretKey } from '../store/secretActions.ts';
import { Dialog } from '../ui/Dialog.tsx';

export function MissingSecretsDialog({ missing, onRun, onClose }: { missing: readonly MissingSecret[]; onRun: () => void; onClose: () => void }) {
  const [values, setValues] = useState<Record<string, string>>({});
  const complete = missing.every((m) => (values[secretKey(m)] ?? '') !== '');
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!complete) return;
    fillDocumentSecrets(values);
    onRun();
  };
  return (
    <Dialog title="Secrets needed" onClose={onClose}>
      <form className="secrets-form" onSubmit={submit}>
        <p>This flow was saved without its secrets. Enter them to run it; they are kept for this browser session only, never in a saved file.</p>
        {missing.map((m) => {
          const key = secretKey(m);
          return (
            <label key={key} className="secrets-form__field">
              {m.label}
              <input
                type="password"
                autoComplete="off"
                value={values[key] ?? ''}
                onChange={(e) => setValues((v) => ({ ...v, [key]: e.target.value }))}
              />
            </label>
          );
        })}
        <div className="share-dialog__row">
          <button type="submit" className="btn btn--primary" disabled={!complete}>
            Run
          </button>
          <button type="button" className="btn" onClick={onClose}>
            Cancel
          </button>
        </div>
      </form>
    </Dialog>
  );
}
