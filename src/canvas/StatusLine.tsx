// The short message over the canvas that says why something was refused; it fades after a while.
import { useEffect } from 'react';
import { clearStatus, useNotices } from '../store/noticeStore.ts';

const VISIBLE_MS = 8000;

export function StatusLine() {
  const status = useNotices((s) => s.status);
  useEffect(() => {
    if (!status) return;
    const timer = setTimeout(clearStatus, VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [status]);
  if (!status) return null;
  return (
    <div className="status-line" role="alert" key={status.id}>
      <span>{status.text}</span>
      <button type="button" className="btn btn--small btn--ghost" onClick={clearStatus} aria-label="Dismiss message">
        ✕
      </button>
    </div>
  );
}
