// The schema the file parser checks a flow's scenes with (scenes.ts says what a scene is). Apart from
// scenes.ts so that writing a flow with scenes never loads the schema library.
import * as z from 'zod/mini';
import { FAULT_NAMES } from './faultSpec.ts';
import { MAX_ID_LENGTH } from './limits.ts';
import { MAX_SCENE_NOTES, MAX_SCENE_TITLE, MAX_SCENES } from './scenes.ts';

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
