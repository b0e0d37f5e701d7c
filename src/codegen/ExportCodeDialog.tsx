// The Export code dialog: the flow as a runnable rhea program and in the platform's Squirrel style, to copy or download.
import { useMemo, useState } from 'react';
import { useDocument } from '../store/documentStore.ts';
import { Dialog, copyText } from '../ui/Dialog.tsx';
import { download } from '../ui/download.ts';
import { generateSquirrel, squirrelFileName } from './squirrel.ts';
import { generateTypeScript, typeScriptFileName } from './typescript.ts';

type Tab = 'typescript' | 'squirrel';

export function ExportCodeDialog({ onClose }: { onClose: () => void }) {
  const graph = useDocument((s) => s.graph);
  const [tab, setTab] = useState<Tab>('typescript');
  const [copied, setCopied] = useState(false);
  const code = useMemo(() => (tab === 'typescript' ? generateTypeScript(graph) : generateSquirrel(graph)), [graph, tab]);
  const name = tab === 'typescript' ? typeScriptFileName(graph) : squirrelFileName(graph);
  const pick = (t: Tab) => {
    setTab(t);
    setCopied(false);
  };
  return (
    <Dialog title="Export code" onClose={onClose} wide>
      <div className="share-tabs" role="tablist" aria-label="Language">
        <button type="button" role="tab" className="btn btn--ghost" aria-selected={tab === 'typescript'} onClick={() => pick('typescript')}>
          TypeScript (rhea)
        </button>
        <button type="button" role="tab" className="btn btn--ghost" aria-selected={tab === 'squirrel'} onClick={() => pick('squirrel')}>
          Squirrel (platform style)
        </button>
      </div>
      <p>
        {tab === 'typescript'
          ? `Runs with Node: npm i rhea ws tsx, then npx tsx ${name} --url ws://host:port/path. It prints one JSON line per event, like amqp-flow run.`
          : 'For teaching: the same flow written against the platform API the canvas follows (one callback per object, no fall-through).'}
      </p>
      <pre role="tabpanel" aria-label={tab === 'typescript' ? 'TypeScript code' : 'Squirrel code'}>{code}</pre>
      <div className="share-dialog__row">
        <button type="button" className="btn btn--primary" onClick={() => void copyText(code).then(setCopied)}>
          Copy
        </button>
        <button type="button" className="btn" onClick={() => download(name, code)}>
          Download {name}
        </button>
        <span role="status">{copied ? 'Copied.' : ''}</span>
      </div>
    </Dialog>
  );
}
