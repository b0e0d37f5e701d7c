// Recordings of a run (`*.amqpflow-run.json`): the graph, every engine event and frame with their times,
// versioned and checked on open like any untrusted file.
import { EVENT_NAMES, OUTCOMES, type EngineEvent, type FrameRecord } from '../engine/events.ts';
import { parseGraphValue } from '../graph/file.ts';
import type { Graph, Problem } from '../graph/types.ts';

export const RECORDING_FORMAT = 'amqp-flow-run';
export const RECORDING_VERSION = 1;
export const RECORDING_SUFFIX = '.amqpflow-run.json';
/** Recordings larger than this are refused before parsing. */
export const MAX_RECORDING_BYTES = 200_000_000;
const MAX_PROBLEMS = 20;

export interface Recording {
  format: typeof RECORDING_FORMAT;
  version: typeof RECORDING_VERSION;
  /** when the run started, ISO 8601 */
  startedAt: string;
  graph: Graph;
  events: EngineEvent[];
  frames: FrameRecord[];
}

const KNOWN_EVENTS: ReadonlySet<string> = new Set<string>(EVENT_NAMES);
const KNOWN_OUTCOMES: ReadonlySet<string> = new Set<string>(OUTCOMES);

export function makeRecording(graph: Graph, events: readonly EngineEvent[], frames: readonly FrameRecord[], startedAt = new Date()): Recording {
  return { format: RECORDING_FORMAT, version: RECORDING_VERSION, startedAt: startedAt.toISOString(), graph, events: [...events], frames: [...frames] };
}

export function serializeRecording(r: Recording): string {
  return JSON.stringify(r);
}

/** A file name for a recording of this flow. */
export function recordingFileName(r: Recording): string {
  const stem = r.graph.name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '') || 'run';
  return `${stem}-${r.startedAt.replace(/[:.]/g, '-')}${RECORDING_SUFFIX}`;
}

export type RecordingResult = { ok: true; recording: Recording } | { ok: false; problems: Problem[] };

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isTime = (v: unknown) => typeof v === 'number' && Number.isFinite(v) && v >= 0;

function eventProblem(e: unknown, nodes: ReadonlySet<string>): string | null {
  if (!isObject(e)) return 'is not an object';
  if (!isTime(e.at)) return '"at" is not a time in ms';
  if (typeof e.event !== 'string' || !KNOWN_EVENTS.has(e.event)) return `"event" ${JSON.stringify(e.event)} is not an engine event`;
  if (typeof e.node !== 'string' || !nodes.has(e.node)) return `"node" ${JSON.stringify(e.node)} is not a node of the recorded flow`;
  if (e.event === 'CREDIT' && !(typeof e.credit === 'number' && typeof e.deliveryCount === 'number' && typeof e.queued === 'number')) return 'CREDIT needs numbers credit, deliveryCount and queued';
  if (e.event === 'TRANSFER_SETTLED' && !KNOWN_OUTCOMES.has(String(e.outcome))) return `"outcome" ${JSON.stringify(e.outcome)} is not an outcome`;
  if ((e.event.startsWith('TRANSFER_')) && typeof e.attempt !== 'number') return '"attempt" is missing';
  if (e.event === 'FAULT' && !(typeof e.fault === 'string' && typeof e.target === 'string')) return 'FAULT needs a fault name and a target';
  if (e.errorDetail !== undefined && !(isObject(e.errorDetail) && typeof e.errorDetail.condition === 'string')) return '"errorDetail" needs a condition';
  return null;
}

function frameProblem(f: unknown): string | null {
  if (!isObject(f)) return 'is not an object';
  if (!isTime(f.at)) return '"at" is not a time in ms';
  if (typeof f.connection !== 'string') return '"connection" is missing';
  if (f.dir !== 'in' && f.dir !== 'out') return '"dir" is not "in" or "out"';
  if (typeof f.performative !== 'string') return '"performative" is missing';
  if (!isObject(f.fields)) return '"fields" is not an object';
  return null;
}

/** Reads a recording file. Never throws; a refused file comes back as problems in plain words. */
export function parseRecording(text: string): RecordingResult {
  const fail = (problems: Problem[]): RecordingResult => ({ ok: false, problems: problems.slice(0, MAX_PROBLEMS) });
  if (text.length > MAX_RECORDING_BYTES) return fail([{ message: `This recording is larger than ${MAX_RECORDING_BYTES / 1_000_000} MB.` }]);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return fail([{ message: `This recording is not valid JSON (${error instanceof Error ? error.message : String(error)}).` }]);
  }
  if (!isObject(value)) return fail([{ message: 'This is not an AMQP Flow recording: expected a JSON object.' }]);
  if (value.format !== RECORDING_FORMAT) {
    const hint = value.format === 'amqp-flow' ? ' It is a flow file: open it with Import instead.' : '';
    return fail([{ field: 'format', message: `This is not an AMQP Flow recording: "format" should be "${RECORDING_FORMAT}".${hint}` }]);
  }
  if (value.version !== RECORDING_VERSION) {
    return fail([{ field: 'version', message: `This recording has version ${JSON.stringify(value.version)}; this AMQP Flow reads version ${RECORDING_VERSION}.` }]);
  }
  const unknown = Object.keys(value).filter((k) => !['format', 'version', 'startedAt', 'graph', 'events', 'frames'].includes(k));
  if (unknown.length) return fail(unknown.map((k) => ({ field: k, message: `Unknown field "${k}" in the recording.` })));
  const problems: Problem[] = [];
  if (typeof value.startedAt !== 'string' || Number.isNaN(Date.parse(value.startedAt))) problems.push({ field: 'startedAt', message: '"startedAt" is not a date.' });
  const graph = parseGraphValue(value.graph);
  if (!graph.ok) return fail([...problems, ...graph.problems.map((p) => ({ ...p, message: `The recorded flow: ${p.message}` }))]);
  const nodes = new Set(graph.graph.nodes.map((n) => n.id));
  if (!Array.isArray(value.events)) problems.push({ field: 'events', message: '"events" is not a list.' });
  if (!Array.isArray(value.frames)) problems.push({ field: 'frames', message: '"frames" is not a list.' });
  if (problems.length) return fail(problems);
  const events = value.events as unknown[];
  const frames = value.frames as unknown[];
  for (let i = 0; i < events.length && problems.length < MAX_PROBLEMS; i++) {
    const why = eventProblem(events[i], nodes);
    if (why) problems.push({ field: `events[${i}]`, message: `Event ${i + 1} ${why}.` });
  }
  for (let i = 0; i < frames.length && problems.length < MAX_PROBLEMS; i++) {
    const why = frameProblem(frames[i]);
    if (why) problems.push({ field: `frames[${i}]`, message: `Frame ${i + 1} ${why}.` });
  }
  if (problems.length) return fail(problems);
  return {
    ok: true,
    recording: {
      format: RECORDING_FORMAT,
      version: RECORDING_VERSION,
      startedAt: value.startedAt as string,
      graph: graph.graph,
      events: events as EngineEvent[],
      frames: frames as FrameRecord[],
    },
  };
}
