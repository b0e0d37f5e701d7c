// Scenes for presenters: an optional, ordered list in the flow file. Each has a title, notes for
// the audience, the nodes to spotlight and optionally a fault to inject when it is shown. A scene
// names nodes by id; an id that names no node (deleted since) is ignored when the scene is shown,
// so editing the flow never makes its file invalid.
import * as z from 'zod/mini';
import { FAULT_NAMES, type FaultSpec } from './faultSpec.ts';
import { MAX_ID_LENGTH } from './limits.ts';

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

const whole = (min: number, max: number) => z.number().check(z.refine((v) => Number.isInteger(v) && v >= min && v <= max, `a whole number from ${min} to ${max}`));

const FaultSchema = z.strictObject({
  fault: z.enum(FAULT_NAMES),
  target: z.optional(z.string().check(z.minLength(1), z.maxLength(MAX_ID_LENGTH))),
  count: z.optional(whole(1, 100_000)),
  condition: z.optional(z.string().check(z.regex(/^[\w.-]+:[\w:.-]+$/, 'a condition like amqp:internal-error'))),
  ms: z.optional(whole(0, 60_000)),
  perSecond: z.optional(whole(0, 100_000)),
  keepQueues: z.optional(z.boolean()),
  downMs: z.optional(whole(0, 60_000)),
  on: z.optional(z.boolean()),
});

export const SceneSchema = z.strictObject({
  title: z.string().check(z.minLength(1), z.maxLength(MAX_SCENE_TITLE)),
  notes: z.optional(z.string().check(z.maxLength(MAX_SCENE_NOTES))),
  spotlight: z.optional(z.array(z.string().check(z.maxLength(MAX_ID_LENGTH))).check(z.maxLength(100))),
  fault: z.optional(FaultSchema),
});

export const ScenesSchema = z.array(SceneSchema).check(z.maxLength(MAX_SCENES));

/** A checked scene copied field by field (fixed key order, nothing shared with the input). */
export function copyScene(s: Scene): Scene {
  return {
    title: s.title,
    ...(s.notes !== undefined ? { notes: s.notes } : {}),
    ...(s.spotlight ? { spotlight: [...s.spotlight] } : {}),
    ...(s.fault ? { fault: { ...s.fault } } : {}),
  };
}
