// A card's label/value line. When label and value do not both fit on one line (presenter mode's large
// type, a long address) the value moves under its label, right-aligned, and shortens there if it must.
import { useLayoutEffect, useRef, useState } from 'react';
import { FitText } from './FitText.tsx';
import { textWidthIn } from './measureText.ts';

export function FitRow({ label, value }: { label: string; value: string }) {
  const ref = useRef<HTMLDivElement>(null);
  const [wrapped, setWrapped] = useState(false);

  useLayoutEffect(() => {
    const row = ref.current;
    if (!row) return;
    // Decided on the whole texts' widths, never the shortened one, so the row cannot flip back and forth.
    const check = () => {
      const [labelEl, valueEl] = [row.firstElementChild, row.lastElementChild];
      if (!labelEl || !valueEl || row.clientWidth === 0) return;
      const gap = parseFloat(getComputedStyle(row).columnGap) || 0;
      setWrapped(textWidthIn(labelEl, label) + gap + textWidthIn(valueEl, value) > row.clientWidth);
    };
    check();
    const observer = new ResizeObserver(check);
    observer.observe(row);
    return () => observer.disconnect();
  }, [label, value]);

  return (
    <div ref={ref} className={wrapped ? 'node__row node__row--wrapped' : 'node__row'}>
      <span>{label}</span>
      <FitText text={value} />
    </div>
  );
}
