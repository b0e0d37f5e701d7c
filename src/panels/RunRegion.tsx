// One run panel's labelled region (Event log, Frames, Credit) with its title; its contents may load
// lazily, showing "Loading…" meanwhile.
import { Suspense, type ReactNode } from 'react';

export function RunRegion({ title, className, children }: { title: string; className?: string; children: ReactNode }) {
  return (
    <section role="region" aria-label={title} className={`run-region${className ? ` ${className}` : ''}`}>
      <h3 className="run-region__title">{title}</h3>
      <div className="run-region__body">
        <Suspense fallback={<p className="run-region__loading">Loading…</p>}>{children}</Suspense>
      </div>
    </section>
  );
}
