// How much each card draws: a large flow, or one zoomed out below a readable scale, draws compact cards
// (kind, id, state) and plain edges; cards near the pointer, the selected and the dragged ones stay full.
// One small store, so a pointer move re-renders only the cards whose detail changes.
import { create } from 'zustand';
import type { NodeKind } from '../../graph/types.ts';

/** A flow with more nodes than this draws compact cards (the templates have a dozen at most). */
export const LARGE_FLOW_NODES = 200;
/**
 * Below this zoom card text (12 px) is about 7 px on screen, too small to read or press: every flow draws
 * compact cards. Between it and the readable fit (11 px) a small flow keeps full cards, so a canvas
 * narrowed by the lesson column and fitted by the Fit View control keeps its credit and settle controls.
 */
export const COMPACT_BELOW_ZOOM = 0.6;
/** Cards this close to the pointer (screen px, to the card's edge) draw in full. */
export const FULL_NEAR_POINTER_PX = 24;
/** More selected nodes than this (Ctrl+A on a large flow) stay compact, so selecting all stays cheap. */
export const FULL_WHEN_SELECTED_AT_MOST = 12;

/** A compact card's size, fixed by nodes.css (`.node--compact`): a session's has no line under its header. */
const COMPACT_CARD = { width: 180, height: 36 } as const;
const COMPACT_LINED_CARD = { width: 180, height: 54 } as const;

export function compactCardSize(kind: NodeKind): { width: number; height: number } {
  return kind === 'session' ? COMPACT_CARD : COMPACT_LINED_CARD;
}

interface CardDetailState {
  /** Compact cards and plain edges, except for the cards in `full`. */
  compact: boolean;
  /** Ids of the cards near the pointer. */
  near: ReadonlySet<string>;
  /** How many nodes are selected (a selected card is full while few are). */
  selectedCount: number;
}

const NONE: ReadonlySet<string> = new Set();

export const useCardDetail = create<CardDetailState>()(() => ({ compact: false, near: NONE, selectedCount: 0 }));

export function shouldBeCompact(nodeCount: number, zoom: number): boolean {
  return nodeCount > LARGE_FLOW_NODES || zoom < COMPACT_BELOW_ZOOM;
}

export function setCompact(compact: boolean) {
  if (useCardDetail.getState().compact !== compact) useCardDetail.setState({ compact, near: NONE });
}

export function setSelectedCount(selectedCount: number) {
  if (useCardDetail.getState().selectedCount !== selectedCount) useCardDetail.setState({ selectedCount });
}

/** Replaces the cards near the pointer, keeping the same set (and so no re-render) when they did not change. */
export function setNear(ids: readonly string[]) {
  const { near } = useCardDetail.getState();
  if (ids.length === near.size && ids.every((id) => near.has(id))) return;
  useCardDetail.setState({ near: ids.length ? new Set(ids) : NONE });
}

/** Whether a card draws compact: only in compact mode, and never near the pointer, dragged, or one of a few selected. */
export function useCompactCard(id: string, selected: boolean, dragging: boolean): boolean {
  return useCardDetail((s) => s.compact && !dragging && !s.near.has(id) && !(selected && s.selectedCount <= FULL_WHEN_SELECTED_AT_MOST));
}

/** Whether edges draw as plain paths (no pulse, rate label or moving dots). */
export const usePlainEdges = (): boolean => useCardDetail((s) => s.compact);
