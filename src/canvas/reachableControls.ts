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
 * The pan (screen pixels) that brings the `controls` (boxes in canvas coordinates) inside a `width` ×
 * `height` canvas and out of its bottom-right `corner`; where they cannot all fit, their top and left
 * stay in view.
 */
export function panToReach(controls: Rect[], width: number, height: number, corner: { width: number; height: number } | null): { dx: number; dy: number } {
  const all = union(controls);
  if (!all) return { dx: 0, dy: 0 };
  const shift = (start: number, extent: number, canvas: number) => {
    if (start < MARGIN_PX) return MARGIN_PX - start;
    const over = start + extent - (canvas - MARGIN_PX);
    // Past the far edge: back by the overflow, but never so far that the start leaves the view.
    return over > 0 ? -Math.min(over, start - MARGIN_PX) : 0;
  };
  let dx = shift(all.x, all.width, width);
  let dy = shift(all.y, all.height, height);
  if (!corner) return { dx, dy };
  // Only the controls under the mini map themselves: controls on two cards can span its corner without one in it.
  const under = union(controls.filter((c) => c.x + c.width + dx > width - corner.width && c.y + c.height + dy > height - corner.height));
  if (!under) return { dx, dy };
  // Up above it, or left of it, whichever is the shorter way that keeps the top-left in view.
  const up = height - corner.height - (under.y + under.height + dy);
  const left = width - corner.width - (under.x + under.width + dx);
  const upFits = all.y + dy + up >= MARGIN_PX;
  const leftFits = all.x + dx + left >= MARGIN_PX;
  if (upFits && (!leftFits || -up <= -left)) dy += up;
  else if (leftFits) dx += left;
  return { dx, dy };
}

function union(boxes: Rect[]): Rect | null {
  if (!boxes.length) return null;
  const x = Math.min(...boxes.map((b) => b.x));
  const y = Math.min(...boxes.map((b) => b.y));
  const right = Math.max(...boxes.map((b) => b.x + b.width));
  const bottom = Math.max(...boxes.map((b) => b.y + b.height));
  return { x, y, width: right - x, height: bottom - y };
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

/** Each control's box on the cards, in flow coordinates (the view they are drawn at may lag the store's). */
function controlBoxes(flow: Element): Rect[] {
  const outer = flow.getBoundingClientRect();
  const drawn = flow.querySelector('.react-flow__viewport');
  if (!drawn) return [];
  const { a: zoom, e: panX, f: panY } = new DOMMatrixReadOnly(getComputedStyle(drawn).transform);
  if (!zoom) return [];
  const boxes: Rect[] = [];
  for (const el of flow.querySelectorAll(CARD_CONTROLS)) {
    const b = shownBox(el);
    if (b) boxes.push({ x: (b.left - outer.left - panX) / zoom, y: (b.top - outer.top - panY) / zoom, width: (b.right - b.left) / zoom, height: (b.bottom - b.top) / zoom });
  }
  return boxes;
}

/**
 * Pans the view so the cards' controls are in reach, when a press at some control's centre would not
 * reach it (a control a few pixels short of whole does not move the view; one that must come in, comes
 * in whole).
 */
export function bringControlsIntoReach(rf: ReactFlowInstance<AmqpFlowNode, AmqpFlowEdge>, canvas: HTMLElement): void {
  const flow = canvas.querySelector('.react-flow');
  const boxes = flow ? controlBoxes(flow) : [];
  if (!flow || !boxes.length) return;
  const { width, height } = flow.getBoundingClientRect();
  const v = rf.getViewport();
  const onScreen = boxes.map((r) => ({ x: r.x * v.zoom + v.x, y: r.y * v.zoom + v.y, width: r.width * v.zoom, height: r.height * v.zoom }));
  const centres = onScreen.map((r) => ({ x: r.x + r.width / 2, y: r.y + r.height / 2, width: 0, height: 0 }));
  const corner = miniMapCorner(canvas);
  const needed = panToReach(centres, width, height, corner);
  if (Math.abs(needed.dx) < 0.5 && Math.abs(needed.dy) < 0.5) return;
  const { dx, dy } = panToReach(onScreen, width, height, corner);
  void rf.setViewport({ x: v.x + dx, y: v.y + dy, zoom: v.zoom });
}
