// Dismissible messages: refused imports list every problem; information fades by itself.
import { useEffect } from 'react';
import { dismissNotice, useNotices, type Notice } from '../store/noticeStore.ts';

const INFO_MS = 6000;

function NoticeCard({ notice }: { notice: Notice }) {
  useEffect(() => {
    if (notice.tone !== 'info') return;
    const timer = setTimeout(() => dismissNotice(notice.id), INFO_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return (
    <div className={`notice notice--${notice.tone}`} role={notice.tone === 'info' ? 'status' : 'alert'}>
      <div className="notice__head">
        <span className="notice__title">{notice.title}</span>
        <button type="button" className="btn btn--small btn--ghost" onClick={() => dismissNotice(notice.id)} aria-label="Dismiss">
          ✕
        </button>
      </div>
      {notice.details.length > 0 && (
        <ul className="notice__details">
          {notice.details.map((d, i) => (
            <li key={i}>{d}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function Notices() {
  const notices = useNotices((s) => s.notices);
  if (!notices.length) return null;
  return (
    <div className="notices">
      {notices.map((n) => (
        <NoticeCard key={n.id} notice={n} />
      ))}
    </div>
  );
}
