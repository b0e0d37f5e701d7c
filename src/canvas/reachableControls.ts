// Keeping the controls on cards (Add credit, Drain, a delivery's Accept…) where a press reaches them:
// a tall flow shown at the readable zoom, or a card that grows as a run adds its lines, can leave them
// under the run panels (below the canvas) or under the mini map. The view pans, never zooms, by the
// least that brings them in, the top-left ones first when not all fit.
import type { ReactFlowInstance } from '@xyflow/react';
import type { AmqpFlowEdge, AmqpFlowNode } from './flowTypes.ts';
import { miniMapCorner, type Rect } from './readableFit.ts';

/** What a press on a card can land on. */
export const CARD_CONTROLS = '[data-node-id] :is(button, input, select, textarea, summary)';

/** The margin kept between a control and the canvas's edges, in screen pixels. */
const MARGIN_PX = 8;

/**
 * The pan (screen pixels) that brings `controls` (their union box, in canvas coordinates) inside a
 * `width` × `height` canvas and out of its bottom-right `corner`; where they cannot all fit, their top
 * and left stay in view.
 */
export function panToReach(controls: Rect, width: number, height: number, corner: { width: number; height: number } | null): { dx: number; dy: number } {
  const shift = (start: number, extent: number, canvas: number) => {
    if (start < MARGIN_PX) return MARGIN_PX - start;
    const over = start + extent - (canvas - MARGIN_PX);
    // Past the far edge: back by the overflow, but never so far that the start leaves the view.
    return over > 0 ? -Math.min(over, start - MARGIN_PX) : 0;
  };
  let dx = shift(controls.x, controls.width, width);
  let dy = shift(controls.y, controls.height, height);
  if (!corner) return { dx, dy };
  const right = controls.x + controls.width + dx;
  const bottom = controls.y + controls.height + dy;
  if (right <= width - corner.width || bottom <= height - corner.height) return { dx, dy };
  // Under the mini map: up above it, or left of it, whichever is the shorter way that keeps the top-left in view.
  const up = height - corner.height - bottom;
  const left = width - corner.width - right;
  const upFits = controls.y + dy + up >= MARGIN_PX;
  const leftFits = controls.x + dx + left >= MARGIN_PX;
  if (upFits && (!leftFits || -up <= -left)) dy += up;
  else if (leftFits) dx += left;
  return { dx, dy };
}

/**
 * A control's box as its card shows it, cut by the card's own scrolling parts (a list of deliveries
 * scrolls inside the card); null when the card hides it (in a closed details, scrolled out of its list).
 */
export function shownBox(el: Element): { left: number; top: number; right: number; bottom: number } | null {
  if (!el.checkVisibility()) return null;
  let { left, top, right, bottom } = el.getBoundingClientRect();
  for (let p = el.parentElement; p && !p.hasAttribute('data-node-id'); p = p.parentElement) {
    const style = getComputedStyle(p);
    if (style.overflowX === 'visible' && style.overflowY === 'visible') continue;
    const clip = p.getBoundingClientRect();
    left = Math.max(left, clip.left);
    top = Math.max(top, clip.top);
    right = Math.min(right, clip.right);
    bottom = Math.min(bottom, clip.bottom);
  }
  return right - left >= 1 && bottom - top >= 1 ? { left, top, right, bottom } : null;
}

/** The union of the boxes of every control on the cards, in flow coordinates (the view they are drawn at may lag the store's); null when there is none. */
function controlsBox(flow: Element): Rect | null {
  const outer = flow.getBoundingClientRect();
  const drawn = flow.querySelector('.react-flow__viewport');
  if (!drawn) return null;
  const { a: zoom, e: panX, f: panY } = new DOMMatrixReadOnly(getComputedStyle(drawn).transform);
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const el of flow.querySelectorAll(CARD_CONTROLS)) {
    const b = shownBox(el);
    if (!b) continue;
    x0 = Math.min(x0, b.left);
    y0 = Math.min(y0, b.top);
    x1 = Math.max(x1, b.right);
    y1 = Math.max(y1, b.bottom);
  }
  if (x0 === Infinity || !zoom) return null;
  const toFlow = (screen: number, origin: number, pan: number) => (screen - origin - pan) / zoom;
  const x = toFlow(x0, outer.left, panX);
  const y = toFlow(y0, outer.top, panY);
  return { x, y, width: (x1 - x0) / zoom, height: (y1 - y0) / zoom };
}

/** Pans the view so the cards' controls are in reach, if they are not. */
export function bringControlsIntoReach(rf: ReactFlowInstance<AmqpFlowNode, AmqpFlowEdge>, canvas: HTMLElement): void {
  const flow = canvas.querySelector('.react-flow');
  const box = flow && controlsBox(flow);
  if (!flow || !box) return;
  const { width, height } = flow.getBoundingClientRect();
  const v = rf.getViewport();
  const onScreen = { x: box.x * v.zoom + v.x, y: box.y * v.zoom + v.y, width: box.width * v.zoom, height: box.height * v.zoom };
  const { dx, dy } = panToReach(onScreen, width, height, miniMapCorner(canvas));
  if (Math.abs(dx) < 0.5 && Math.abs(dy) < 0.5) return;
  void rf.setViewport({ x: v.x + dx, y: v.y + dy, zoom: v.zoom });
}
