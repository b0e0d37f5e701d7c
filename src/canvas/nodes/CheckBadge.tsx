// A node's ✓/✗ after a run with expectations: ✗ when any of its expectations failed.
import { nodeVerdict, useChecks } from '../../store/checksStore.ts';

export function CheckBadge({ id }: { id: string }) {
  const verdict = useChecks((s) => nodeVerdict(s.results, id)?.status ?? null);
  const text = useChecks((s) => nodeVerdict(s.results, id)?.text ?? '');
  if (!verdict) return null;
  return (
    <span className={`node__check node__check--${verdict}`} data-check={verdict} title={text} aria-label={`Expectations ${verdict}`}>
      {verdict === 'met' ? '✓' : verdict === 'failed' ? '✗' : '–'}
    </span>
  );
}
