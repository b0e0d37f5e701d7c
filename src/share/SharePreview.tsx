// Opening a `#share=` link: a read-only picture of the shared flow with "Open a copy" (one undo step) or "Dismiss".
import { useEffect, useState } from 'react';
import { replaceDocument } from '../store/actions.ts';
import type { Graph } from '../graph/types.ts';
import { describeProblem, notify } from '../store/noticeStore.ts';
import { Dialog } from '../ui/Dialog.tsx';
import { readSharePayload, sharePayload } from './shareLink.ts';

const NODE_W = 150;
const NODE_H = 44;

function clearHash() {
  history.replaceState(null, '', location.pathname + location.search);
}

/** The flow drawn as boxes and wires; nothing in it can be edited. */
export function FlowPicture({ graph }: { graph: Graph }) {
  const xs = graph.nodes.map((n) => n.position.x);
  const ys = graph.nodes.map((n) => n.position.y);
  const minX = Math.min(0, ...xs) - 10;
  const minY = Math.min(0, ...ys) - 10;
  const w = Math.max(...xs.map((x) => x - minX), 0) + NODE_W + 20;
  const h = Math.max(...ys.map((y) => y - minY), 0) + NODE_H + 20;
  const at = new Map(graph.nodes.map((n) => [n.id, n.position]));
  return (
    <svg className="share-preview" viewBox={`${minX} ${minY} ${w} ${h}`} role="img" aria-label={`Preview of ${graph.name}`}>
      {graph.edges.map((e) => {
        const a = at.get(e.source);
        const b = at.get(e.target);
        return a && b ? <line key={e.id} x1={a.x + NODE_W} y1={a.y + NODE_H / 2} x2={b.x} y2={b.y + NODE_H / 2} stroke="#64748b" strokeWidth={2} /> : null;
      })}
      {graph.nodes.map((n) => (
        <g key={n.id} data-preview-node-id={n.id} data-kind={n.kind} transform={`translate(${n.position.x} ${n.position.y})`}>
          <rect width={NODE_W} height={NODE_H} rx={6} fill="#f8fafc" stroke="#334155" />
          <text x={8} y={18} fontSize={12} fontWeight={600} fill="#0f172a">
            {n.kind}
          </text>
          <text x={8} y={34} fontSize={11} fill="#334155">
            {n.id}
          </text>
        </g>
      ))}
    </svg>
  );
}

export function SharePreview() {
  const [graph, setGraph] = useState<Graph | null>(null);
  useEffect(() => {
    const read = () => {
      const payload = sharePayload(location.hash);
      if (payload === null) return;
      const parsed = readSharePayload(payload);
      if (parsed.ok) setGraph(parsed.graph);
      else {
        clearHash();
        notify('error', 'This share link could not be opened. Your flow is unchanged.', parsed.problems.map(describeProblem));
      }
    };
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  if (!graph) return null;
  const close = () => {
    clearHash();
    setGraph(null);
  };
  return (
    <Dialog title="Shared flow" onClose={close} wide>
      <p>
        “{graph.name}” — {graph.nodes.length} nodes, {graph.edges.length} edges. This is a read-only preview; opening a copy replaces the flow you are editing
        (Undo brings yours back).
      </p>
      <FlowPicture graph={graph} />
      <div className="share-dialog__row">
        <button
          type="button"
          className="btn btn--primary"
          onClick={() => {
            replaceDocument(graph, graph.viewport);
            notify('info', `Opened a copy of "${graph.name}". Undo brings back the previous flow.`);
            close();
          }}
        >
          Open a copy
        </button>
        <button type="button" className="btn" onClick={close}>
          Dismiss
        </button>
      </div>
    </Dialog>
  );
}
