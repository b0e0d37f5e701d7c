// One decoded frame explained: what its performative does, each field present with its meaning and its
// value read in the run's context, and the delivery state, termini and error inside it. Pure data.
import type { FrameRecord } from '../../engine/events.ts';
import { DELIVERY_STATES, ERROR_COMPOSITE, TERMINI } from './composites.ts';
import { conditionEntry } from './conditions.ts';
import type { FieldEntry, TermEntry } from './glossaryTypes.ts';
import { OTHER_UNITS, PERFORMATIVES } from './performatives.ts';
import { READINGS, showValue, type FrameContext } from './readings.ts';
import { SASL_FRAMES } from './saslFrames.ts';

export interface ExplainedField {
  /** the spec's name (`link-credit`) */
  name: string;
  value: string;
  meaning: string;
  /** the value in this run's words ("rx1 may now receive 10 more messages") */
  reading?: string;
  section: string;
}

export interface ExplainedCondition {
  condition: string;
  description?: string;
  section: string;
  meaning: string;
  next: string;
}

/** A composite inside the frame: a delivery state, a source or target, an error. */
export interface ExplainedPart {
  /** the field holding it (`state`, `source`, `error`) */
  field: string;
  title: string;
  section: string;
  does: string;
  fields: ExplainedField[];
  condition?: ExplainedCondition;
}

export interface FrameExplanation {
  title: string;
  section: string;
  does: string;
  /** who sent it to whom, in words */
  who: string;
  fields: ExplainedField[];
  parts: ExplainedPart[];
}

/** Every frame kind the decoder can produce, by the name it gives them. */
export const FRAME_GLOSSARY: Readonly<Record<string, TermEntry>> = { ...PERFORMATIVES, ...SASL_FRAMES, ...OTHER_UNITS };

const COMPOSITES: Readonly<Record<string, TermEntry>> = { ...DELIVERY_STATES, ...TERMINI, error: ERROR_COMPOSITE };
const UNKNOWN: TermEntry = { title: 'unknown frame', section: '§2.3', does: 'A frame this explainer does not know.', fields: {} };

const dashed = (name: string) => name.replace(/_/g, '-');
const snake = (name: string) => name.replace(/-/g, '_').replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** The decoded fields of a composite: `{descriptor, value: {…}}`, or a described list (an error read as `[condition, description]`). */
function compositeOf(v: unknown): { name: string; fields: Record<string, unknown> } | null {
  if (!v || typeof v !== 'object' || !('descriptor' in v)) return null;
  const { descriptor, value } = v as { descriptor: unknown; value: unknown };
  const name = String(descriptor);
  const entry = COMPOSITES[name];
  if (Array.isArray(value)) {
    const keys = entry ? Object.keys(entry.fields) : [];
    const fields: Record<string, unknown> = {};
    value.forEach((x, i) => {
      if (x !== null && x !== undefined) fields[keys[i] ?? `field_${i}`] = x;
    });
    return { name, fields };
  }
  return { name, fields: value && typeof value === 'object' ? { ...(value as Record<string, unknown>) } : {} };
}

export function explainCondition(condition: string, description?: string): ExplainedCondition {
  const entry = conditionEntry(condition);
  return { condition, ...(description ? { description } : {}), section: entry.section, meaning: entry.meaning, next: entry.next };
}

function fieldsOf(entry: TermEntry, performative: string, raw: Readonly<Record<string, unknown>>, c: FrameContext | null, skip: ReadonlySet<string>): ExplainedField[] {
  const out: ExplainedField[] = [];
  for (const [key, value] of Object.entries(raw)) {
    const name = snake(key);
    if (skip.has(name) || value === null || value === undefined) continue;
    const known: FieldEntry | undefined = entry.fields[name];
    const reading = c ? READINGS[performative]?.[name]?.(value, c, normalised(raw)) : undefined;
    out.push({
      name: dashed(name),
      value: showValue(performative, name, value),
      meaning: known?.meaning ?? 'A field this explainer does not describe.',
      ...(reading ? { reading } : {}),
      section: known?.section ?? entry.section,
    });
  }
  return out;
}

function normalised(raw: Readonly<Record<string, unknown>>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(raw)) out[snake(k)] = v;
  return out;
}

function partOf(field: string, v: unknown): ExplainedPart | null {
  // a terminus written as a plain map (some peers) is still a source or target
  const plainTerminus = (field === 'source' || field === 'target') && v && typeof v === 'object' && !('descriptor' in v) && !Array.isArray(v);
  const composite = plainTerminus ? { name: field, fields: { ...(v as Record<string, unknown>) } } : compositeOf(v);
  if (!composite) return null;
  const entry = COMPOSITES[composite.name];
  if (!entry) return null;
  const error = composite.name === 'error' ? composite : compositeOf(composite.fields.error);
  const part: ExplainedPart = {
    field: dashed(field),
    title: entry.title,
    section: entry.section,
    does: entry.does,
    fields: fieldsOf(entry, composite.name, composite.fields, null, new Set(composite.name === 'error' ? [] : ['error'])),
  };
  const condition = error?.fields.condition;
  if (typeof condition === 'string') {
    const description = error?.fields.description;
    part.condition = explainCondition(condition, typeof description === 'string' ? description : undefined);
  }
  return part;
}

function whoSentence(f: FrameRecord, c: FrameContext): string {
  const about = c.node === f.connection ? `connection ${f.connection}` : `${c.kind ?? 'node'} ${c.node} (connection ${f.connection})`;
  const where = f.performative === 'header' ? '' : ` on channel ${f.channel}`;
  return f.dir === 'out' ? `Sent by ${about} to the broker${where}.` : `Received by ${about} from the broker${where}.`;
}

/**
 * Explains one frame; `node` is the graph node it belongs to (see FrameAttributor), `kind` that node's
 * kind and `session` a link's session.
 */
export function explainFrame(f: FrameRecord, node: string, kind: string | undefined, session?: string): FrameExplanation {
  const entry = FRAME_GLOSSARY[f.performative] ?? UNKNOWN;
  const context: FrameContext = { dir: f.dir, node, kind, connection: f.connection, ...(session ? { session } : {}) };
  const raw = f.fields;
  const parts: ExplainedPart[] = [];
  const nested = new Set<string>();
  for (const [key, value] of Object.entries(raw)) {
    const part = partOf(snake(key), value);
    if (part) {
      parts.push(part);
      nested.add(snake(key));
    }
  }
  const fields = fieldsOf(entry, f.performative, raw, context, new Set()).map((field) => {
    const part = nested.has(snake(field.name)) ? parts.find((p) => p.field === field.name) : undefined;
    if (!part) return field;
    const details = part.fields.map((x) => `${x.name} ${x.value}`).join(', ');
    const reading = part.condition
      ? `${part.title}: ${part.condition.condition}`
      : details
        ? `${part.title}, ${details}`
        : `${part.title}, empty (${part.field === 'source' || part.field === 'target' ? 'no address' : 'no fields'})`;
    return { ...field, reading: field.reading ?? reading };
  });
  return { title: entry.title, section: entry.section, does: entry.does, who: whoSentence(f, context), fields, parts };
}
