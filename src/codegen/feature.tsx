// The code export feature: the toolbar's Export code button and its dialog.
import { useState } from 'react';
import type { Feature } from '../ui/feature.ts';
import { ExportCodeDialog } from './ExportCodeDialog.tsx';

function ExportCodeButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} title="This flow as a rhea program or in the platform's Squirrel style">
        Export code
      </button>
      {open && <ExportCodeDialog onClose={() => setOpen(false)} />}
    </>
  );
}

const codegen: Feature = { id: 'codegen', toolbar: [ExportCodeButton] };
export default codegen;
