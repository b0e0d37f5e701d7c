// The claims-based security handshake on a connection card: the broker's answer to the put-token
// (202 Accepted, or why not), how many renewals it answered, and when the SAS token expires. The
// broker's answer comes from the frame trackers (CbsLineLive.tsx), which load after the first paint;
// until then the line reads as before any run.
import type { CbsProps } from '../graph/types.ts';
import { Suspense } from 'react';
import { lazyWhenIdle } from '../ui/lazyWhenIdle.ts';
import { CbsLineView } from './CbsLineView.tsx';

const CbsLineLive = lazyWhenIdle(() => import('./CbsLineLive.tsx'));

export function CbsLine({ id, cbs }: { id: string; cbs: CbsProps }) {
  return (
    <Suspense fallback={<CbsLineView cbs={cbs} status={null} />}>
      <CbsLineLive id={id} cbs={cbs} />
    </Suspense>
  );
}
