// A check in words, for the list under a do or goal step ("rx1 received ≥ 7").
import type { Check } from './lessonSchema.ts';

function flat(value: unknown, prefix = ''): string[] {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    return Object.entries(value).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k));
  }
  return [`${prefix.replace(/^value\.|\.value\./g, (m) => (m === 'value.' ? '' : '.'))}=${JSON.stringify(value)}`];
}

function comparison(c: { equals?: unknown; min?: number; max?: number }): string {
  const parts: string[] = [];
  if (c.equals !== undefined) parts.push(`= ${String(c.equals)}`);
  if (c.min !== undefined) parts.push(`≥ ${c.min}`);
  if (c.max !== undefined) parts.push(`≤ ${c.max}`);
  return parts.join(' and ');
}

export function describeCheck(c: Check): string {
  switch (c.type) {
    case 'node': {
      const what = c.node ?? `a ${c.kind ?? 'node'}`;
      const props = c.props ? ` with ${flat(c.props).join(', ')}` : '';
      return c.props ? `${what}${props}` : `there is ${what}`;
    }
    case 'noNode':
      return `${c.node} is deleted`;
    case 'edge':
      return `${c.source ?? `a ${c.sourceKind ?? 'node'}`} is wired to ${c.target ?? `a ${c.targetKind ?? 'node'}`}`;
    case 'runs':
      return c.min <= 1 ? 'the flow has been run' : `the flow has been run ${c.min} times`;
    case 'status':
      return c.status === 'running' ? 'the flow is running' : 'the run has stopped';
    case 'nodeState':
      return `${c.node} is ${c.state}`;
    case 'count':
      return `${c.node} ${c.counter} ${comparison(c)}`;
    case 'credit':
      return `${c.node} credit ${comparison(c)}`;
    case 'deliveryCount':
      return `${c.node} delivery-count ${comparison(c)}`;
    case 'lastOutcome':
      return `${c.node}'s last outcome ${comparison(c)}`;
    case 'events': {
      const fields = [...(c.fields ? flat(c.fields) : []), ...(c.has ?? []).map((p) => `${p} set`)];
      const how = comparison(c);
      return `${c.event}${c.node ? ` on ${c.node}` : ''}${fields.length ? ` with ${fields.join(', ')}` : ''}${how ? ` (${how})` : ''}`;
    }
    case 'frames': {
      const fields = c.fields ? ` with ${flat(c.fields).join(', ')}` : '';
      const how = comparison(c);
      return `${c.performative} frame${c.dir ? ` ${c.dir}` : ''}${fields}${how ? ` (${how})` : ''}`;
    }
    case 'eventOrder':
      return c.events.map((e) => e.event).join(' → ');
    case 'frameOrder':
      return `${c.frames.map((f) => f.performative).join(' → ')} frames`;
    default: {
      const never: never = c;
      return never;
    }
  }
}
