// The `*.amqpflow-lesson.json` format as zod schemas; the lesson types are read off them.
// zod/mini, as the graph file uses, so both parsers share one small library in the page.
import * as z from 'zod/mini';
import { NODE_KINDS } from '../graph/types.ts';

export const LESSON_FORMAT = 'amqp-flow-lesson';
export const LESSON_VERSION = 1;

const text = z.string().check(z.minLength(1), z.maxLength(4000));
const nodeId = z.string().check(z.minLength(1), z.maxLength(200));
const count = z.int().check(z.gte(0));
const json = z.unknown();

/** equals / min / max: how a measured value is compared (at least one in a check). */
const comparator = {
  equals: z.optional(z.union([z.number(), z.string(), z.boolean()])),
  min: z.optional(z.number()),
  max: z.optional(z.number()),
};

const COUNTERS = ['queued', 'sent', 'accepted', 'rejected', 'released', 'modified', 'presettled', 'lost', 'unsent', 'received', 'settled'] as const;
const NODE_STATES = ['idle', 'opening', 'open', 'closing', 'closed', 'error'] as const;
const DIRS = ['in', 'out'] as const;

// ---- measures: one number or word read from the run (predict steps ask for one) ----
const countMeasure = z.strictObject({ type: z.literal('count'), node: nodeId, counter: z.enum(COUNTERS) });
const creditMeasure = z.strictObject({ type: z.literal('credit'), node: nodeId });
const deliveryCountMeasure = z.strictObject({ type: z.literal('deliveryCount'), node: nodeId });
const stateMeasure = z.strictObject({ type: z.literal('state'), node: nodeId });
const lastOutcomeMeasure = z.strictObject({ type: z.literal('lastOutcome'), node: nodeId });
/** how many engine events match (node, event name, fields contained, paths present) */
const eventMeasure = z.strictObject({
  type: z.literal('events'),
  event: z.string().check(z.minLength(1)),
  node: z.optional(nodeId),
  fields: z.optional(z.record(z.string(), json)),
  has: z.optional(z.array(z.string())),
});
/** how many decoded frames match */
const frameMeasure = z.strictObject({
  type: z.literal('frames'),
  performative: z.string().check(z.minLength(1)),
  dir: z.optional(z.enum(DIRS)),
  connection: z.optional(nodeId),
  fields: z.optional(z.record(z.string(), json)),
});

export const MeasureSchema = z.discriminatedUnion('type', [
  countMeasure, creditMeasure, deliveryCountMeasure, stateMeasure, lastOutcomeMeasure, eventMeasure, frameMeasure,
]);

const withComparator = <S extends z.ZodMiniObject>(schema: S) => z.extend(schema, comparator);

// ---- checks: a condition on the document or the run (do steps wait for them, goals expect them) ----
export const CheckSchema = z.discriminatedUnion('type', [
  // the document
  z.strictObject({ type: z.literal('node'), node: z.optional(nodeId), kind: z.optional(z.enum(NODE_KINDS)), props: z.optional(z.record(z.string(), json)) }),
  z.strictObject({ type: z.literal('noNode'), node: nodeId }),
  z.strictObject({
    type: z.literal('edge'),
    source: z.optional(nodeId),
    target: z.optional(nodeId),
    sourceKind: z.optional(z.enum(NODE_KINDS)),
    targetKind: z.optional(z.enum(NODE_KINDS)),
  }),
  // the run (only runs started after the lesson opened count)
  z.strictObject({ type: z.literal('runs'), min: count }),
  z.strictObject({ type: z.literal('status'), status: z.enum(['idle', 'running']) }),
  z.strictObject({ type: z.literal('nodeState'), node: nodeId, state: z.enum(NODE_STATES) }),
  withComparator(countMeasure),
  withComparator(creditMeasure),
  withComparator(deliveryCountMeasure),
  withComparator(lastOutcomeMeasure),
  withComparator(eventMeasure),
  withComparator(frameMeasure),
  z.strictObject({ type: z.literal('eventOrder'), events: z.array(z.strictObject({ event: z.string(), node: z.optional(nodeId) })).check(z.minLength(2)) }),
  z.strictObject({
    type: z.literal('frameOrder'),
    frames: z.array(z.strictObject({ performative: z.string(), dir: z.optional(z.enum(DIRS)) })).check(z.minLength(2)),
  }),
]);

// ---- solution edits, applied together as one undo step ----
export const EditSchema = z.discriminatedUnion('op', [
  z.strictObject({
    op: z.literal('addNode'),
    id: nodeId,
    kind: z.enum(NODE_KINDS),
    position: z.strictObject({ x: z.number(), y: z.number() }),
    props: z.optional(z.record(z.string(), json)),
  }),
  z.strictObject({ op: z.literal('connect'), source: nodeId, target: nodeId }),
  z.strictObject({ op: z.literal('setProps'), node: nodeId, props: z.record(z.string(), json) }),
  z.strictObject({ op: z.literal('removeNode'), node: nodeId }),
]);

const highlight = z.strictObject({ nodes: z.optional(z.array(nodeId)), frame: z.optional(z.string()) });
const solution = z.strictObject({ text: z.optional(text), edits: z.optional(z.array(EditSchema)) });
const common = { title: z.optional(text), text, highlight: z.optional(highlight), hints: z.optional(z.array(text)), solution: z.optional(solution) };

export const StepSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('explain'), ...common }),
  z.strictObject({ kind: z.literal('do'), ...common, until: z.array(CheckSchema).check(z.minLength(1)) }),
  z.strictObject({
    kind: z.literal('predict'),
    ...common,
    question: text,
    measure: MeasureSchema,
    /** multiple choice; without choices the learner types a number */
    choices: z.optional(z.array(z.strictObject({ label: text, value: z.union([z.number(), z.string()]) })).check(z.minLength(2))),
    /** said after the run, whichever way it went */
    why: z.optional(text),
  }),
  z.strictObject({ kind: z.literal('goal'), ...common, expect: z.array(CheckSchema).check(z.minLength(1)) }),
]);

export const LessonDocumentSchema = z.strictObject({
  format: z.literal(LESSON_FORMAT),
  version: z.literal(LESSON_VERSION),
  id: z.string().check(z.regex(/^[a-z0-9][a-z0-9-]{0,63}$/)),
  title: z.string().check(z.minLength(1), z.maxLength(120)),
  summary: z.optional(text),
  /** the flow the lesson starts from: a graph file, checked by the graph file parser */
  flow: json,
  steps: z.array(StepSchema).check(z.minLength(1), z.maxLength(100)),
});

export type Measure = z.infer<typeof MeasureSchema>;
export type Check = z.infer<typeof CheckSchema>;
export type Edit = z.infer<typeof EditSchema>;
export type Step = z.infer<typeof StepSchema>;
export type StepKind = Step['kind'];
