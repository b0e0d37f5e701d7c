// The Inspector region: the selected node's props, or what is selected, or the flow itself with
// every problem that stops it from running (clicking one selects its node).
import { Suspense, useMemo, type CSSProperties } from 'react';
import { useReactFlow } from '@xyflow/react';
import { useShallow } from 'zustand/react/shallow';
import { KIND_LABEL } from '../../graph/defaults.ts';
import { validateGraph } from '../../graph/validate.ts';
import { missingUrlProblems } from '../../graph/urlRequired.ts';
import { useNoEmbeddedBroker } from '../../store/embeddedBroker.ts';
import type { Graph, Problem } from '../../graph/types.ts';
import { setSelection, useDocument } from '../../store/documentStore.ts';
import { deleteSelection, duplicateSelection, renameDocument } from '../../store/actions.ts';
import { TextField } from './fields.tsx';
import { lazyWhenIdle } from '../../ui/lazyWhenIdle.ts';

// A node's editors show only once a node is selected: they load after the first paint.
const NodeInspector = lazyWhenIdle(() => import('./NodeInspector.tsx'));

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function ProblemList({ problems }: { problems: readonly Problem[] }) {
  const rf = useReactFlow();
  if (!problems.length) return <p className="ok-line">No problems: this flow can run.</p>;
  return (
    <ul className="problems" aria-label="Problems">
      {problems.map((p, i) => (
        <li key={i}>
          <button
            type="button"
            className="problem"
            disabled={!p.nodeId}
            onClick={() => {
              if (!p.nodeId) return;
              setSelection({ nodes: [p.nodeId], edges: [] });
              void rf.fitView({ nodes: [{ id: p.nodeId }], maxZoom: 1.25, duration: 200 });
            }}
          >
            {p.nodeId && <span className="problem__node">{p.nodeId}{p.field ? ` · ${p.field}` : ''} </span>}
            {p.message}
          </button>
        </li>
      ))}
    </ul>
  );
}

function FlowInspector({ graph, problems }: { graph: Graph; problems: readonly Problem[] }) {
  return (
    <>
      <TextField
        label="Flow name"
        help="Used as the file name on Export."
        committed={graph.name}
        parse={(text) => (text.trim() ? { ok: true, value: text } : { ok: false, message: 'A flow needs a name' })}
        commit={(name) => {
          renameDocument(name);
          return null;
        }}
      />
      <p className="field__help">
        {plural(graph.nodes.length, 'node')}, {plural(graph.edges.length, 'edge')}. Select a node to edit it; shift-click or shift-drag to select several.
      </p>
      <div className="inspector__section">
        <h3 className="section-title">Problems</h3>
        <ProblemList problems={problems} />
      </div>
    </>
  );
}

export function Inspector() {
  // A drag only moves nodes, and the Inspector shows no positions: it reads the graph as it was when
  // the gesture began, so it neither re-renders nor re-validates on every pointer move.
  const graph = useDocument((s) => s.gestureStart ?? s.graph);
  const selection = useDocument(useShallow((s) => s.selection));
  const noBroker = useNoEmbeddedBroker();
  const problems = useMemo(() => [...validateGraph(graph), ...(noBroker ? missingUrlProblems(graph) : [])], [graph, noBroker]);
  const node = selection.nodes.length === 1 && selection.edges.length <= 1 ? graph.nodes.find((n) => n.id === selection.nodes[0]) : undefined;
  const edge = !node && selection.nodes.length === 0 && selection.edges.length === 1 ? graph.edges.find((e) => e.id === selection.edges[0]) : undefined;
  const count = selection.nodes.length + selection.edges.length;

  let title = 'Flow';
  let body;
  if (node) {
    title = KIND_LABEL[node.kind];
    const own = problems.filter((p) => p.nodeId === node.id && (!p.field || (p.field === 'url' && noBroker)));
    body = (
      <>
        {own.length > 0 && <ProblemList problems={own} />}
        <Suspense fallback={null}>
          <NodeInspector key={node.id} node={node} />
        </Suspense>
        <div className="inspector__section">
          <button type="button" className="btn" onClick={duplicateSelection}>
            Duplicate
          </button>{' '}
          <button type="button" className="btn" onClick={deleteSelection}>
            Delete node
          </button>
        </div>
      </>
    );
  } else if (edge) {
    title = 'Edge';
    body = (
      <>
        <p>
          <code>{edge.id}</code>: {edge.source} → {edge.target}
        </p>
        <button type="button" className="btn" onClick={deleteSelection}>
          Delete edge
        </button>
      </>
    );
  } else if (count > 0) {
    title = 'Selection';
    body = (
      <>
        <p>
          {plural(selection.nodes.length, 'node')} and {plural(selection.edges.length, 'edge')} selected.
        </p>
        <button type="button" className="btn" onClick={duplicateSelection} disabled={!selection.nodes.length}>
          Duplicate
        </button>{' '}
        <button type="button" className="btn" onClick={deleteSelection}>
          Delete selection
        </button>
      </>
    );
  } else {
    body = <FlowInspector graph={graph} problems={problems} />;
  }

  return (
    <aside role="region" aria-label="Inspector" className="inspector">
      <div className="inspector__head" style={node ? ({ '--kind-color': `var(--kind-${node.kind})` } as CSSProperties) : undefined}>
        {node && <span className="inspector__kind-dot" aria-hidden="true" />}
        <h2>{title}</h2>
      </div>
      <div className="inspector__scroll">{body}</div>
    </aside>
  );
}
