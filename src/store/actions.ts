// What the editor's buttons and keys do to the document: each is one undo step built from one command.
import { canWire } from '../graph/wiring.ts';
import { addNode } from '../graph/commands/addNode.ts';
import { connect } from '../graph/commands/connect.ts';
import { pasteElements } from '../graph/commands/pasteElements.ts';
import { removeElements } from '../graph/commands/removeElements.ts';
import { renameGraph } from '../graph/commands/renameGraph.ts';
import { replaceGraph } from '../graph/commands/replaceGraph.ts';
import { updateProps } from '../graph/commands/updateProps.ts';
import { nextId } from '../graph/ids.ts';
import type { Graph, GraphEdge, GraphNode, NodeKind, Position, Problem, PropsByKind, Viewport } from '../graph/types.ts';
import { applyCommand, setSelection, setViewport, useDocument } from './documentStore.ts';
import { setAsideRun } from './lastRun.ts';
import { stopRun, useRunControl } from './runController.ts';
import { showStatus } from './noticeStore.ts';

/** Adds a node and selects it; returns its id. */
export function addNodeAt(kind: NodeKind, position: Position): string {
  const id = nextId(useDocument.getState().graph, kind);
  applyCommand(addNode, { kind, position, id });
  setSelection({ nodes: [id], edges: [] });
  return id;
}

/** Wires parent → child, or shows in the status line why not; returns the refusal, if any. */
export function wire(source: string, target: string): Problem | null {
  const problem = canWire(useDocument.getState().graph, source, target);
  if (problem) {
    showStatus(`Cannot wire ${source} → ${target}: ${problem.message}.`);
    return problem;
  }
  applyCommand(connect, { source, target });
  return null;
}

export function deleteSelection() {
  const { selection } = useDocument.getState();
  if (!selection.nodes.length && !selection.edges.length) return;
  applyCommand(removeElements, { nodeIds: selection.nodes, edgeIds: selection.edges });
}

export function setNodeProps<K extends NodeKind>(id: string, props: PropsByKind[K], coalesceKey?: string) {
  applyCommand(updateProps, { id, props }, coalesceKey ? { coalesceKey } : {});
}

export function renameDocument(name: string) {
  applyCommand(renameGraph, { name }, { coalesceKey: 'graph.name' });
}

/**
 * Replaces the whole document (import, template) as one undo step, and shows it. The new flow starts
 * clean: the previous run's view is set aside (still savable as a recording).
 */
export function replaceDocument(graph: Graph, viewport?: Viewport) {
  const { viewport: _fileViewport, ...withoutViewport } = graph;
  // A live run belongs to the flow being replaced: stop it, then clear its view.
  if (useRunControl.getState().status !== 'idle') void stopRun().then(setAsideRun);
  else setAsideRun();
  applyCommand(replaceGraph, { graph: withoutViewport });
  setSelection({ nodes: [], edges: [] });
  if (viewport) setViewport(viewport);
  else requestFitView();
}

// ---- clipboard: the copied nodes and edges are kept in the page (and mirrored as JSON text) ----

interface Clipboard {
  nodes: readonly GraphNode[];
  edges: readonly GraphEdge[];
  pastes: number;
}

let clipboard: Clipboard | null = null;
const PASTE_OFFSET = 40;

export function copySelection(): boolean {
  const { graph, selection } = useDocument.getState();
  if (!selection.nodes.length) return false;
  const ids = new Set(selection.nodes);
  const nodes = graph.nodes.filter((n) => ids.has(n.id));
  const edges = graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target));
  clipboard = { nodes, edges, pastes: 0 };
  return true;
}

function pasteNodes(nodes: readonly GraphNode[], edges: readonly GraphEdge[], offset: number) {
  let newIds: string[] = [];
  applyCommand((g: Graph) => {
    const result = pasteElements(g, { nodes, edges, offset: { x: offset, y: offset } });
    newIds = result.newIds;
    return result.graph;
  }, null);
  if (newIds.length) {
    const pastedEdges = useDocument.getState().graph.edges.filter((e) => newIds.includes(e.source) && newIds.includes(e.target));
    setSelection({ nodes: newIds, edges: pastedEdges.map((e) => e.id) });
  }
}

export function paste(): boolean {
  if (!clipboard) return false;
  clipboard.pastes += 1;
  pasteNodes(clipboard.nodes, clipboard.edges, PASTE_OFFSET * clipboard.pastes);
  return true;
}

export function duplicateSelection(): boolean {
  const { graph, selection } = useDocument.getState();
  if (!selection.nodes.length) return false;
  const ids = new Set(selection.nodes);
  pasteNodes(
    graph.nodes.filter((n) => ids.has(n.id)),
    graph.edges.filter((e) => ids.has(e.source) && ids.has(e.target)),
    PASTE_OFFSET,
  );
  return true;
}

// ---- layout and view ----

type FitListener = () => void;
const fitListeners = new Set<FitListener>();

/** Asks the canvas to fit its view to the nodes (after a template, an import without a viewport, a layout). */
export function requestFitView() {
  for (const listener of fitListeners) listener();
}

export function onFitViewRequest(listener: FitListener): () => void {
  fitListeners.add(listener);
  return () => fitListeners.delete(listener);
}

/** Lays the graph out left → right with ELK, as one undo step. */
export async function autoLayout() {
  const before = useDocument.getState().graph;
  // ELK is large: load it on first use so it stays out of the initial bundle.
  const { layoutGraph } = await import('../graph/layout.ts');
  const laidOut = await layoutGraph(before);
  // Something else changed the graph while ELK ran: keep that, drop this layout.
  if (useDocument.getState().graph !== before || laidOut === before) return;
  applyCommand(replaceGraph, { graph: laidOut });
  requestFitView();
}
