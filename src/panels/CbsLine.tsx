// The claims-based security handshake on a connection card: the broker's answer to the put-token
// (202 Accepted, or why not), how many renewals it answered, and when the SAS token expires.
import { sasFields } from '../graph/cbsToken.ts';
import type { CbsProps } from '../graph/types.ts';
import { useCbsStatus } from './frameTrackers.ts';

function expiry(token: string): string | null {
  const se = Number(sasFields(token).se);
  if (!Number.isFinite(se) || se <= 0) return null;
  return new Date(se * 1000).toISOString().replace('T', ' ').slice(0, 16) + ' UTC';
}

export function CbsLine({ id, cbs }: { id: string; cbs: CbsProps }) {
  const status = useCbsStatus(id);
  const expires = expiry(cbs.token);
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
