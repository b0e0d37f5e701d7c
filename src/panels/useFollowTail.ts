// Keeps a growing list scrolled to its newest row while the reader is at the bottom, and lets go
// as soon as they scroll up to read.
import { useEffect, useRef, type RefObject } from 'react';

const SLACK_PX = 30;

export function useFollowTail(scrollRef: RefObject<HTMLElement | null>) {
  const follow = useRef(true);
  useEffect(() => {
    const el = scrollRef.current;
    if (!el) return;
    const onScroll = () => {
      follow.current = el.scrollHeight - el.scrollTop - el.clientHeight <= SLACK_PX;
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    return () => el.removeEventListener('scroll', onScroll);
  }, [scrollRef]);
  return follow;
}

/**
 * Scrolls a list of fixed-height rows to its end from the known total height, without asking the
 * virtualiser (whose scrollToIndex re-measures every frame) or reading layout.
 */
export function scrollToEnd(el: HTMLElement | null, totalHeight: number) {
  if (el) el.scrollTop = totalHeight;
}
