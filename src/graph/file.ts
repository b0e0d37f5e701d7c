// The versioned `*.amqpflow.json` file: parsing that never trusts its input, and stable serialization.
// (Just over 300 lines: the schema, the problem locator and the serializer share the key-order tables.)
//
// Policy: a file with any problem is refused as a whole (nothing is imported) and every problem is
// reported. Unknown fields, on the document, a node, an edge or in props, are refused by name rather
// than dropped, so nothing a user wrote disappears silently. Missing `name` and `props` are filled in
// ("Untitled flow", {}). Node and edge ids are kept exactly as they are.
// zod/mini: the same checks and issues as zod, a fraction of its size in the page's first bundle.
import * as z from 'zod/mini';
import { expectationProblems, type FlowExpectations } from './expectations.ts';
import { MAX_DEPTH, MAX_EDGES, MAX_FILE_BYTES, MAX_NAME_LENGTH, MAX_NODES, MAX_STRING_LENGTH } from './limits.ts';
import { migrate } from './migrations.ts';
import { describeValue, isPlainObject } from './props.ts';
import { GRAPH_FORMAT, GRAPH_VERSION, NODE_KINDS, type Graph, type GraphEdge, type GraphNode, type Problem } from './types.ts';
import { structuralProblems } from './validate.ts';
import { ScenesSchema } from './sceneSchema.ts';
import { copyScene } from './scenes.ts';

// Writing a file needs no schema: it lives apart, so the autosave can write without loading the parser.
export { serializeGraph } from './serialize.ts';

export {
  MAX_DEPTH,
  MAX_EDGES,
  MAX_FILE_BYTES,
  MAX_ID_LENGTH,
  MAX_NAME_LENGTH,
  MAX_NODES,
  MAX_STRING_LENGTH,
} from './limits.ts';

export type ParseResult = { ok: true; graph: Graph } | { ok: false; problems: Problem[] };

/** Keys that could reach an object's prototype if a consumer copied them naively. */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** Stop listing after this many problems: one broken generator can repeat the same mistake thousands of times. */
const MAX_PROBLEMS = 50;

const finite = z.number().check(z.refine(Number.isFinite));
const PositionSchema = z.strictObject({ x: finite, y: finite });
const NodeSchema = z.strictObject({
  id: z.string(),
  kind: z.enum(NODE_KINDS),
  position: PositionSchema,
  props: z._default(z.record(z.string(), z.unknown()), {}),
});
const EdgeSchema = z.strictObject({ id: z.string(), source: z.string(), target: z.string() });
const DocumentSchema = z.strictObject({
  format: z.literal(GRAPH_FORMAT),
  version: z.literal(GRAPH_VERSION),
  name: z._default(z.string().check(z.maxLength(MAX_NAME_LENGTH)), 'Untitled flow'),
  nodes: z.array(NodeSchema),
  edges: z.array(EdgeSchema),
  viewport: z.optional(z.strictObject({ x: finite, y: finite, zoom: finite.check(z.refine((v) => v > 0)) })),
  expect: z.optional(z.unknown()),
  scenes: z.optional(ScenesSchema),
});

const fail = (problems: Problem[]): ParseResult => ({ ok: false, problems: problems.slice(0, MAX_PROBLEMS) });

/** Parses the text of a file. Never throws; a refused file comes back as problems. */
export function parseGraphFile(text: string): ParseResult {
  if (typeof text !== 'string') return fail([{ message: 'Nothing to read: expected the text of a .amqpflow.json file' }]);
  // A UTF-8 file is never shorter in bytes than in UTF-16 code units, so this cheap test comes first.
  if (text.length > MAX_FILE_BYTES || new TextEncoder().encode(text).length > MAX_FILE_BYTES) {
    return fail([{ message: `This file is larger than ${MAX_FILE_BYTES / 1_000_000} MB; AMQP Flow files are limited to ${MAX_FILE_BYTES} bytes` }]);
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (body.trim() === '') return fail([{ message: 'This file is empty; expected an AMQP Flow JSON document' }]);
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    return fail([{ message: `This file is not valid JSON (${detail}); export a flow from AMQP Flow and import that file` }]);
  }
  return parseGraphValue(value);
}

/** Parses an already-decoded value (a file, the clipboard, a share link). Never throws. */
export function parseGraphValue(value: unknown): ParseResult {
  const scanned = scan(value);
  if (scanned.length > 0) return fail(scanned);
  if (!isPlainObject(value)) {
    return fail([{ message: `This is not an AMQP Flow document: expected a JSON object at the top, found ${describeValue(value)}` }]);
  }
  if (value.format === undefined) {
    return fail([{ field: 'format', message: `This is not an AMQP Flow file: "format" is missing (expected "${GRAPH_FORMAT}")` }]);
  }
  if (value.format !== GRAPH_FORMAT) {
    return fail([{ field: 'format', message: `This is not an AMQP Flow file: its format is ${describeValue(value.format)}, expected "${GRAPH_FORMAT}"` }]);
  }
  const migrated = migrate(value);
  if (!migrated.ok) return fail(migrated.problems);
  const doc = migrated.doc;

  const sizeProblems: Problem[] = [];
  if (Array.isArray(doc.nodes) && doc.nodes.length > MAX_NODES) {
    sizeProblems.push({ field: 'nodes', message: `This file has ${doc.nodes.length} nodes; the limit is ${MAX_NODES}` });
  }
  if (Array.isArray(doc.edges) && doc.edges.length > MAX_EDGES) {
    sizeProblems.push({ field: 'edges', message: `This file has ${doc.edges.length} edges; the limit is ${MAX_EDGES}` });
  }
  if (sizeProblems.length > 0) return fail(sizeProblems);

  const parsed = DocumentSchema.safeParse(doc);
  if (!parsed.success) return fail(parsed.error.issues.flatMap((issue) => issueToProblems(issue, doc)));
  const { name, nodes, edges, viewport, expect, scenes } = parsed.data;
  if (expect !== undefined) {
    const expectProblems = expectationProblems(expect);
    if (expectProblems.length > 0) return fail(expectProblems);
  }
  const graph: Graph = {
    format: GRAPH_FORMAT,
    version: GRAPH_VERSION,
    name,
    nodes: nodes.map((n) => ({ id: n.id, kind: n.kind, position: { x: n.position.x + 0, y: n.position.y + 0 }, props: cloneJson(n.props) }) as GraphNode),
    edges: edges.map((e): GraphEdge => ({ id: e.id, source: e.source, target: e.target })),
    ...(viewport ? { viewport: { x: viewport.x + 0, y: viewport.y + 0, zoom: viewport.zoom } } : {}),
    ...(expect !== undefined ? { expect: cloneJson(expect) as FlowExpectations } : {}),
    ...(scenes ? { scenes: scenes.map(copyScene) } : {}),
  };
  const problems = structuralProblems(graph);
  return problems.length > 0 ? fail(problems) : { ok: true, graph };
}

/**
 * A deep copy of checked JSON data, so the graph shares nothing with its input. -0 becomes 0,
 * as it would after a save and a load.
 */
function cloneJson<T>(value: T): T {
  if (typeof value === 'number') return (value + 0) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => cloneJson(v)) as T;
  if (typeof value === 'object' && value !== null) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!FORBIDDEN_KEYS.has(k)) out[k] = cloneJson(v);
    return out as T;
  }
  return value;
}

type PathKey = string | number;

function pathText(path: readonly PathKey[]): string {
  // A deeply nested path is shown by its first steps only.
  const shown = path.length > 8 ? path.slice(0, 6) : path;
  let text = '';
  for (const key of shown) text += typeof key === 'number' ? `[${key}]` : text === '' ? key : `.${key}`;
  return shown === path ? text : `${text}…`;
}

/** The node a path points into, if any: its id (when it has a usable one) and the rest of the path. */
function locate(path: readonly PathKey[], doc: unknown): { nodeId?: string; field?: string; where: string } {
  if (path[0] === 'nodes' && typeof path[1] === 'number' && isPlainObject(doc) && Array.isArray(doc.nodes)) {
    const node: unknown = doc.nodes[path[1]];
    const id = isPlainObject(node) && typeof node.id === 'string' && node.id !== '' ? node.id : undefined;
    const rest = pathText(path.slice(2));
    const label = id ? `node "${id}"` : `node ${path[1] + 1}`;
    return { nodeId: id, field: rest || undefined, where: rest ? `${label} ${rest}` : label };
  }
  if (path[0] === 'edges' && typeof path[1] === 'number' && isPlainObject(doc) && Array.isArray(doc.edges)) {
    const edge: unknown = doc.edges[path[1]];
    const id = isPlainObject(edge) && typeof edge.id === 'string' && edge.id !== '' ? edge.id : undefined;
    const rest = pathText(path.slice(2));
    const label = id ? `edge "${id}"` : `edge ${path[1] + 1}`;
    return { field: pathText(path), where: rest ? `${label} ${rest}` : label };
  }
  const text = pathText(path);
  return { field: text || undefined, where: text ? `the field "${text}"` : 'the document' };
}

function valueAt(doc: unknown, path: readonly PathKey[]): unknown {
  let current = doc;
  for (const key of path) {
    if (typeof current !== 'object' || current === null) return undefined;
    current = (current as Record<PathKey, unknown>)[key];
  }
  return current;
}

const EXPECTED_WORDS: Record<string, string> = {
  string: 'text',
  number: 'a number',
  object: 'an object',
  array: 'a list',
  record: 'an object',
  boolean: 'true or false',
};

function issueToProblems(issue: z.core.$ZodIssue, doc: unknown): Problem[] {
  const path = issue.path.filter((k): k is PathKey => typeof k !== 'symbol');
  const { nodeId, field, where } = locate(path, doc);
  const at = (message: string): Problem => ({ ...(nodeId ? { nodeId } : {}), ...(field ? { field } : {}), message });
  const found = valueAt(doc, path);
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => {
        const place = locate([...path, key], doc);
        const owner = path.length === 0 ? 'The document' : capitalize(where);
        return { ...(place.nodeId ? { nodeId: place.nodeId } : {}), field: place.field, message: `${owner} has an unknown field "${key}"; remove it` };
      });
    case 'invalid_type': {
      if (found === undefined) {
        const owner = locate(path.slice(0, -1), doc).where;
        return [at(`${capitalize(owner)} has no "${String(path.at(-1))}"; add it`)];
      }
      const expected = EXPECTED_WORDS[issue.expected] ?? issue.expected;
      return [at(`${capitalize(where)} must be ${expected}, found ${describeValue(found)}`)];
    }
    case 'invalid_value': {
      if (path.at(-1) === 'kind') {
        return [at(`${capitalize(where.replace(/ kind$/, ''))} has an unknown kind ${describeValue(found)}; use one of ${NODE_KINDS.join(', ')}`)];
      }
      return [at(`${capitalize(where)} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}, found ${describeValue(found)}`)];
    }
    case 'too_big':
      return [at(`${capitalize(where)} is too long (at most ${String(issue.maximum)})`)];
    default:
      if (path.at(-1) === 'zoom') return [at(`${capitalize(where)} must be a number above 0, found ${describeValue(found)}`)];
      return [at(`${capitalize(where)} is not valid (found ${describeValue(found)})`)];
  }
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Walks the raw value before any schema sees it: forbidden keys, nesting depth, string length,
 * non-finite numbers and anything JSON cannot hold. Nothing is copied, so nothing can be polluted.
 */
function scan(root: unknown): Problem[] {
  const problems: Problem[] = [];
  const stack: { value: unknown; path: PathKey[] }[] = [{ value: root, path: [] }];
  while (stack.length > 0 && problems.length < MAX_PROBLEMS) {
    const { value, path } = stack.pop()!;
    const here = () => locate(path, root);
    const report = (message: string) => {
      const { nodeId, field } = here();
      problems.push({ ...(nodeId ? { nodeId } : {}), ...(field ? { field } : {}), message });
    };
    if (path.length > MAX_DEPTH) {
      report(`The file nests objects and lists deeper than ${MAX_DEPTH} levels (at ${pathText(path)}); flatten it`);
      continue;
    }
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) report(`${where(path, root)} is ${String(value)}; numbers must be finite`);
      continue;
    }
    if (typeof value === 'string') {
      if (value.length > MAX_STRING_LENGTH) report(`${where(path, root)} is ${value.length} characters long; the limit is ${MAX_STRING_LENGTH}`);
      continue;
    }
    if (Array.isArray(value)) {
      for (let i = value.length - 1; i >= 0; i -= 1) stack.push({ value: value[i], path: [...path, i] });
      continue;
    }
    if (isPlainObject(value)) {
      const keys = Object.keys(value);
      for (const key of keys) {
        if (FORBIDDEN_KEYS.has(key)) {
          report(`The key "${key}" is not allowed in an AMQP Flow file (found at ${pathText([...path, key])}); remove it`);
        } else if (key.length > MAX_STRING_LENGTH) {
          report(`A key at ${pathText(path) || 'the top'} is longer than ${MAX_STRING_LENGTH} characters`);
        }
      }
      for (let i = keys.length - 1; i >= 0; i -= 1) {
        const key = keys[i]!;
        if (!FORBIDDEN_KEYS.has(key)) stack.push({ value: value[key], path: [...path, key] });
      }
      continue;
    }
    report(`${where(path, root)} holds ${typeof value === 'object' ? 'an object' : typeof value} that JSON cannot represent`);
  }
  return problems;
}

function where(path: readonly PathKey[], root: unknown): string {
  return capitalize(locate(path, root).where);
}
