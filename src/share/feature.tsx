// The share feature: the toolbar's Share button (a link that opens this flow) and the #share= preview.
import { useState } from 'react';
import type { Feature } from '../ui/feature.ts';
import { ShareDialog } from './ShareDialog.tsx';
import { SharePreview } from './SharePreview.tsx';

function ShareButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setOpen(true)} title="A link that opens this flow">
        Share
      </button>
      {open && <ShareDialog onClose={() => setOpen(false)} />}
    </>
  );
}

const share: Feature = { id: 'share', toolbar: [ShareButton], overlays: [SharePreview] };
export default share;
