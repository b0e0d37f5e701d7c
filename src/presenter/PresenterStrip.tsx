// The large figures strip of presenter mode: rate, latency and backlog where the room can read them.
import { LiveFiguresBar } from '../panels/LiveFiguresBar.tsx';
import { useRunStatus } from '../store/runController.ts';
import { useRun } from '../store/runStore.ts';

export function PresenterStrip() {
  const running = useRunStatus() !== 'idle';
  const ran = useRun((s) => s.eventTotal > 0);
  if (!running && !ran) return null;
  return (
    <div className="presenter-strip">
      <LiveFiguresBar large />
    </div>
  );
}
