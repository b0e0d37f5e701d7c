// When the view pans to keep the cards' controls in reach (reachableControls.ts): after each fit, and
// when cards change size during a run (it adds lines, a delivery arrives) while the view is still the
// fitted one. Once the user pans or zooms, the view is theirs and stays where they put it. Nothing
// here runs per frame of a pan or a drag: only on a fit and on a card's new size in a run, at most
// once a frame (outside a run, a large flow's cards change size as the pointer passes: see detail/). The
// measuring loads after the first paint, so it stays out of the first bundle.
import { useCallback, useRef, type RefObject } from 'react';
import type { ReactFlowInstance } from '@xyflow/react';
import { useRunControl } from '../store/runStore.ts';
import type { AmqpFlowEdge, AmqpFlowNode } from './flowTypes.ts';

export function useReachableControls(rf: ReactFlowInstance<AmqpFlowNode, AmqpFlowEdge>, canvasRef: RefObject<HTMLElement | null>) {
  const fitted = useRef(false);
  const frame = useRef(0);

  const check = useCallback(() => {
    if (!fitted.current || frame.current) return;
    frame.current = requestAnimationFrame(() => {
      void import('./reachableControls.ts').then(({ bringControlsIntoReach }) => {
        frame.current = 0;
        if (fitted.current && canvasRef.current) bringControlsIntoReach(rf, canvasRef.current);
      });
    });
  }, [rf, canvasRef]);

  const onFitted = useCallback(() => {
    fitted.current = true;
    check();
  }, [check]);

  /** React Flow passes the event of a user's pan or zoom, and null for a view set in code. */
  const onMoveStart = useCallback((event: MouseEvent | TouchEvent | null) => {
    if (event) fitted.current = false;
  }, []);

  const onCardsResized = useCallback(() => {
    if (useRunControl.getState().status !== 'idle') check();
  }, [check]);

  return { onFitted, onCardsResized, onMoveStart };
}
