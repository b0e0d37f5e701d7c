// "N sent" / "N held for Step" on a sender or transfer card (SentBadgesLive.tsx). Nothing shows before
// a run, so the frame trackers it counts with load after the first paint.
import { Suspense } from 'react';
import { lazyWhenIdle } from '../ui/lazyWhenIdle.ts';

const SentBadgesLive = lazyWhenIdle(() => import('./SentBadgesLive.tsx'));

export function SentBadges({ id }: { id: string }) {
  return (
    <Suspense fallback={null}>
      <SentBadgesLive id={id} />
    </Suspense>
  );
}
