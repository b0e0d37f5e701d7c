// A line of card text that shortens itself at a word boundary when it does not fit its box, with the
// whole text as its tooltip. Measured with a canvas in the element's own font, so presenter mode's
// larger type shortens sooner.
import { useLayoutEffect, useRef, useState } from 'react';
import { textWidthIn } from './measureText.ts';
import { shortenAtWord } from './shortenAtWord.ts';

export function FitText({ text, title, className }: { text: string; title?: string; className?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [shown, setShown] = useState(text);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const room = el.clientWidth;
      if (room === 0) return;
      setShown(shortenAtWord(text, (s) => textWidthIn(el, s) <= room));
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(el);
    return () => observer.disconnect();
  }, [text]);

  return (
    <span ref={ref} className={className ? `fit-text ${className}` : 'fit-text'} title={title ?? text}>
      {shown}
    </span>
  );
}
