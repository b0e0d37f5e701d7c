// A toolbar button opening a menu (`role="menu"`); a click outside or Escape closes it.
import { useEffect, useRef, useState, type ReactNode } from 'react';

export function Menu({ label, title, children }: { label: string; title?: string; children: (close: () => void) => ReactNode }) {
  const [open, setOpen] = useState(false);
  const anchor = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (!open) return;
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !anchor.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('pointerdown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <div className="menu-anchor" ref={anchor}>
      <button type="button" className="btn" aria-haspopup="menu" aria-expanded={open} title={title} onClick={() => setOpen((o) => !o)}>
        {label}
      </button>
      {open && (
        <div role="menu" aria-label={label} className="menu">
          {children(() => setOpen(false))}
        </div>
      )}
    </div>
  );
}

/** One item: a title and, under it, a line of help. */
export function MenuItem({ title, help, onSelect }: { title: string; help?: string; onSelect: () => void }) {
  return (
    <button type="button" role="menuitem" className="menu__item" aria-label={title} onClick={onSelect}>
      <span className="menu__item-title">{title}</span>
      {help && <span className="menu__item-help">{help}</span>}
    </button>
  );
}
