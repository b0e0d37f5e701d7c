// A large flow hands React Flow only the edges that can be on screen: React Flow checks every edge's
// ends on each of its store updates (every pointer move of a drag) and draws each edge in an SVG of its
// own, so ~1,000 edges off screen cost frames for nothing. Nodes all stay (they are cheap compact cards).
import { useMemo, useRef } from 'react';
import type { Viewport } from '@xyflow/react';
import type { GraphNode } from '../../graph/types.ts';
import type { AmqpFlowEdge } from '../flowTypes.ts';
import type { Size } from '../useFlowElements.ts';
import { LARGE_FLOW_NODES } from './cardDetail.ts';

/** Room around the canvas (screen px) inside which edges are kept, so a short pan shows them at once. */
const MARGIN_PX = 200;

export interface Screen {
  width: number;
  height: number;
  viewport: Viewport;
}

/**
 * The edges whose box (both ends' cards) meets the canvas plus a margin. An edge between two cards lies
 * within the box of those cards, so no edge that could show is left out.
 */
export function edgesOnScreen(
  edges: readonly AmqpFlowEdge[],
  nodes: readonly GraphNode[],
  sizes: ReadonlyMap<string, Size>,
  { width, height, viewport: { x, y, zoom } }: Screen,
): AmqpFlowEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // The canvas in flow coordinates.
  const left = (-x - MARGIN_PX) / zoom;
  const top = (-y - MARGIN_PX) / zoom;
  const right = (width - x + MARGIN_PX) / zoom;
  const bottom = (height - y + MARGIN_PX) / zoom;
  return edges.filter((e) => {
    const a = byId.get(e.source);
    const b = byId.get(e.target);
    if (!a || !b) return true;
    const sa = sizes.get(a.id);
    const sb = sizes.get(b.id);
    const x0 = Math.min(a.position.x, b.position.x);
    const y0 = Math.min(a.position.y, b.position.y);
    const x1 = Math.max(a.position.x + (sa?.width ?? 0), b.position.x + (sb?.width ?? 0));
    const y1 = Math.max(a.position.y + (sa?.height ?? 0), b.position.y + (sb?.height ?? 0));
    return x0 <= right && x1 >= left && y0 <= bottom && y1 >= top;
  });
}

/** All edges for a flow of ordinary size; for a large one, those on screen, the same array while they are the same. */
export function useVisibleEdges(
  edges: AmqpFlowEdge[],
  nodes: readonly GraphNode[],
  sizes: ReadonlyMap<string, Size>,
  sizesVersion: number,
  screen: Screen,
): AmqpFlowEdge[] {
  const last = useRef<AmqpFlowEdge[]>(edges);
  const large = nodes.length > LARGE_FLOW_NODES;
  const { width, height, viewport } = screen;
  return useMemo(() => {
    void sizesVersion; // sizes is mutated in place; the version says when
    if (!large || width === 0 || height === 0) return (last.current = edges);
    const shown = edgesOnScreen(edges, nodes, sizes, { width, height, viewport });
    const prev = last.current;
    if (shown.length === prev.length && shown.every((e, i) => e === prev[i])) return prev;
    return (last.current = shown);
  }, [large, edges, nodes, sizes, sizesVersion, width, height, viewport]);
}
