// Turns graph node ids and flow names into safe identifiers, literals and one-line comments for generated code.
import type { Graph } from '../graph/types.ts';

const RESERVED = new Set([
  'break', 'case', 'catch', 'class', 'const', 'continue', 'debugger', 'default', 'delete', 'do', 'else', 'enum', 'export',
  'extends', 'false', 'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'new', 'null', 'return', 'super',
  'switch', 'this', 'throw', 'true', 'try', 'typeof', 'var', 'void', 'while', 'with', 'let', 'static', 'yield', 'await',
  'local', 'foreach', 'resume', 'clone', 'constructor', 'base', 'amqp', 'server', 'imp', 'http', 'rhea', 'WebSocket',
]);

/** One identifier per node, unique within the graph, stable for the same graph. */
export function nodeIdentifiers(graph: Graph): Map<string, string> {
  const used = new Set<string>();
  const out = new Map<string, string>();
  for (const n of graph.nodes) {
    let base = n.id.replace(/[^A-Za-z0-9_]/g, '_');
    if (!/^[A-Za-z_]/.test(base)) base = `${n.kind}_${base}`;
    if (RESERVED.has(base)) base = `${base}_${n.kind}`;
    let name = base;
    for (let i = 2; used.has(name) || RESERVED.has(name); i++) name = `${base}_${i}`;
    used.add(name);
    out.set(n.id, name);
  }
  return out;
}

/** A double-quoted string literal valid in both TypeScript and Squirrel. */
export function quote(text: string): string {
  return JSON.stringify(text).replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

/** Text safe inside a `//` comment: one line, no control characters, at most `max` characters. */
export function commentText(text: string, max = 120): string {
  // eslint-disable-next-line no-control-regex -- control characters would break the comment line
  const line = text.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** A file name made from the flow's name: lower case, dashes, never empty. */
export function fileStem(name: string): string {
  const stem = name.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60);
  return stem || 'flow';
}
