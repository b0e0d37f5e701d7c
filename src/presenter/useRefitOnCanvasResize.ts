// While presenting, the view fits the flow again whenever the canvas changes size: the run panels
// hidden or shown, a scene's card in the band, the window moved to a projector of another size. The
// room then always sees the whole flow in the part of the screen the canvas actually has.
import { useEffect } from 'react';
import { requestFitView } from '../store/actions.ts';

export function useRefitOnCanvasResize() {
  useEffect(() => {
    const canvas = document.querySelector('[aria-label="Canvas"] .react-flow');
    if (!canvas) return;
    let last = '';
    let frame = 0;
    const observer = new ResizeObserver(([entry]) => {
      const { width, height } = entry!.contentRect;
      const size = `${Math.round(width)}×${Math.round(height)}`;
      if (size === last || width === 0 || height === 0) return;
      last = size;
      cancelAnimationFrame(frame);
      frame = requestAnimationFrame(requestFitView);
    });
    observer.observe(canvas);
    return () => {
      cancelAnimationFrame(frame);
      observer.disconnect();
    };
  }, []);
}
