// React Flow's Fit View button fits down to its own minZoom (0.875 on "Send and receive" at 1440×900).
// The canvas takes that click first, in the capture phase, and fits as the initial view does instead:
// never below the readable zoom (readableFit.ts). The button stays React Flow's, so no icon of ours
// weighs on the first bundle.
import type { MouseEvent } from 'react';
import { requestFitView } from '../store/actions.ts';

export function fitReadablyOnFitViewClick(event: MouseEvent) {
  if (!(event.target instanceof Element) || !event.target.closest('.react-flow__controls-fitview')) return;
  event.stopPropagation();
  requestFitView();
}
