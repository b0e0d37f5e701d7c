// The connection card's $cbs line with the broker's answer, read from the frame trackers (CbsLine.tsx
// shows it once this module has loaded).
import type { CbsProps } from '../graph/types.ts';
import { CbsLineView } from './CbsLineView.tsx';
import { useCbsStatus } from './frameTrackers.ts';

function CbsLineLive({ id, cbs }: { id: string; cbs: CbsProps }) {
  return <CbsLineView cbs={cbs} status={useCbsStatus(id)} />;
}

export default CbsLineLive;
