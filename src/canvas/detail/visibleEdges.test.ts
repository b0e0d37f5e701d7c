import { describe, expect, it } from 'vitest';
import { makeGraph } from '../../graph/fixtures/factory.ts';
import { edgesOnScreen } from './visibleEdges.ts';

const sized = new Map<string, { width: number; height: number }>();

describe('edgesOnScreen', () => {
  // c1 (0,0) → s1 (220,0) → tx1…tx40 at x 440, every 130 px down; each txN → tN at x 660.
  const graph = makeGraph({ senders: 40 });
  for (const n of graph.nodes) sized.set(n.id, { width: 180, height: 54 });
  const edges = graph.edges.map((e) => ({ id: e.id, source: e.source, target: e.target }));
  const names = (shown: { source: string; target: string }[]) => new Set(shown.map((e) => `${e.source}>${e.target}`));

  it('keeps the edges whose cards are on screen and those crossing it, and leaves out the rest', () => {
    const shown = names(edgesOnScreen(edges, graph.nodes, sized, { width: 1000, height: 600, viewport: { x: 0, y: 0, zoom: 1 } }));
    expect(shown.has('c1>s1')).toBe(true);
    expect(shown.has('tx2>t2')).toBe(true);
    // From s1 at the top down to tx40 far below: it crosses the screen.
    expect(shown.has('s1>tx40')).toBe(true);
    expect(shown.has('tx40>t40')).toBe(false);
  });

  it('follows the view: panned down to the last senders, the top pair is left out', () => {
    const shown = names(edgesOnScreen(edges, graph.nodes, sized, { width: 1000, height: 600, viewport: { x: 0, y: -39 * 130, zoom: 1 } }));
    expect(shown.has('tx40>t40')).toBe(true);
    expect(shown.has('c1>s1')).toBe(false);
    expect(shown.has('tx1>t1')).toBe(false);
  });

  it('zoomed out far enough, every edge is on screen', () => {
    expect(edgesOnScreen(edges, graph.nodes, sized, { width: 1000, height: 600, viewport: { x: 0, y: 0, zoom: 0.1 } })).toHaveLength(edges.length);
  });
});
