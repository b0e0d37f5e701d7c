// The one-line fault grammar of the CLI's `--fault <spec>` (and of lessons and scripts):
//
//   <fault>[:<target>][,<param>=<value>…][@<when>]
//   <when> = <ms since the run started> | after:<EVENT>[:<node>][:<n>]
//
//   drop-connection@2000
//   restart-broker@after:TRANSFER_SENT:t1:3          (after t1's third TRANSFER_SENT)
//   reject-next:tx1,count=2,condition=amqp:resource-limit-exceeded@after:SENDER_OPEN:tx1
//   delay-frames:c1,ms=300@0
//
// Without `@<when>` the fault is injected as soon as every node has opened (`after:open`).
import { FAULT_NAMES, isFaultName, type FaultSpec } from './faults.ts';

export type FaultWhen =
  | { atMs: number }
  /** the n-th event of this name (on this node, when given) */
  | { after: { event: string; node?: string; n: number } }
  /** once every node is open */
  | { afterOpen: true };

export interface TimedFault {
  spec: FaultSpec;
  when: FaultWhen;
}

const NUMBER_PARAMS = ['count', 'ms', 'perSecond', 'downMs'] as const;
const BOOLEAN_PARAMS = ['keepQueues', 'on'] as const;

export function parseFaultText(text: string): TimedFault | { error: string } {
  const at = text.lastIndexOf('@');
  const head = at < 0 ? text : text.slice(0, at);
  const whenText = at < 0 ? null : text.slice(at + 1);
  const [nameTarget = '', ...params] = head.split(',');
  const colon = nameTarget.indexOf(':');
  const name = colon < 0 ? nameTarget : nameTarget.slice(0, colon);
  if (!isFaultName(name)) return { error: `--fault: unknown fault "${name}"; one of ${FAULT_NAMES.join(', ')}` };
  const spec: FaultSpec = { fault: name };
  if (colon >= 0) {
    const target = nameTarget.slice(colon + 1);
    if (!target) return { error: `--fault ${text}: the target after ":" is empty` };
    spec.target = target;
  }
  for (const p of params) {
    const eq = p.indexOf('=');
    const key = eq < 0 ? p : p.slice(0, eq);
    const value = eq < 0 ? '' : p.slice(eq + 1);
    if ((NUMBER_PARAMS as readonly string[]).includes(key)) {
      const n = Number(value);
      if (value === '' || !Number.isFinite(n)) return { error: `--fault ${text}: ${key} needs a number, not "${value}"` };
      (spec as unknown as Record<string, number>)[key] = n;
    } else if ((BOOLEAN_PARAMS as readonly string[]).includes(key)) {
      if (value !== 'true' && value !== 'false' && value !== '') return { error: `--fault ${text}: ${key} is true or false, not "${value}"` };
      (spec as unknown as Record<string, boolean>)[key] = value !== 'false';
    } else if (key === 'condition' || key === 'target') {
      if (!value) return { error: `--fault ${text}: ${key} needs a value` };
      spec[key] = value;
    } else {
      return { error: `--fault ${text}: unknown parameter "${key}"; known: target, ${[...NUMBER_PARAMS, ...BOOLEAN_PARAMS].join(', ')}, condition` };
    }
  }
  const when = parseWhen(whenText);
  if ('error' in when) return { error: `--fault ${text}: ${when.error}` };
  return { spec, when };
}

function parseWhen(text: string | null): FaultWhen | { error: string } {
  if (text === null || text === 'after:open') return { afterOpen: true };
  if (/^\d+$/.test(text)) return { atMs: Number(text) };
  const m = /^after:([A-Z_]+)(?::([^:]+))?(?::(\d+))?$/.exec(text);
  if (!m) return { error: `"@${text}" is neither a time in ms nor after:<EVENT>[:<node>][:<n>]` };
  const n = m[3] === undefined ? 1 : Number(m[3]);
  if (n < 1) return { error: 'the count after the node starts at 1' };
  return { after: { event: m[1]!, ...(m[2] !== undefined ? { node: m[2] } : {}), n } };
}

/** The spec written back in the same grammar (for messages and lesson files). */
export function formatFaultText({ spec, when }: TimedFault): string {
  const { fault, target, ...params } = spec;
  const head = [target ? `${fault}:${target}` : fault, ...Object.entries(params).map(([k, v]) => `${k}=${String(v)}`)].join(',');
  if ('afterOpen' in when) return head;
  if ('atMs' in when) return `${head}@${when.atMs}`;
  const a = when.after;
  return `${head}@after:${a.event}${a.node !== undefined ? `:${a.node}` : ''}${a.n !== 1 ? `:${a.n}` : ''}`;
}
