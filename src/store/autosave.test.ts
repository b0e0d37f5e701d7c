import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { serializeGraph } from '../graph/file.ts';
import type { Graph } from '../graph/types.ts';
import { AUTOSAVE_KEY, hasSavedDocument, startAutosave } from './autosave.ts';
import { restoreSaved } from './restoreSaved.ts';
import { SESSION_SECRETS_KEY } from './secretStore.ts';
import { moveNodes } from '../graph/commands/moveNodes.ts';
import { applyCommand, beginGesture, endGesture, previewCommand, resetDocument, setViewport, useDocument } from './documentStore.ts';
import { useNotices } from './noticeStore.ts';

class MemoryStorage {
  items = new Map<string, string>();
  getItem(key: string) {
    return this.items.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.items.set(key, value);
  }
  removeItem(key: string) {
    this.items.delete(key);
  }
}

const GRAPH: Graph = {
  format: 'amqp-flow',
  version: 1,
  name: 'Saved flow',
  nodes: [
    { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: { url: 'ws://127.0.0.1:5673/' } },
    { id: 's1', kind: 'session', position: { x: 240, y: 0 }, props: {} },
  ],
  edges: [{ id: 'e1', source: 'c1', target: 's1' }],
  viewport: { x: 12, y: -30, zoom: 0.75 },
};

// The debounce runs on fake timers: time moves only when a test says so, however busy the machine.
const wait = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('autosave', () => {
  let stop: (() => void) | undefined;
  beforeEach(() => {
    vi.useFakeTimers();
    resetDocument();
    useNotices.setState({ notices: [], status: null });
  });
  afterEach(() => {
    stop?.();
    stop = undefined;
    vi.useRealTimers();
  });

  it('restores a saved document with its viewport', () => {
    const storage = new MemoryStorage();
    expect(hasSavedDocument(storage)).toBe(false);
    storage.setItem(AUTOSAVE_KEY, serializeGraph(GRAPH));
    expect(hasSavedDocument(storage)).toBe(true);
    expect(restoreSaved(storage)).toBe(true);
    const s = useDocument.getState();
    expect(s.graph.nodes.map((n) => n.id)).toEqual(['c1', 's1']);
    expect(s.graph.edges).toEqual(GRAPH.edges);
    expect(s.viewport).toEqual(GRAPH.viewport);
  });

  it('ignores a corrupt save with a notice and leaves the empty document', () => {
    const storage = new MemoryStorage();
    storage.setItem(AUTOSAVE_KEY, '{"format":"amqp-flow","version":1,"nodes":[{"id":"x","kind":"teapot"}]');
    expect(restoreSaved(storage)).toBe(false);
    expect(useDocument.getState().graph.nodes).toEqual([]);
    expect(useNotices.getState().notices).toHaveLength(1);
    expect(useNotices.getState().notices[0]!.title).toMatch(/could not be restored/);
  });

  it('saves the graph and viewport shortly after a change, and the save restores to the same document', async () => {
    const storage = new MemoryStorage();
    stop = startAutosave(storage, 10);
    applyCommand((g: Graph) => ({ ...g, name: 'Edited', nodes: GRAPH.nodes, edges: GRAPH.edges }), null);
    setViewport({ x: 5, y: 6, zoom: 2 });
    expect(storage.getItem(AUTOSAVE_KEY)).toBeNull();
    await wait(40);
    const saved = JSON.parse(storage.getItem(AUTOSAVE_KEY)!) as Graph;
    expect(saved.name).toBe('Edited');
    expect(saved.viewport).toEqual({ x: 5, y: 6, zoom: 2 });
    const before = useDocument.getState().graph;
    resetDocument();
    restoreSaved(storage);
    expect(useDocument.getState().graph).toEqual(before);
  });

  it('saves nothing while a node is dragged and saves the dropped position once the drag ends', async () => {
    const storage = new MemoryStorage();
    let writes = 0;
    const counting = { getItem: (k: string) => storage.getItem(k), setItem: (k: string, v: string) => { writes++; storage.setItem(k, v); } };
    applyCommand((g: Graph) => ({ ...g, nodes: GRAPH.nodes, edges: GRAPH.edges }), null);
    stop = startAutosave(counting, 10);
    beginGesture();
    for (let x = 1; x <= 5; x++) {
      previewCommand(moveNodes, { moves: [{ id: 's1', position: { x: 240 + x * 10, y: 0 } }] });
      await wait(15);
    }
    expect(writes).toBe(0);
    endGesture();
    await wait(40);
    expect(writes).toBe(1);
    const saved = JSON.parse(storage.getItem(AUTOSAVE_KEY)!) as Graph;
    expect(saved.nodes.find((n) => n.id === 's1')!.position).toEqual({ x: 290, y: 0 });
  });

  it('keeps passwords and tokens out of the saved document, in the session store only, and a restore puts them back', async () => {
    const storage = new MemoryStorage();
    const session = new MemoryStorage();
    stop = startAutosave(storage, 10, session);
    const secretConnection = {
      id: 'c1', kind: 'connection' as const, position: { x: 0, y: 0 },
      props: { url: 'ws://127.0.0.1:5673/', sasl: { mechanism: 'PLAIN' as const, username: 'alice', password: 'pa55-word' }, cbs: { token: 'SharedAccessSignature sr=a&sig=zzz&se=1' } },
    };
    applyCommand((g: Graph) => ({ ...g, nodes: [secretConnection, GRAPH.nodes[1]!], edges: GRAPH.edges }), null);
    await wait(40);
    const saved = storage.getItem(AUTOSAVE_KEY)!;
    expect(saved).not.toContain('pa55-word');
    expect(saved).not.toContain('sig=zzz');
    expect(JSON.parse(session.getItem(SESSION_SECRETS_KEY)!)).toEqual({ 'c1.sasl.password': 'pa55-word', 'c1.cbs.token': 'SharedAccessSignature sr=a&sig=zzz&se=1' });
    const before = useDocument.getState().graph;

    resetDocument();
    restoreSaved(storage, session);
    expect(useDocument.getState().graph).toEqual(before);

    // a new browser session: an empty session store, so the flow comes back without its secrets
    resetDocument();
    restoreSaved(storage, new MemoryStorage());
    const c1 = useDocument.getState().graph.nodes.find((n) => n.id === 'c1')!;
    expect(c1.props).toEqual({ url: 'ws://127.0.0.1:5673/', sasl: { mechanism: 'PLAIN', username: 'alice' }, cbs: {} });
  });
});
