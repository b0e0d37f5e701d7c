// The toolbar's presenter and compare entries.
import { useState } from 'react';
import { CompareDialog } from '../compare/CompareDialog.tsx';
import { PresentButton } from './PresenterLayer.tsx';

export function ToolbarExtras() {
  const [comparing, setComparing] = useState(false);
  return (
    <>
      <button type="button" className="btn" onClick={() => setComparing(true)} title="Run this flow against two brokers and list what differs">
        Compare
      </button>
      <PresentButton />
      {comparing && <CompareDialog onClose={() => setComparing(false)} />}
    </>
  );
}
