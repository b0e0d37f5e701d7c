// The $cbs line's markup: the broker's answer to the put-token when there is one (CbsLine.tsx).
import { sasFields } from '../graph/cbsToken.ts';
import type { CbsProps } from '../graph/types.ts';
import type { CbsStatus } from './frameTrackers.ts';

function expiry(token: string): string | null {
  const se = Number(sasFields(token).se);
  if (!Number.isFinite(se) || se <= 0) return null;
  return new Date(se * 1000).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

export function CbsLineView({ cbs, status }: { cbs: CbsProps; status: CbsStatus | null }) {
  const expires = cbs.token ? expiry(cbs.token) : null; // a file saved without secrets has no token yet
  const answer = status ? `${status.status || 'no answer'}${status.description ? ` ${status.description}` : ''}` : null;
  return (
    <div className={`live__cbs${status && !status.ok ? ' live__cbs--failed' : ''}`} role="note" aria-label="Claims-based security">
      {answer ? (
        <>
          $cbs put-token: <strong>{answer}</strong>
          {status!.renewals > 0 && <span> · renewed {status!.renewals}×</span>}
        </>
      ) : (
        <>$cbs: the token is put after the open</>
      )}
      {expires && <div className="live__cbs-expiry">token expires {expires}</div>}
    </div>
  );
}
