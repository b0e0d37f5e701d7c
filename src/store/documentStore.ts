// The editor document: immutable graph snapshots with undo/redo, plus selection and viewport,
// which never enter history.
import { create } from 'zustand';
import type { Graph, Viewport } from '../graph/types.ts';
import { EMPTY_GRAPH } from '../graph/empty.ts';

export const HISTORY_LIMIT = 200;

export interface Selection {
  nodes: readonly string[];
  edges: readonly string[];
}

export const NO_SELECTION: Selection = Object.freeze({ nodes: Object.freeze([]), edges: Object.freeze([]) });
export const DEFAULT_VIEWPORT: Viewport = Object.freeze({ x: 0, y: 0, zoom: 1 });

export interface DocumentState {
  graph: Graph;
  past: readonly Graph[];
  future: readonly Graph[];
  selection: Selection;
  viewport: Viewport;
  /** The graph when the current gesture (a drag) began; moves inside it are not recorded. */
  gestureStart: Graph | null;
  /** Consecutive edits carrying the same key (one field of one node) are one undo step. */
  coalesceKey: string | null;
}

export type Command<A> = (g: Graph, args: A) => Graph;

const freeze: <T>(value: T) => T = import.meta.env.DEV ? deepFreeze : (value) => value;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The graph as the store keeps it: no viewport inside (the viewport lives beside it, outside history). */
function documentGraph(g: Graph): Graph {
  if (g.viewport === undefined) return freeze(g);
  const { viewport: _viewport, ...rest } = g;
  return freeze(rest);
}

function initialState(): DocumentState {
  return {
    graph: documentGraph(EMPTY_GRAPH),
    past: [],
    future: [],
    selection: NO_SELECTION,
    viewport: DEFAULT_VIEWPORT,
    gestureStart: null,
    coalesceKey: null,
  };
}

export const useDocument = create<DocumentState>()(initialState);

/** Drops selected ids that no longer exist in `g`; the same selection back when nothing changed. */
function pruneSelection(selection: Selection, g: Graph): Selection {
  if (!selection.nodes.length && !selection.edges.length) return selection;
  const nodeIds = new Set(g.nodes.map((n) => n.id));
  const edgeIds = new Set(g.edges.map((e) => e.id));
  const nodes = selection.nodes.filter((id) => nodeIds.has(id));
  const edges = selection.edges.filter((id) => edgeIds.has(id));
  if (nodes.length === selection.nodes.length && edges.length === selection.edges.length) return selection;
  return nodes.length || edges.length ? { nodes, edges } : NO_SELECTION;
}

function record(s: DocumentState, next: Graph, coalesceKey: string | null): Partial<DocumentState> {
  const frozen = freeze(next);
  const coalesce = coalesceKey !== null && coalesceKey === s.coalesceKey && s.future.length === 0 && s.past.length > 0;
  return {
    graph: frozen,
    past: coalesce ? s.past : [...s.past.slice(-(HISTORY_LIMIT - 1)), s.graph],
    future: [],
    selection: pruneSelection(s.selection, frozen),
    coalesceKey,
  };
}

/** Applies one editor command as one undo step; a command that changes nothing records nothing. */
export function applyCommand<A>(command: Command<A>, args: A, opts: { coalesceKey?: string } = {}): boolean {
  let changed = false;
  useDocument.setState((s) => {
    const next = command(s.graph, args);
    if (next === s.graph) return s;
    changed = true;
    return record(s, documentGraph(next), opts.coalesceKey ?? null);
  });
  return changed;
}

/** Ends coalescing, so the next edit of the same field starts a new undo step (e.g. on blur). */
export function closeEditStep() {
  if (useDocument.getState().coalesceKey !== null) useDocument.setState({ coalesceKey: null });
}

export function undo() {
  useDocument.setState((s) => {
    const previous = s.past.at(-1);
    if (!previous || s.gestureStart) return s;
    return {
      graph: previous,
      past: s.past.slice(0, -1),
      future: [s.graph, ...s.future],
      selection: pruneSelection(s.selection, previous),
      coalesceKey: null,
    };
  });
}

export function redo() {
  useDocument.setState((s) => {
    const next = s.future[0];
    if (!next || s.gestureStart) return s;
    return {
      graph: next,
      past: [...s.past.slice(-(HISTORY_LIMIT - 1)), s.graph],
      future: s.future.slice(1),
      selection: pruneSelection(s.selection, next),
      coalesceKey: null,
    };
  });
}

/** Starts a gesture (a drag): later `previewCommand`s change the graph without recording. */
export function beginGesture() {
  useDocument.setState((s) => (s.gestureStart ? s : { gestureStart: s.graph, coalesceKey: null }));
}

/** Applies a command inside a gesture without recording it; outside a gesture it records as usual. */
export function previewCommand<A>(command: Command<A>, args: A) {
  if (!useDocument.getState().gestureStart) {
    applyCommand(command, args);
    return;
  }
  useDocument.setState((s) => {
    const next = command(s.graph, args);
    return next === s.graph ? s : { graph: documentGraph(next) };
  });
}

/** Ends a gesture: the whole gesture becomes one undo step (none when nothing changed). */
export function endGesture() {
  useDocument.setState((s) => {
    const start = s.gestureStart;
    if (!start) return s;
    if (start === s.graph) return { gestureStart: null };
    return {
      gestureStart: null,
      past: [...s.past.slice(-(HISTORY_LIMIT - 1)), start],
      future: [],
      coalesceKey: null,
    };
  });
}

/** Abandons a gesture and puts the graph back as it was when the gesture began. */
export function cancelGesture() {
  useDocument.setState((s) => (s.gestureStart ? { graph: s.gestureStart, gestureStart: null } : s));
}

export function setSelection(selection: Selection) {
  useDocument.setState((s) => {
    const pruned = pruneSelection(selection, s.graph);
    const same =
      pruned.nodes.length === s.selection.nodes.length &&
      pruned.edges.length === s.selection.edges.length &&
      pruned.nodes.every((id, i) => id === s.selection.nodes[i]) &&
      pruned.edges.every((id, i) => id === s.selection.edges[i]);
    return same ? s : { selection: pruned.nodes.length || pruned.edges.length ? pruned : NO_SELECTION };
  });
}

export function selectAll() {
  const { graph } = useDocument.getState();
  setSelection({ nodes: graph.nodes.map((n) => n.id), edges: graph.edges.map((e) => e.id) });
}

export function setViewport(viewport: Viewport) {
  useDocument.setState((s) =>
    s.viewport.x === viewport.x && s.viewport.y === viewport.y && s.viewport.zoom === viewport.zoom
      ? s
      : { viewport: freeze({ x: viewport.x, y: viewport.y, zoom: viewport.zoom }) },
  );
}

/** Loads a document with a fresh history (restoring a save); never recorded. */
export function loadDocument(graph: Graph, viewport: Viewport = graph.viewport ?? DEFAULT_VIEWPORT) {
  useDocument.setState({
    ...initialState(),
    graph: documentGraph(graph),
    viewport: freeze({ x: viewport.x, y: viewport.y, zoom: viewport.zoom }),
  });
}

/** Back to an empty document with no history (tests, "New"). */
export function resetDocument() {
  useDocument.setState(initialState());
}

/** The document as a file would carry it: the graph with the current viewport. */
export function documentWithViewport(): Graph {
  const { graph, viewport } = useDocument.getState();
  return { ...graph, viewport };
}
