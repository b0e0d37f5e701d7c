// Reading a `*.amqpflow-lesson.json` file: never trusted, every problem listed with its path, and the
// embedded flow checked by the graph file parser. Built-in lessons are read through here too.
import * as z from 'zod/mini';
import { parseGraphValue } from '../graph/file.ts';
import { isPlainObject } from '../graph/props.ts';
import type { Graph, Problem } from '../graph/types.ts';
import { applyEdits } from './edits.ts';
import { LESSON_FORMAT, LESSON_VERSION, LessonDocumentSchema, type Step } from './lessonSchema.ts';

export interface Lesson {
  id: string;
  title: string;
  summary?: string;
  flow: Graph;
  steps: Step[];
}

export type LessonParseResult = { ok: true; lesson: Lesson } | { ok: false; problems: Problem[] };

/** Lesson files stay small: a flow and some text. */
export const MAX_LESSON_BYTES = 1_000_000;
const MAX_PROBLEMS = 50;

const COMPARED = new Set(['count', 'credit', 'deliveryCount', 'lastOutcome']);

const fail = (problems: Problem[]): LessonParseResult => ({ ok: false, problems: problems.slice(0, MAX_PROBLEMS) });

function pathText(path: readonly PropertyKey[]): string {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : out === '' ? String(key) : `.${String(key)}`;
  return out;
}

function issueMessage(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `"${k}"`).join(', ')}; remove ${issue.keys.length > 1 ? 'them' : 'it'}`;
    case 'invalid_union':
      return 'is not one of the known kinds (check its "kind", "type" or "op")';
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'invalid_type':
      return `must be ${issue.expected}`;
    default:
      return issue.message;
  }
}

/** Parses the text of a lesson file. Never throws. */
export function parseLessonFile(text: string): LessonParseResult {
  if (typeof text !== 'string' || text.trim() === '') return fail([{ message: 'This lesson file is empty' }]);
  if (text.length > MAX_LESSON_BYTES) return fail([{ message: `This lesson file is larger than ${MAX_LESSON_BYTES} bytes` }]);
  let value: unknown;
  try {
    value = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return fail([{ message: `This lesson file is not valid JSON (${error instanceof Error ? error.message : String(error)})` }]);
  }
  return parseLessonValue(value);
}

/** Parses an already-decoded lesson (a file, a `#lesson=` link, a built-in). Never throws. */
export function parseLessonValue(value: unknown): LessonParseResult {
  if (!isPlainObject(value)) return fail([{ message: 'This is not a lesson: expected a JSON object at the top' }]);
  if (value.format !== LESSON_FORMAT) {
    return fail([{ field: 'format', message: `This is not an AMQP Flow lesson: "format" must be "${LESSON_FORMAT}"` }]);
  }
  if (value.version !== LESSON_VERSION) {
    return fail([{ field: 'version', message: `This lesson is version ${JSON.stringify(value.version)}; this page reads version ${LESSON_VERSION}` }]);
  }
  const parsed = LessonDocumentSchema.safeParse(value);
  const problems: Problem[] = parsed.success
    ? []
    : parsed.error.issues.map((issue) => {
        const field = pathText(issue.path);
        return { field, message: `${field || 'The lesson'} ${issueMessage(issue)}` };
      });
  // The flow is checked even when the rest has problems, so one pass lists everything.
  const flow = parseGraphValue(isPlainObject(value) ? value.flow : undefined);
  if (!flow.ok) {
    for (const p of flow.problems) {
      const field = `flow${p.field ? `.${p.field}` : ''}`;
      problems.push({ ...(p.nodeId ? { nodeId: p.nodeId } : {}), field, message: `flow: ${p.message}` });
    }
  }
  if (!parsed.success || !flow.ok) return fail(problems);

  const { id, title, summary, steps } = parsed.data;
  problems.push(...stepProblems(flow.graph, steps));
  if (problems.length) return fail(problems);
  return { ok: true, lesson: { id, title, ...(summary ? { summary } : {}), flow: flow.graph, steps } };
}

/** What the schema cannot see: comparators, a goal to reach, solutions that apply to the flow. */
function stepProblems(flow: Graph, steps: readonly Step[]): Problem[] {
  const problems: Problem[] = [];
  if (!steps.some((s) => s.kind === 'goal')) problems.push({ field: 'steps', message: 'steps: a lesson needs at least one "goal" step, so it can be completed' });
  let g = flow;
  steps.forEach((step, i) => {
    const at = `steps[${i}]`;
    const checks = step.kind === 'do' ? step.until : step.kind === 'goal' ? step.expect : [];
    checks.forEach((c, j) => {
      if (COMPARED.has(c.type) && 'equals' in c && c.equals === undefined && c.min === undefined && c.max === undefined) {
        const field = `${at}.${step.kind === 'do' ? 'until' : 'expect'}[${j}]`;
        problems.push({ field, message: `${field} needs "equals", "min" or "max"` });
      }
    });
    if (step.kind === 'predict' && step.choices && step.measure.type !== 'state' && step.measure.type !== 'lastOutcome') {
      if (step.choices.some((c) => typeof c.value !== 'number')) problems.push({ field: `${at}.choices`, message: `${at}.choices: this question measures a number, so every choice's value must be a number` });
    }
    const edits = step.solution?.edits;
    if (edits?.length) {
      const result = applyEdits(g, edits);
      if (!result.ok) problems.push({ field: `${at}.solution.edits[${result.index}]`, message: `${at}.solution.edits[${result.index}]: ${result.message}` });
      else {
        const checked = parseGraphValue(JSON.parse(JSON.stringify(result.graph)));
        if (!checked.ok) for (const p of checked.problems) problems.push({ field: `${at}.solution`, message: `${at}.solution leaves a flow that does not load: ${p.message}` });
        else g = result.graph;
      }
    }
  });
  return problems;
}
