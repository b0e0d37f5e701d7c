// Bars that float just below the toolbar (the replay and Rewind bars) read its bottom edge from the
// CSS variable --toolbar-bottom, kept here: the toolbar wraps onto a second row in a narrow window,
// so its height is not a constant a style sheet could know.
import { useLayoutEffect, type RefObject } from 'react';

export function useToolbarOffset(toolbar: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const el = toolbar.current;
    if (!el) return;
    const root = document.documentElement;
    const update = () => root.style.setProperty('--toolbar-bottom', `${Math.round(el.getBoundingClientRect().bottom)}px`);
    update();
    const observer = new ResizeObserver(update);
    observer.observe(el);
    return () => {
      observer.disconnect();
      root.style.removeProperty('--toolbar-bottom');
    };
  }, [toolbar]);
}
