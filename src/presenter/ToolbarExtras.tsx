// The toolbar's presenter and compare entries.
import { PresentButton } from './PresenterLayer.tsx';

export function ToolbarExtras() {
  return <PresentButton />;
}
