// Which frame (or error condition) the Frame explanation shows: set by a click in the Frames list or the
// sequence diagram, or on an error condition.
import { create } from 'zustand';
import type { FrameRecord } from '../engine/events.ts';

interface FrameSelection {
  frame: FrameRecord | null;
  /** the graph node the frame belongs to */
  node: string;
  /** an error condition opened from the explanation (or elsewhere), shown instead of the frame */
  condition: { condition: string; description?: string } | null;
}

export const useFrameSelection = create<FrameSelection>()(() => ({ frame: null, node: '', condition: null }));

export function selectFrame(frame: FrameRecord, node: string) {
  useFrameSelection.setState({ frame, node, condition: null });
}

export function showCondition(condition: string, description?: string) {
  useFrameSelection.setState({ condition: description ? { condition, description } : { condition } });
}

export const backToFrame = () => useFrameSelection.setState({ condition: null });

export const closeExplanation = () => useFrameSelection.setState({ frame: null, node: '', condition: null });
