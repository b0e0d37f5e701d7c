// Each start of a lesson gets queues of its own: the addresses of the lesson's flow get a short tag
// (`orders` → `orders-7k2q`), so messages left on a shared broker by an earlier run, another learner
// or another lesson cannot change a count. What names those addresses follows: every `address`,
// `to` and `replyTo` in the flow, the checks and the solutions, and `code` spans in the text that are
// exactly one of them. The learner sees the real address everywhere.
import type { Graph } from '../graph/types.ts';
import type { Lesson } from './lessonFile.ts';

/** Fields that hold an address, at any depth (node props, events' and frames' fields). */
const ADDRESS_KEYS = new Set(['address', 'to', 'replyTo']);
/** Fields read by the learner, where an address written as `code` follows. */
const PROSE_KEYS = new Set(['text', 'title', 'summary', 'question', 'why', 'hints', 'label']);

const TAG_LETTERS = 'abcdefghijkmnpqrstuvwxyz23456789'; // no 0/o or 1/l to misread when typed

/** A fresh tag for one start of a lesson: four letters and digits. */
export function newAddressTag(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(4));
  return Array.from(bytes, (b) => TAG_LETTERS[b % TAG_LETTERS.length]).join('');
}

/** Tags used by this page: what progress.ts accepts back from storage. */
export const isAddressTag = (value: unknown): value is string => typeof value === 'string' && /^[a-z0-9]{1,12}$/.test(value);

/** `orders` → `orders-7k2q`. The tag goes before the first dot, so `orders.dlq` (the embedded broker's
 *  dead-letter queue for `orders`) becomes `orders-7k2q.dlq`, the one for `orders-7k2q`. */
export function taggedAddress(address: string, tag: string): string {
  const dot = address.indexOf('.');
  return dot < 0 ? `${address}-${tag}` : `${address.slice(0, dot)}-${tag}${address.slice(dot)}`;
}

/** Each address the flow names, with its tagged form. Broker nodes (`$cbs`) and references to a
 *  receiver (`@rx1`) keep their names. */
export function lessonAddresses(flow: Graph, tag: string): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const node of flow.nodes) {
    for (const [key, value] of Object.entries(node.props)) {
      if (!ADDRESS_KEYS.has(key) || typeof value !== 'string' || value === '' || /^[$@]/.test(value)) continue;
      map.set(value, taggedAddress(value, tag));
    }
  }
  return map;
}

function renamed(value: unknown, key: string, map: ReadonlyMap<string, string>): unknown {
  if (typeof value === 'string') {
    if (ADDRESS_KEYS.has(key)) return map.get(value) ?? value;
    if (PROSE_KEYS.has(key)) return value.replace(/`([^`]+)`/g, (span, inner: string) => (map.has(inner) ? `\`${map.get(inner)}\`` : span));
    return value;
  }
  if (Array.isArray(value)) return value.map((item) => renamed(item, key, map));
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, renamed(v, k, map)]));
  }
  return value;
}

/** The flow with its addresses tagged (`starved` → `starved-7k2q`): queues of its own on a shared broker. */
export function flowWithOwnAddresses(flow: Graph, tag: string): Graph {
  const map = lessonAddresses(flow, tag);
  return map.size === 0 ? flow : (renamed(flow, 'flow', map) as Graph);
}

/** The lesson as this start takes it: its flow's addresses tagged, and everything naming them. */
export function withOwnAddresses(lesson: Lesson, tag: string): Lesson {
  const map = lessonAddresses(lesson.flow, tag);
  if (map.size === 0) return lesson;
  return {
    ...lesson,
    ...(lesson.summary ? { summary: renamed(lesson.summary, 'summary', map) as string } : {}),
    flow: renamed(lesson.flow, 'flow', map) as Graph,
    steps: renamed(lesson.steps, 'steps', map) as Lesson['steps'],
  };
}
