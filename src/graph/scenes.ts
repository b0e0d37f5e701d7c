// Scenes for presenters: an optional, ordered list in the flow file. Each has a title, notes for
// the audience, the nodes to spotlight and optionally a fault to inject when it is shown. A scene
// names nodes by id; an id that names no node (deleted since) is ignored when the scene is shown,
// so editing the flow never makes its file invalid. The file parser's schema is in sceneSchema.ts.
import type { FaultSpec } from './faultSpec.ts';

export interface Scene {
  title: string;
  notes?: string;
  /** node ids to spotlight; the rest of the flow is dimmed */
  spotlight?: string[];
  /** injected when the scene is shown during a run */
  fault?: FaultSpec;
}

export const MAX_SCENES = 200;
export const MAX_SCENE_TITLE = 200;
export const MAX_SCENE_NOTES = 4000;

/** A checked scene copied field by field (fixed key order, nothing shared with the input). */
export function copyScene(s: Scene): Scene {
  return {
    title: s.title,
    ...(s.notes !== undefined ? { notes: s.notes } : {}),
    ...(s.spotlight ? { spotlight: [...s.spotlight] } : {}),
    ...(s.fault ? { fault: { ...s.fault } } : {}),
  };
}
