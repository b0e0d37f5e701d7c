// The room one node card needs on the canvas, in flow units: what templates, auto layout and imports
// plan for. Cards grow while a run shows its live details (credit, counts, outcome chips, manual
// credit controls) and in presenter mode (larger type), so the plan is the largest live card, not an
// idle one.

/** The widest card: presenter mode's (the editor's is 180). */
export const CARD_WIDTH = 200;
/** The tallest live card (a receiver settling by hand, its unsettled list full, in presenter type). */
export const LIVE_CARD_HEIGHT = 400;
/**
 * Between columns: room for an edge's rate label clear of both handles, while a four-column flow still
 * fits a 1440-wide editor at the readable zoom.
 */
export const COLUMN_GAP = 70;
/** Between cards in one column. */
export const ROW_GAP = 40;

export const COLUMN_STEP = CARD_WIDTH + COLUMN_GAP;
export const ROW_STEP = LIVE_CARD_HEIGHT + ROW_GAP;

interface Box {
  x: number;
  y: number;
}

/** True when two cards placed at these positions would overlap once both show their live details. */
export function cardsOverlap(a: Box, b: Box): boolean {
  return Math.abs(a.x - b.x) < CARD_WIDTH + COLUMN_GAP / 2 && Math.abs(a.y - b.y) < LIVE_CARD_HEIGHT + ROW_GAP / 2;
}

/** True when some two of the positions would overlap when live: an import worth laying out again. */
export function anyCardsOverlap(positions: readonly Box[]): boolean {
  for (let i = 0; i < positions.length; i += 1) {
    for (let j = i + 1; j < positions.length; j += 1) if (cardsOverlap(positions[i]!, positions[j]!)) return true;
  }
  return false;
}
