// Which scene of the flow a presenter is on, and what showing a scene means: its spotlight as CSS
// (the other nodes dim), and its fault injected when the presenter moves forward onto it.
import { create } from 'zustand';
import type { Scene } from '../graph/scenes.ts';

interface SceneState {
  /** index into the flow's scenes; 0 when presenting starts */
  index: number;
  /** the fault of the scene moved onto, when it was injected or why it was not */
  faultNote: string | null;
}

export const useScene = create<SceneState>()(() => ({ index: 0, faultNote: null }));

/** The scene index after a step of `by` (clamped to the list). */
export function stepIndex(index: number, by: number, count: number): number {
  if (count === 0) return 0;
  return Math.min(count - 1, Math.max(0, index + by));
}

/** Keys that move between scenes: → and PageDown forward, ← and PageUp back (a clicker sends the Page keys). */
export function sceneStep(key: string): 1 | -1 | 0 {
  if (key === 'ArrowRight' || key === 'PageDown') return 1;
  if (key === 'ArrowLeft' || key === 'PageUp') return -1;
  return 0;
}

/** CSS dimming every canvas node and edge but the scene's spotlight; empty without a spotlight. */
export function spotlightCss(scene: Scene | undefined, nodeIds: readonly string[], escape: (id: string) => string): string {
  const lit = (scene?.spotlight ?? []).filter((id) => nodeIds.includes(id));
  if (!lit.length) return '';
  const keep = lit.map((id) => `:not([data-id="${escape(id)}"])`).join('');
  return [
    `.app.presenter .react-flow__node${keep} { opacity: 0.25; transition: opacity 300ms; }`,
    `.app.presenter .react-flow__edge { opacity: 0.3; }`,
    ...lit.map((id) => `.app.presenter .react-flow__node[data-id="${escape(id)}"] .node { outline: 4px solid #f59e0b; outline-offset: 4px; }`),
  ].join('\n');
}
