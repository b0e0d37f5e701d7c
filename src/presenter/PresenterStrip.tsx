// The band under the canvas while presenting: the current scene (when the flow has scenes) and the
// large live figures, in a grid row of their own so they never lie over a card. It is there from the
// moment presenting starts, before the first run, so pressing Run does not move the fitted view.
import { LiveFiguresBar } from '../panels/LiveFiguresBar.tsx';
import { usePresenter } from './mode.ts';
import { ScenePanel } from './ScenePanel.tsx';

export function PresenterStrip() {
  const on = usePresenter((s) => s.on);
  if (!on) return null;
  return (
    <div className="presenter-band">
      <ScenePanel />
      <div className="presenter-strip">
        <LiveFiguresBar large />
      </div>
    </div>
  );
}
