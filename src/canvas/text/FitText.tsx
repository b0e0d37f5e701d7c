// A line of card text that shortens itself at a word boundary when it does not fit its box, with the
// whole text as its tooltip. Measured with a canvas in the element's own font, so presenter mode's
// larger type shortens sooner.
import { useLayoutEffect, useRef, useState } from 'react';
import { shortenAtWord } from './shortenAtWord.ts';

let measureContext: CanvasRenderingContext2D | null | undefined;

function textWidth(text: string, font: string): number {
  measureContext ??= document.createElement('canvas').getContext('2d');
  if (!measureContext) return 0;
  measureContext.font = font;
  return measureContext.measureText(text).width;
}

export function FitText({ text, title, className }: { text: string; title?: string; className?: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const [shown, setShown] = useState(text);

  useLayoutEffect(() => {
    const el = ref.current;
    if (!el) return;
    const fit = () => {
      const room = el.clientWidth;
      if (room === 0) return;
      const style = getComputedStyle(el);
      const font = `${style.fontStyle} ${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      setShown(shortenAtWord(text, (s) => textWidth(s, font) <= room));
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
