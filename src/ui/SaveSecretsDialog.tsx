// Asked before a file that would hold secrets is saved (Export, Save recording): they are left out unless
// "Include secrets" is ticked, with a warning when it is.
import { useState } from 'react';
import { Dialog } from './Dialog.tsx';

export function SaveSecretsDialog(props: {
  title: string;
  /** where each secret is, as "<nodeId>.<field>" */
  secrets: readonly string[];
  onSave: (includeSecrets: boolean) => void;
  onClose: () => void;
}) {
  const { title, secrets, onSave, onClose } = props;
  const [includeSecrets, setIncludeSecrets] = useState(false);
  return (
    <Dialog title={title} onClose={onClose}>
      <p>
        This flow holds secrets ({secrets.length}): <span data-testid="secrets-found">{secrets.join(', ')}</span>. They are left out of the file;
        whoever opens it is asked for them before a run.
      </p>
      <label className="share-dialog__row">
        <input type="checkbox" checked={includeSecrets} onChange={(e) => setIncludeSecrets(e.target.checked)} />
        Include secrets
      </label>
      {includeSecrets && (
        <p className="share-warning" role="alert">
          The file will carry passwords and tokens in plain text. Anyone who gets it — or finds it in a shared folder, a mail or a repository — can use them.
        </p>
      )}
      <div className="share-dialog__row">
        <button type="button" className="btn btn--primary" onClick={() => onSave(includeSecrets)}>
          Download
        </button>
        <button type="button" className="btn" onClick={onClose}>
          Cancel
        </button>
      </div>
    </Dialog>
  );
}
