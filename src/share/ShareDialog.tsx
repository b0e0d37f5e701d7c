// The Share dialog: the link to this flow (secrets left out unless ticked), with Copy.
import { useMemo, useRef, useState } from 'react';
import { documentWithViewport } from '../store/documentStore.ts';
import { Dialog, copyText } from '../ui/Dialog.tsx';
import { shareUrl } from './shareLink.ts';

export function ShareDialog({ onClose }: { onClose: () => void }) {
  const [includeSecrets, setIncludeSecrets] = useState(false);
  const [copied, setCopied] = useState(false);
  const field = useRef<HTMLTextAreaElement>(null);
  const result = useMemo(() => shareUrl(documentWithViewport(), location.href, { includeSecrets }), [includeSecrets]);
  return (
    <Dialog title="Share this flow" onClose={onClose}>
      <p>Anyone with this link sees the flow in their browser. It travels in the part of the URL after "#", which is never sent to a server.</p>
      <label className="share-dialog__row">
        <input type="checkbox" checked={includeSecrets} onChange={(e) => (setIncludeSecrets(e.target.checked), setCopied(false))} />
        Include secrets
      </label>
      {includeSecrets && (
        <p className="share-warning" role="alert">
          The link now carries passwords and tokens in plain text. Anyone who gets it — or finds it in a chat log or browser history — can use them.
        </p>
      )}
      {result.ok ? (
        <>
          <textarea ref={field} aria-label="Share link" readOnly rows={4} value={result.url} />
          <div className="share-dialog__row">
            <button type="button" className="btn btn--primary" onClick={() => void copyText(result.url, field.current).then(setCopied)}>
              Copy
            </button>
            <span role="status">{copied ? 'Copied.' : `${result.chars} characters`}</span>
          </div>
          {result.removed.length > 0 && (
            <div>
              Left out of the link ({result.removed.length}): <span data-testid="share-removed">{result.removed.join(', ')}</span>
            </div>
          )}
        </>
      ) : (
        <p className="share-warning" role="alert">
          {result.message}
        </p>
      )}
    </Dialog>
  );
}
