// The Compare dialog: the current flow run against two brokers, one after the other, and the differences
// side by side: outcomes per transfer, messages per receiver, errors per node, frames per connection.
import { useState } from 'react';
import type { WebSocketLike } from '../engine/run.ts';
import { CONNECTION_PRESETS } from '../graph/presets.ts';
import { validateGraph } from '../graph/validate.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { useDocument } from '../store/documentStore.ts';
import { describeProblem } from '../store/noticeStore.ts';
import { useRunStatus } from '../store/runController.ts';
import { loadEngine } from '../engine/loadEngine.ts';
import { captureRun } from './capture.ts';
import { compareRuns, type CompareResult } from './diff.ts';
import './compare.css';

const pageBrokerUrl = () => (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/amqp';

/** Empty is fine (the page's own broker); anything else must be a ws:// or wss:// URL. */
export function checkBrokerUrl(text: string): string | null {
  const t = text.trim();
  if (!t) return null;
  let u: URL;
  try {
    u = new URL(t);
  } catch {
    return `"${t}" is not a URL. Use ws://host:port/path or wss://…, or leave it empty for this page's broker.`;
  }
  if (u.protocol !== 'ws:' && u.protocol !== 'wss:') return `"${t}" starts with ${u.protocol}//; the page reaches brokers over WebSocket only, so use ws:// or wss://.`;
  return null;
}

function BrokerField({ side, value, onChange, problem }: { side: 'A' | 'B'; value: string; onChange: (v: string) => void; problem: string | null }) {
  const preset = CONNECTION_PRESETS.find((p) => (p.props.url ?? '') === value)?.id ?? '';
  return (
    <fieldset className="compare__broker">
      <legend>Broker {side}</legend>
      <select aria-label={`Broker ${side} preset`} value={preset} onChange={(e) => onChange(CONNECTION_PRESETS.find((p) => p.id === e.target.value)?.props.url ?? value)}>
        <option value="">Typed URL</option>
        {CONNECTION_PRESETS.map((p) => (
          <option key={p.id} value={p.id}>
            {p.name}
          </option>
        ))}
      </select>
      <input
        type="text"
        aria-label={`Broker ${side} URL`}
        placeholder="empty: this page's broker"
        value={value}
        spellCheck={false}
        aria-invalid={problem !== null}
        onChange={(e) => onChange(e.target.value)}
      />
      {problem && (
        <p className="compare__problem" role="alert">
          {problem}
        </p>
      )}
    </fieldset>
  );
}

function Results({ result, urls }: { result: CompareResult; urls: [string, string] }) {
  return (
    <div className="compare__results">
      <p role="status" aria-label="Comparison summary" className="compare__summary">
        {result.differences === 0 ? 'No differences: both brokers gave the same outcomes, messages, errors and frames.' : `${result.differences} difference${result.differences === 1 ? '' : 's'}.`}
      </p>
      <table className="compare__table" aria-label="Differences">
        <thead>
          <tr>
            <th>What</th>
            <th>Node</th>
            <th title={urls[0]}>A</th>
            <th title={urls[1]}>B</th>
            <th />
          </tr>
        </thead>
        <tbody>
          {result.rows.map((r) => (
            <tr key={`${r.section}:${r.node}`} data-status={r.status} data-node={r.node} data-section={r.section}>
              <td>{r.section === 'outcomes' ? 'outcomes' : r.section === 'received' ? 'received' : 'errors'}</td>
              <td>{r.node}</td>
              <td>{r.a}</td>
              <td>{r.b}</td>
              <td>{r.status}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {Object.entries(result.frames).map(([id, lines]) => (
        <details key={id} className="compare__frames" open={lines.some((l) => l.status !== 'same')}>
          <summary>
            Frames of {id} (each direction in order of first appearance, with how many): {lines.filter((l) => l.status === 'same').length} same, {lines.filter((l) => l.status === 'different').length} different,{' '}
            {lines.filter((l) => l.status === 'missing').length} missing
          </summary>
          <table className="compare__table" aria-label={`Frames of ${id}`}>
            <thead>
              <tr>
                <th>A</th>
                <th>B</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {lines.map((l, i) => (
                <tr key={i} data-status={l.status}>
                  <td>{l.a === null ? '—' : `${l.a} ×${l.countA}`}</td>
                  <td>{l.b === null ? '—' : `${l.b} ×${l.countB}`}</td>
                  <td>{l.status}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      ))}
    </div>
  );
}

export function CompareDialog({ onClose }: { onClose: () => void }) {
  const [urls, setUrls] = useState<[string, string]>(['', '']);
  const [tried, setTried] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string[] | null>(null);
  const [result, setResult] = useState<{ result: CompareResult; urls: [string, string] } | null>(null);
  const status = useRunStatus();
  const problems = urls.map(checkBrokerUrl) as [string | null, string | null];

  const compare = async () => {
    setTried(true);
    setError(null);
    if (problems[0] || problems[1]) return;
    if (status !== 'idle') {
      setError(['Stop the run first: a comparison makes runs of its own.']);
      return;
    }
    const graph = useDocument.getState().graph;
    const refused = validateGraph(graph);
    if (refused.length) {
      setError(refused.map(describeProblem));
      return;
    }
    setResult(null);
    try {
      const runGraph = await loadEngine();
      const opts = { createWebSocket: (url: string, protocols: string[]) => new WebSocket(url, protocols) as unknown as WebSocketLike, defaultUrl: pageBrokerUrl() };
      setBusy('Running against broker A…');
      const a = await captureRun(runGraph, graph, urls[0].trim(), opts);
      setBusy('Running against broker B…');
      const b = await captureRun(runGraph, graph, urls[1].trim(), opts);
      setResult({ result: compareRuns(graph, a, b), urls: [a.url, b.url] });
    } catch (err) {
      setError([`The comparison could not run: ${err instanceof Error ? err.message : String(err)}`]);
    } finally {
      setBusy(null);
    }
  };

  return (
    <Dialog title="Compare brokers" onClose={onClose} wide>
      <p>
        Runs this flow against broker A, then against broker B (every connection&apos;s URL replaced; its other settings kept), and lists what differs. The canvas
        and panels are not changed.
      </p>
      <div className="compare__brokers">
        <BrokerField side="A" value={urls[0]} onChange={(v) => setUrls([v, urls[1]])} problem={tried ? problems[0] : null} />
        <BrokerField side="B" value={urls[1]} onChange={(v) => setUrls([urls[0], v])} problem={tried ? problems[1] : null} />
      </div>
      <div className="share-dialog__row">
        <button type="button" className="btn btn--primary" disabled={busy !== null} onClick={() => void compare()}>
          Compare
        </button>
        {busy && (
          <span role="status" aria-label="Comparison progress">
            {busy}
          </span>
        )}
      </div>
      {error && (
        <div className="compare__problem" role="alert">
          {error.map((e) => (
            <p key={e}>{e}</p>
          ))}
        </div>
      )}
      {result && <Results result={result.result} urls={result.urls} />}
    </Dialog>
  );
}
