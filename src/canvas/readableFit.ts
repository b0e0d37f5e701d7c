// Fitting the view without shrinking card text below what a room can read: the zoom never goes under
// the one that shows the smallest card text at READABLE_TEXT_PX; a flow too big for that is shown
// from its top-left corner and the rest is a pan away.
import type { ReactFlowInstance, Viewport } from '@xyflow/react';
import type { AmqpFlowEdge, AmqpFlowNode } from './flowTypes.ts';

/** The smallest card text size on screen, in CSS pixels. */
export const READABLE_TEXT_PX = 11;

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface FitOptions {
  /** Room around the flow, as a fraction of the canvas size (as React Flow's fitView), for both axes or each. */
  padding: number | { x: number; y: number };
  minZoom: number;
  maxZoom: number;
}

/** The viewport that fits `bounds` into a `width` × `height` canvas, zoom clamped; clamped below, the flow's start stays in view. */
export function readableViewport(bounds: Rect, width: number, height: number, { padding, minZoom, maxZoom }: FitOptions): Viewport {
  const pad = typeof padding === 'number' ? { x: padding, y: padding } : padding;
  const room = (size: number, p: number) => size * (1 - 2 * p);
  const fitted = Math.min(room(width, pad.x) / Math.max(bounds.width, 1), room(height, pad.y) / Math.max(bounds.height, 1));
  const zoom = Math.min(maxZoom, Math.max(minZoom, fitted));
  // Centre the flow along an axis where it fits; where it does not, put its start at the padding.
  const place = (start: number, extent: number, canvas: number, p: number) =>
    extent * zoom <= room(canvas, p) ? (canvas - extent * zoom) / 2 - start * zoom : canvas * p - start * zoom;
  return { x: place(bounds.x, bounds.width, width, pad.x), y: place(bounds.y, bounds.height, height, pad.y), zoom };
}

/** The smallest font size (px, before zoom) of any text in the rendered cards; `fallback` when none is drawn. */
export function smallestCardFontPx(root: ParentNode, fallback = 12): number {
  let smallest = Infinity;
  for (const el of root.querySelectorAll<HTMLElement>('[data-node-id], [data-node-id] *')) {
    if (![...el.childNodes].some((c) => c.nodeType === Node.TEXT_NODE && c.textContent?.trim())) continue;
    const size = parseFloat(getComputedStyle(el).fontSize);
    if (size > 0) smallest = Math.min(smallest, size);
  }
  return Number.isFinite(smallest) ? smallest : fallback;
}

/** The zoom below which card text would drop under READABLE_TEXT_PX. */
export function readableMinZoom(root: ParentNode): number {
  return READABLE_TEXT_PX / smallestCardFontPx(root);
}

/** Fits every node into the canvas at a zoom where card text stays readable, once React Flow has measured them. */
export function fitReadable(
  rf: ReactFlowInstance<AmqpFlowNode, AmqpFlowEdge>,
  canvas: HTMLElement,
  options: { padding: FitOptions['padding']; maxZoom: number },
  framesLeft = 60,
): void {
  const nodes = rf.getNodes();
  if (nodes.length === 0) return;
  const { width, height } = (canvas.querySelector('.react-flow') ?? canvas).getBoundingClientRect();
  const measured = nodes.every((n) => n.measured?.width && n.measured.height);
  if (!measured || width === 0 || height === 0) {
    // New nodes are drawn and measured a frame or two later: fit then.
    if (framesLeft > 0) requestAnimationFrame(() => fitReadable(rf, canvas, options, framesLeft - 1));
    return;
  }
  const minZoom = Math.min(options.maxZoom, readableMinZoom(canvas));
  void rf.setViewport(readableViewport(rf.getNodesBounds(nodes), width, height, { ...options, minZoom }));
}
