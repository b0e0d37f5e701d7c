// The read-only embeddable view (`?embed=1`): the flow from a `#share=` payload on a canvas that cannot be
// edited, a small Run button and the event log; `&recording=<url>` (or the Open recording button) plays a
// recording with the replay bar. Nothing here reads or writes the editor's saved document.
import { useEffect } from 'react';
import { ReactFlow, ReactFlowProvider, useReactFlow } from '@xyflow/react';
import { DotsBackground, EmptyCanvas, FLOW_VIEW_PROPS } from '../canvas/FlowView.tsx';
import type { AmqpFlowEdge, AmqpFlowNode } from '../canvas/flowTypes.ts';
import { useMeasuredElements } from '../canvas/useMeasuredElements.ts';
import { EventLogPanel } from '../panels/RunPanels.tsx';
import { RunRegion } from '../panels/RunRegion.tsx';
import { RecordButtons, ReplayBar } from '../record/RecordControls.tsx';
import { openRecording } from '../record/replayStore.ts';
import { readSharePayload, sharePayload } from '../share/shareLink.ts';
import { NO_SELECTION, loadDocument, useDocument } from '../store/documentStore.ts';
import { describeProblem, notify } from '../store/noticeStore.ts';
import { startRun, stopRun, useRunStatus } from '../store/runController.ts';
import { Notices } from '../ui/Notices.tsx';
import { embedRecordingUrl } from '../presenter/mode.ts';
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
  const { nodes, edges, measured, measure } = useMeasuredElements(graph, NO_SELECTION);
  const rf = useReactFlow<AmqpFlowNode, AmqpFlowEdge>();

  useEffect(() => {
    if (measured) requestAnimationFrame(() => void rf.fitView({ padding: 0.1, maxZoom: 1.25 }));
  }, [graph.nodes.length, graph.name, measured, rf]);

  return (
    <section role="region" aria-label="Canvas" className="canvas embed__canvas">
      <ReactFlow<AmqpFlowNode, AmqpFlowEdge>
        nodes={nodes}
        edges={edges}
        {...FLOW_VIEW_PROPS}
        onNodesChange={measure}
        nodesDraggable={false}
        nodesConnectable={false}
        elementsSelectable={false}
        edgesFocusable={false}
        deleteKeyCode={null}
        selectionKeyCode={null}
        multiSelectionKeyCode={null}
        fitView
      >
        <DotsBackground />
      </ReactFlow>
      {graph.nodes.length === 0 && (
        <EmptyCanvas title="Nothing to show">This view needs a flow in its address (a #share= link) or a recording.</EmptyCanvas>
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
        <RunRegion title="Event log" className="embed__log">
          <EventLogPanel />
        </RunRegion>
      </main>
      <Notices />
    </ReactFlowProvider>
  );
}
