// The Checks region's contents: each expectation of the flow met (✓) or not (✗), after a run ends.
import { hasExpectations } from '../graph/expectations.ts';
import { useChecks } from '../store/checksStore.ts';
import { setSelection, useDocument } from '../store/documentStore.ts';
import { useRunStatus } from '../store/runController.ts';

const MARK = { met: '✓', failed: '✗', skipped: '–' } as const;

export function ChecksPanel() {
  const results = useChecks((s) => s.results);
  const expect = useDocument((s) => s.graph.expect);
  const status = useRunStatus();
  if (!results) {
    return (
      <p className="panel__empty">
        {hasExpectations(expect)
          ? status === 'idle'
            ? 'This flow states what must happen. Run it, then Stop: each expectation is checked here.'
            : 'Checked when the run ends: press Stop once it has done its work.'
          : 'This flow states no expectations.'}
      </p>
    );
  }
  const failed = results.filter((r) => r.status === 'failed').length;
  const met = results.filter((r) => r.status === 'met').length;
  return (
    <div className="checks">
      <p className={`checks__summary checks__summary--${failed ? 'failed' : 'met'}`}>
        {failed ? `${failed} of ${results.length} expectations failed` : `All ${met} expectations met`}
        {results.length - met - failed > 0 && ` (${results.length - met - failed} skipped)`}
      </p>
      <ul className="checks__list" aria-label="Expectations">
        {results.map((r, i) => (
          <li key={i} className={`checks__item checks__item--${r.status}`} data-status={r.status}>
            <span className="checks__mark" aria-label={r.status}>
              {MARK[r.status]}
            </span>
            <button type="button" className="checks__label" disabled={!r.nodeId} onClick={() => r.nodeId && setSelection({ nodes: [r.nodeId], edges: [] })}>
              {r.label}
            </button>
            <span className="checks__message">{r.message}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
