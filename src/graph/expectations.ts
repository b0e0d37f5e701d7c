// What a flow must do when it runs: the optional `expect` section of the graph file, its types and
// its validation. Checking a run against it is the engine's job (engine/checkExpectations.ts).
import { MAX_COUNT, MAX_DELAY_MS, MAX_STRING_LENGTH } from './limits.ts';
import { describeValue, isJsonValue, isPlainObject } from './props.ts';
import { EXPECTED_OUTCOMES, EXPECTED_STATES, type FlowExpectations, type Problem } from './types.ts';

export { EXPECTED_OUTCOMES, EXPECTED_STATES } from './types.ts';
export type { CountExpectation, ExpectedOutcome, ExpectedState, FlowExpectations, NodeExpectation } from './types.ts';

const FLOW_KEYS = new Set(['timeLimitMs', 'embeddedOnly', 'nodes']);
const NODE_KEYS = new Set(['outcomes', 'received', 'bodies', 'state', 'error']);

function countProblem(value: unknown): string | null {
  const whole = (n: unknown) => typeof n === 'number' && Number.isInteger(n) && n >= 0 && n <= MAX_COUNT;
  if (whole(value)) return null;
  if (isPlainObject(value)) {
    const keys = Object.keys(value);
    const unknown = keys.find((k) => k !== 'min' && k !== 'max');
    if (unknown) return `has an unknown field "${unknown}"; use "min" and/or "max"`;
    if (keys.length === 0) return 'needs "min" or "max"';
    if (keys.some((k) => !whole(value[k]))) return `needs whole numbers from 0 to ${MAX_COUNT} for "min" and "max"`;
    if (typeof value.min === 'number' && typeof value.max === 'number' && value.min > value.max) return 'has "min" above "max"';
    return null;
  }
  return `must be a whole number or { "min", "max" }, found ${describeValue(value)}`;
}

function nodeProblems(nodeId: string, value: unknown): Problem[] {
  const at = (field: string, message: string): Problem => ({ nodeId, field: `expect.${field}`, message: `Expectation "${nodeId}" ${field}: ${message}` });
  if (!isPlainObject(value)) return [{ nodeId, field: 'expect', message: `The expectations for "${nodeId}" must be an object, found ${describeValue(value)}` }];
  const problems: Problem[] = [];
  for (const key of Object.keys(value)) {
    if (!NODE_KEYS.has(key)) problems.push(at(key, `unknown field; use ${[...NODE_KEYS].join(', ')}`));
  }
  if (value.outcomes !== undefined) {
    if (!isPlainObject(value.outcomes)) problems.push(at('outcomes', `must be an object such as { "accepted": 5 }, found ${describeValue(value.outcomes)}`));
    else {
      for (const [outcome, count] of Object.entries(value.outcomes)) {
        if (!(EXPECTED_OUTCOMES as readonly string[]).includes(outcome)) problems.push(at(`outcomes.${outcome}`, `unknown outcome; use one of ${EXPECTED_OUTCOMES.join(', ')}`));
        else {
          const p = countProblem(count);
          if (p) problems.push(at(`outcomes.${outcome}`, p));
        }
      }
    }
  }
  if (value.received !== undefined) {
    const p = countProblem(value.received);
    if (p) problems.push(at('received', p));
  }
  if (value.bodies !== undefined && (!Array.isArray(value.bodies) || !value.bodies.every((b) => isJsonValue(b)))) {
    problems.push(at('bodies', 'must be a list of JSON values'));
  }
  if (value.state !== undefined && !(EXPECTED_STATES as readonly unknown[]).includes(value.state)) {
    problems.push(at('state', `must be one of ${EXPECTED_STATES.map((s) => `"${s}"`).join(', ')}, found ${describeValue(value.state)}`));
  }
  if (value.error !== undefined && value.error !== false && (typeof value.error !== 'string' || value.error === '' || value.error.length > MAX_STRING_LENGTH)) {
    problems.push(at('error', `must be a condition such as "amqp:not-found", or false, found ${describeValue(value.error)}`));
  }
  return problems;
}

/** Problems with an `expect` value as found in a file; empty when it can be kept as it is. */
export function expectationProblems(value: unknown): Problem[] {
  if (!isPlainObject(value)) return [{ field: 'expect', message: `"expect" must be an object, found ${describeValue(value)}` }];
  const problems: Problem[] = [];
  for (const key of Object.keys(value)) {
    if (!FLOW_KEYS.has(key)) problems.push({ field: `expect.${key}`, message: `"expect" has an unknown field "${key}"; use ${[...FLOW_KEYS].join(', ')}` });
  }
  const { timeLimitMs, embeddedOnly, nodes } = value;
  if (timeLimitMs !== undefined && (typeof timeLimitMs !== 'number' || !Number.isInteger(timeLimitMs) || timeLimitMs < 1 || timeLimitMs > MAX_DELAY_MS)) {
    problems.push({ field: 'expect.timeLimitMs', message: `"expect.timeLimitMs" must be a whole number of milliseconds from 1 to ${MAX_DELAY_MS}, found ${describeValue(timeLimitMs)}` });
  }
  if (embeddedOnly !== undefined && (typeof embeddedOnly !== 'string' || embeddedOnly.length > MAX_STRING_LENGTH)) {
    problems.push({ field: 'expect.embeddedOnly', message: `"expect.embeddedOnly" must be text saying why, found ${describeValue(embeddedOnly)}` });
  }
  if (nodes !== undefined) {
    if (!isPlainObject(nodes)) problems.push({ field: 'expect.nodes', message: `"expect.nodes" must be an object keyed by node id, found ${describeValue(nodes)}` });
    else for (const [id, e] of Object.entries(nodes)) problems.push(...nodeProblems(id, e));
  }
  return problems;
}

/** Expectations that name nodes the flow does not have (after a node was deleted, say). */
export function danglingExpectations(expect: FlowExpectations | undefined, nodeIds: ReadonlySet<string>): string[] {
  return Object.keys(expect?.nodes ?? {}).filter((id) => !nodeIds.has(id));
}

/** True when there is anything to check. */
export function hasExpectations(expect: FlowExpectations | undefined): boolean {
  if (!expect) return false;
  return expect.timeLimitMs !== undefined || Object.values(expect.nodes ?? {}).some((n) => Object.keys(n).length > 0);
}
