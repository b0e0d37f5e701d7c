// The compare feature: the toolbar's Compare button and its dialog.
import { useState } from 'react';
import type { Feature } from '../ui/feature.ts';
import { CompareDialog } from './CompareDialog.tsx';

function CompareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} title="Run this flow against two brokers and list what differs">
        Compare
      </button>
      {open && <CompareDialog onClose={() => setOpen(false)} />}
    </>
  );
}

const compare: Feature = { id: 'compare', toolbar: [CompareButton] };
export default compare;
