// The read-only embeddable view (`?embed=1`): the flow from a `#share=` payload on a canvas that cannot be
// edited, a small Run button and the event log; `&recording=<url>` (or the Open recording button) plays a
// recording with the replay bar. Nothing here reads or writes the editor's saved document.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Background, BackgroundVariant, ReactFlow, ReactFlowProvider, useReactFlow, type NodeChange } from '@xyflow/react';
import { Notices } from '../canvas/Notices.tsx';
import { edgeTypes } from '../canvas/edges/edgeTypes.ts';
import type { AmqpFlowEdge, AmqpFlowNode } from '../canvas/flowTypes.ts';
import { nodeTypes } from '../canvas/nodes/nodeTypes.ts';
import { useFlowElements, type Size } from '../canvas/useFlowElements.ts';
import { EventLogPanel } from '../panels/RunPanels.tsx';
import { RecordButtons, ReplayBar } from '../record/RecordControls.tsx';
import { openRecording } from '../record/replayStore.ts';
import { readSharePayload, sharePayload } from '../share/shareLink.ts';
import { NO_SELECTION, loadDocument, useDocument } from '../store/documentStore.ts';
import { describeProblem, notify } from '../store/noticeStore.ts';
import { startRun, stopRun, useRunStatus } from '../store/runController.ts';
import { embedRecordingUrl } from './mode.ts';
import './embed.css';

/** Loads the embed's flow from the page address; returns what went wrong in plain words, or null. */
export function loadEmbedFlow(hash: string = location.hash): string[] | null {
  const payload = sharePayload(hash);
  if (payload === null) return null; // a recording may bring the flow instead
  const parsed = readSharePayload(payload);
  if (!parsed.ok) return parsed.problems.map(describeProblem);
  loadDocument(parsed.graph);
  return null;
}

/** Fetches and opens the recording named by `?recording=`; problems become a notice. */
async function openRecordingFrom(url: string) {
  let file: File;
  try {
    const res = await fetch(url);
    if (!res.ok) throw new Error(`the server answered ${res.status} ${res.statusText}`.trim());
    file = new File([await res.text()], decodeURIComponent(url.split('/').pop() || 'recording.amqpflow-run.json'));
  } catch (err) {
    notify('error', `The recording at "${url}" could not be loaded: ${err instanceof Error ? err.message : String(err)}.`, [
      'Check the address; a recording on another site must allow this page to fetch it (CORS).',
    ]);
    return;
  }
  await openRecording(file);
}

function EmbedCanvas() {
  const graph = useDocument((s) => s.graph);
  const sizes = useRef(new Map<string, Size>());
  const [sizesVersion, setSizesVersion] = useState(0);
  const { nodes, edges } = useFlowElements(graph, NO_SELECTION, sizes.current, sizesVersion);
  const rf = useReactFlow<AmqpFlowNode, AmqpFlowEdge>();
  const measured = sizesVersion > 0;

  useEffect(() => {
    if (measured) requestAnimationFrame(() => void rf.fitView({ padding: 0.1, maxZoom: 1.25 }));
  }, [graph.nodes.length, graph.name, measured, rf]);

  const onNodesChange = useCallback((changes: NodeChange<AmqpFlowNode>[]) => {
    let sized = false;
    for (const change of changes) {
      if (change.type !== 'dimensions' || !change.dimensions) continue;
      const prev = sizes.current.get(change.id);
      if (!prev || prev.width !== change.dimensions.width || prev.height !== change.dimensions.height) {
        sizes.current.set(change.id, { width: change.dimensions.width, height: change.dimensions.height });
        sized = true;
      }
    }
    if (sized) setSizesVersion((v) => v + 1);
  }, []);

  return (
    <section role="region" aria-label="Canvas" className="canvas embed__canvas">
      <ReactFlow<AmqpFlowNode, AmqpFlowEdge>
        nodes={nodes}
        edges={edges}
        nodeTypes={nodeTypes}
        edgeTypes={edgeTypes}
        onNodesChange={onNodesChange}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        fitView
        minZoom={0.1}
        maxZoom={2.5}
        colorMode="system"
      >
        <Background variant={BackgroundVariant.Dots} gap={18} size={1.5} />
      </ReactFlow>
      {graph.nodes.length === 0 && (
        <div className="canvas__empty">
          <div>
            <strong>Nothing to show</strong>
            This view needs a flow in its address (a #share= link) or a recording.
          </div>
        </div>
      )}
    </section>
  );
}

export function EmbedApp({ problems }: { problems?: string[] | null }) {
  const status = useRunStatus();
  const name = useDocument((s) => s.graph.name);
  const empty = useDocument((s) => s.graph.nodes.length === 0);

  useEffect(() => {
    if (problems?.length) notify('error', 'The flow in this address could not be opened.', problems);
    const url = embedRecordingUrl();
    if (url) void openRecordingFrom(url);
  }, [problems]);

  const run = async () => {
    const refused = await startRun();
    if (refused.length) notify('error', 'The flow cannot run.', refused.map(describeProblem));
  };

  return (
    <ReactFlowProvider>
      <main className="embed">
        <header className="embed__bar">
          <span className="embed__name" title={name}>
            {name}
          </span>
          <span className="toolbar__spacer" />
          {status === 'idle' ? (
            <button type="button" className="btn btn--small btn--primary" disabled={empty} onClick={() => void run()}>
              Run
            </button>
          ) : (
            <button type="button" className="btn btn--small" disabled={status !== 'running'} onClick={() => void stopRun()}>
              Stop
            </button>
          )}
          <RecordButtons />
          <a className="embed__open" href={`${location.pathname}${location.hash}`} target="_blank" rel="noreferrer">
            Open in AMQP Flow
          </a>
        </header>
        <ReplayBar />
        <EmbedCanvas />
        <section role="region" aria-label="Event log" className="run-region embed__log">
          <h3 className="run-region__title">Event log</h3>
          <div className="run-region__body">
            <EventLogPanel />
          </div>
        </section>
      </main>
      <Notices />
    </ReactFlowProvider>
  );
}
