// Toolbar buttons for Share and Export code (each opening its dialog), and for saving and opening recordings.
import { useState } from 'react';
import { ExportCodeDialog } from '../codegen/ExportCodeDialog.tsx';
import { RecordButtons } from '../record/RecordControls.tsx';
import { ShareDialog } from './ShareDialog.tsx';

export function ShareButtons() {
  const [open, setOpen] = useState<'share' | 'code' | null>(null);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen('share')} title="A link that opens this flow">
        Share
      </button>
      <button type="button" className="btn" onClick={() => setOpen('code')} title="This flow as a rhea program or in the platform's Squirrel style">
        Export code
      </button>
      <RecordButtons />
      {open === 'share' && <ShareDialog onClose={() => setOpen(null)} />}
      {open === 'code' && <ExportCodeDialog onClose={() => setOpen(null)} />}
    </>
  );
}
