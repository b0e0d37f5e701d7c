// Export: downloads the flow at once when it holds no secrets; otherwise asks first, secrets left out unless ticked.
import { Suspense, useState } from 'react';
import { documentSecrets, exportedDocument } from '../store/fileIO.ts';
import { download } from '../ui/download.ts';
import { lazyWhenIdle } from '../ui/lazyWhenIdle.ts';

// The dialog shows only for a flow with secrets: it loads after the first paint.
const SaveSecretsDialog = lazyWhenIdle(() => import('../ui/SaveSecretsDialog.tsx').then((m) => ({ default: m.SaveSecretsDialog })));

function save(includeSecrets: boolean) {
  const { name, text } = exportedDocument({ includeSecrets });
  download(name, text, 'application/json');
}

export function ExportButton() {
  const [secrets, setSecrets] = useState<string[] | null>(null);
  const onClick = () => {
    const found = documentSecrets();
    if (found.length) setSecrets(found);
    else save(false);
  };
  return (
    <>
      <button type="button" className="btn" onClick={onClick} title="Download this flow as a .amqpflow.json file">
        Export
      </button>
      {secrets && (
        <Suspense fallback={null}>
          <SaveSecretsDialog
            title="Export"
            secrets={secrets}
            onClose={() => setSecrets(null)}
            onSave={(includeSecrets) => {
              setSecrets(null);
              save(includeSecrets);
            }}
          />
        </Suspense>
      )}
    </>
  );
}
