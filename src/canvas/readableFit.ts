// Fitting the view without shrinking card text below what a room can read: the zoom never goes under
// the one that shows the smallest card text at READABLE_TEXT_PX; a flow too big for that is shown
// from its top-left corner and the rest is a pan away. The fit keeps clear of the mini map's corner when
// the flow fits beside or above it (a card under the mini map cannot be pressed).
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
  /** A box in the canvas's bottom-right corner (the mini map) the fitted flow keeps clear of, when it can. */
  corner?: { width: number; height: number } | null;
}

/** The least margin a flow keeps at the canvas's edges: at the readable zoom, it gives up its padding to fit whole. */
export const EDGE_MARGIN_PX = 12;

/** The viewport that fits `bounds` into a `width` × `height` canvas, zoom clamped; clamped below, the flow's start stays in view. */
export function readableViewport(bounds: Rect, width: number, height: number, options: FitOptions): Viewport {
  const pad = typeof options.padding === 'number' ? { x: options.padding, y: options.padding } : options.padding;
  const margins = { x: width * pad.x, y: height * pad.y };
  const whole = fitInto(bounds, width, height, margins, options);
  const { corner } = options;
  if (!corner || !coversCorner(bounds, whole, width, height, corner)) return whole;
  // Beside the corner first: cards grow downwards during a run, and a flow to the left of the mini map
  // stays clear of it as they do; above it when only there the flow is readable at all.
  const beside = fitInto(bounds, width - corner.width, height, margins, options);
  const above = fitInto(bounds, width, height - corner.height, margins, options);
  for (const v of [beside, above]) if (!coversCorner(bounds, v, width, height, corner)) return v;
  return whole;
}

function fitInto(bounds: Rect, width: number, height: number, margins: { x: number; y: number }, { minZoom, maxZoom }: FitOptions): Viewport {
  const zoomWithin = (mx: number, my: number) =>
    Math.min((width - 2 * mx) / Math.max(bounds.width, 1), (height - 2 * my) / Math.max(bounds.height, 1));
  const zoom = Math.min(maxZoom, Math.max(minZoom, zoomWithin(margins.x, margins.y)));
  // Centre the flow along an axis where it fits, giving up the padding for it if need be; where it
  // does not fit at all, put its start at the padding.
  const place = (start: number, extent: number, canvas: number, margin: number) =>
    extent * zoom <= canvas - 2 * Math.min(margin, EDGE_MARGIN_PX) ? (canvas - extent * zoom) / 2 - start * zoom : margin - start * zoom;
  return { x: place(bounds.x, bounds.width, width, margins.x), y: place(bounds.y, bounds.height, height, margins.y), zoom };
}

/** Whether the flow, shown at `v`, reaches into the canvas's bottom-right `corner`. */
function coversCorner(bounds: Rect, v: Viewport, width: number, height: number, corner: { width: number; height: number }): boolean {
  const right = (bounds.x + bounds.width) * v.zoom + v.x;
  const bottom = (bounds.y + bounds.height) * v.zoom + v.y;
  return right > width - corner.width && bottom > height - corner.height;
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
  onFitted?: () => void,
  framesLeft = 60,
): void {
  const nodes = rf.getNodes();
  if (nodes.length === 0) return;
  const { width, height } = (canvas.querySelector('.react-flow') ?? canvas).getBoundingClientRect();
  const measured = nodes.every((n) => n.measured?.width && n.measured.height);
  if (!measured || width === 0 || height === 0) {
    // New nodes are drawn and measured a frame or two later: fit then.
    if (framesLeft > 0) requestAnimationFrame(() => fitReadable(rf, canvas, options, onFitted, framesLeft - 1));
    return;
  }
  const minZoom = Math.min(options.maxZoom, readableMinZoom(canvas));
  const corner = miniMapCorner(canvas);
  void rf.setViewport(readableViewport(rf.getNodesBounds(nodes), width, height, { ...options, minZoom, corner }));
  onFitted?.();
}

/** The room the mini map takes in the canvas's bottom-right corner, with a gap around it; null when none is shown. */
export function miniMapCorner(canvas: ParentNode): { width: number; height: number } | null {
  const flow = canvas.querySelector('.react-flow');
  const map = flow?.querySelector('.react-flow__minimap');
  if (!flow || !map) return null;
  const outer = flow.getBoundingClientRect();
  const box = map.getBoundingClientRect();
  return { width: outer.right - box.left + MINIMAP_GAP_PX, height: outer.bottom - box.top + MINIMAP_GAP_PX };
}

const MINIMAP_GAP_PX = 12;
