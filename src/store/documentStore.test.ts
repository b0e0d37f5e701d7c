import { beforeEach, describe, expect, it } from 'vitest';
import type { Graph, GraphNode } from '../graph/types.ts';
import {
  HISTORY_LIMIT,
  applyCommand,
  beginGesture,
  cancelGesture,
  closeEditStep,
  endGesture,
  loadDocument,
  previewCommand,
  redo,
  resetDocument,
  selectAll,
  setSelection,
  setViewport,
  undo,
  useDocument,
} from './documentStore.ts';

// Small pure commands over the graph, in the shape of graph/commands.
const addSession = (g: Graph, id: string): Graph => ({
  ...g,
  nodes: [...g.nodes, { id, kind: 'session', position: { x: 0, y: 0 }, props: {} } as GraphNode],
});
const move = (g: Graph, args: { id: string; x: number; y: number }): Graph => ({
  ...g,
  nodes: g.nodes.map((n) => (n.id === args.id ? { ...n, position: { x: args.x, y: args.y } } : n)),
});
const rename = (g: Graph, name: string): Graph => (g.name === name ? g : { ...g, name });

const state = () => useDocument.getState();

describe('the document store', () => {
  beforeEach(() => resetDocument());

  it('records each command as one undo step and undoes and redoes it', () => {
    applyCommand(addSession, 's1');
    applyCommand(addSession, 's2');
    expect(state().graph.nodes.map((n) => n.id)).toEqual(['s1', 's2']);
    undo();
    expect(state().graph.nodes.map((n) => n.id)).toEqual(['s1']);
    undo();
    expect(state().graph.nodes).toEqual([]);
    redo();
    redo();
    expect(state().graph.nodes.map((n) => n.id)).toEqual(['s1', 's2']);
  });

  it('records nothing when a command returns the same graph', () => {
    applyCommand(rename, 'Untitled flow');
    expect(applyCommand(rename, state().graph.name)).toBe(false);
    expect(state().past).toHaveLength(0);
  });

  it('drops the redo branch when a new command follows an undo', () => {
    applyCommand(addSession, 's1');
    undo();
    applyCommand(addSession, 's9');
    redo();
    expect(state().graph.nodes.map((n) => n.id)).toEqual(['s9']);
    expect(state().future).toHaveLength(0);
  });

  it('caps the history at its limit', () => {
    for (let i = 0; i < HISTORY_LIMIT + 25; i++) applyCommand(rename, `name ${i}`);
    expect(state().past).toHaveLength(HISTORY_LIMIT);
  });

  it('makes a whole drag one undo step and records only the graph from before it', () => {
    applyCommand(addSession, 's1');
    beginGesture();
    for (let x = 1; x <= 20; x++) previewCommand(move, { id: 's1', x, y: x });
    endGesture();
    expect(state().graph.nodes[0]!.position).toEqual({ x: 20, y: 20 });
    expect(state().past).toHaveLength(2);
    undo();
    expect(state().graph.nodes[0]!.position).toEqual({ x: 0, y: 0 });
    redo();
    expect(state().graph.nodes[0]!.position).toEqual({ x: 20, y: 20 });
  });

  it('records nothing for a drag that ends where it began, and restores the start on cancel', () => {
    applyCommand(addSession, 's1');
    beginGesture();
    endGesture();
    expect(state().past).toHaveLength(1);
    beginGesture();
    previewCommand(move, { id: 's1', x: 50, y: 50 });
    cancelGesture();
    expect(state().graph.nodes[0]!.position).toEqual({ x: 0, y: 0 });
    expect(state().past).toHaveLength(1);
  });

  it('coalesces consecutive edits of the same field into one step until the edit is closed', () => {
    applyCommand(rename, 'a', { coalesceKey: 'name' });
    applyCommand(rename, 'ab', { coalesceKey: 'name' });
    applyCommand(rename, 'abc', { coalesceKey: 'name' });
    expect(state().past).toHaveLength(1);
    closeEditStep();
    applyCommand(rename, 'abcd', { coalesceKey: 'name' });
    expect(state().past).toHaveLength(2);
    undo();
    expect(state().graph.name).toBe('abc');
    undo();
    expect(state().graph.name).toBe('Untitled flow');
  });

  it('keeps selection and viewport out of history', () => {
    applyCommand(addSession, 's1');
    setSelection({ nodes: ['s1'], edges: [] });
    setViewport({ x: 10, y: 20, zoom: 1.5 });
    expect(state().past).toHaveLength(1);
    undo();
    expect(state().viewport).toEqual({ x: 10, y: 20, zoom: 1.5 });
    expect(state().selection.nodes).toEqual([]);
  });

  it('selects every node and edge with select all, and drops ids that do not exist', () => {
    applyCommand(addSession, 's1');
    applyCommand(addSession, 's2');
    selectAll();
    expect(state().selection.nodes).toEqual(['s1', 's2']);
    setSelection({ nodes: ['s2', 'nope'], edges: ['e404'] });
    expect(state().selection).toEqual({ nodes: ['s2'], edges: [] });
  });

  it('freezes snapshots so a mutation throws', () => {
    applyCommand(addSession, 's1');
    const node = state().graph.nodes[0]!;
    expect(() => {
      (node.position as { x: number }).x = 99;
    }).toThrow(TypeError);
  });

  it('loads a document with a fresh history and its viewport kept beside the graph', () => {
    applyCommand(addSession, 's1');
    const loaded = { ...state().graph, name: 'Loaded', viewport: { x: 1, y: 2, zoom: 0.5 } };
    loadDocument(loaded);
    expect(state().graph.name).toBe('Loaded');
    expect(state().graph.viewport).toBeUndefined();
    expect(state().viewport).toEqual({ x: 1, y: 2, zoom: 0.5 });
    expect(state().past).toHaveLength(0);
  });
});
