// Code export (b): the flow in the platform's agent style (Squirrel, amqp.openconnection → opensession →
// opensender/openreceiver → createtransfer → sendasync), one callback per object and no switch fall-through,
// for teaching how the canvas maps onto that API.
import { effectiveProps } from '../graph/defaults.ts';
import type { Graph, GraphNode, JsonValue, TransferProps } from '../graph/types.ts';
import { childrenOf } from '../graph/wiring.ts';
import { commentText, fileStem, nodeIdentifiers } from './identifiers.ts';
import { squirrelCbsCode, squirrelCbsStart } from './squirrelCbs.ts';

export function squirrelFileName(graph: Graph): string {
  return `${fileStem(graph.name)}.agent.nut`;
}

/** A Squirrel string literal: quotes, backslashes and control characters escaped. */
export function squirrelQuote(text: string): string {
  let out = '"';
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (ch === '"') out += '\\"';
    else if (ch === '\\') out += '\\\\';
    else if (ch === '\n') out += '\\n';
    else if (ch === '\r') out += '\\r';
    else if (ch === '\t') out += '\\t';
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

/** A JSON value as a Squirrel expression (tables use string keys). */
function squirrelValue(v: JsonValue | undefined): string {
  if (v === undefined || v === null) return 'null';
  if (typeof v === 'string') return squirrelQuote(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return `[${v.map(squirrelValue).join(', ')}]`;
  return `{ ${Object.entries(v).map(([k, x]) => `[${squirrelQuote(k)}] = ${squirrelValue(x)}`).join(', ')} }`;
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function generateSquirrel(graph: Graph): string {
  const ids = nodeIdentifiers(graph);
  const v = (id: string) => ids.get(id)!;
  const handler = (id: string) => `on${cap(v(id))}Event`;
  const lines: string[] = [
    `// ${commentText(graph.name)} — exported from AMQP Flow in the platform's agent style (Squirrel).`,
    '// Each object gets its own callback(event, errorDetail); every case ends with break (no fall-through).',
    '// Transfers queue in the sender until the broker grants credit; each send attempt is a new transfer.',
    '',
  ];
  const declared = graph.nodes.filter((n) => n.kind !== 'transfer');
  for (const n of declared) lines.push(`${v(n.id)} <- null; // ${n.kind} ${commentText(n.id)}`);

  const connections = graph.nodes.filter((n): n is GraphNode<'connection'> => n.kind === 'connection');
  for (const c of connections) {
    const sessions = childrenOf(graph, c.id).filter((n) => n.kind === 'session');
    const openSessions = sessions.map((s) => `${v(s.id)} = ${v(c.id)}.opensession(${handler(s.id)});`);
    const cbs = c.props.cbs;
    if (cbs) lines.push('', ...squirrelCbsCode(c.id, v(c.id), effectiveProps(c).url, cbs, squirrelQuote, openSessions));
    lines.push('', ...callback(handler(c.id), c.id, 'CONNECTION', cbs ? squirrelCbsStart(v(c.id)) : openSessions));
    for (const s of sessions) {
      const links = childrenOf(graph, s.id);
      const opens = links.flatMap((l) => {
        if (l.kind === 'sender') return [`${v(l.id)} = ${v(s.id)}.opensender(${squirrelQuote(effectiveProps(l).address ?? '')}, ${handler(l.id)});`];
        if (l.kind === 'receiver') {
          const p = effectiveProps(l);
          return [`${v(l.id)} = ${v(s.id)}.openreceiver(${squirrelQuote(p.dynamic ? '' : p.address ?? '')}, ${handler(l.id)}, on${cap(v(l.id))}Messages);`];
        }
        return [];
      });
      lines.push('', ...callback(handler(s.id), s.id, 'SESSION', opens));
      for (const l of links) {
        if (l.kind === 'sender') {
          const transfers = childrenOf(graph, l.id).filter((t): t is GraphNode<'transfer'> => t.kind === 'transfer');
          lines.push('', ...callback(handler(l.id), l.id, 'SENDER', transfers.map((t) => `send${cap(v(t.id))}(1);`)));
          for (const t of transfers) lines.push('', ...transferFunction(t, v(l.id), v(t.id)));
        } else if (l.kind === 'receiver') {
          lines.push('', ...callback(handler(l.id), l.id, 'RECEIVER', []), '', ...messagesFunction(l, v(l.id)));
        }
      }
    }
  }
  lines.push('', '// Open the connections; everything else follows from their events.');
  for (const c of connections) {
    const p = effectiveProps(c);
    const notes = [
      p.sasl.mechanism === 'PLAIN' ? `SASL PLAIN as ${commentText(p.sasl.username ?? '')}` : '',
      p.containerId ? `container id ${commentText(p.containerId)}` : '',
      p.idleTimeoutMs ? `idle timeout ${p.idleTimeoutMs} ms` : '',
    ].filter(Boolean);
    if (notes.length) lines.push(`// The platform API has no option for: ${notes.join(', ')}.`);
    lines.push(`${v(c.id)} = amqp.openconnection(${squirrelQuote(p.url || 'amqps://<your-broker>:5671')}, ${handler(c.id)});`);
  }
  return `${lines.join('\n')}\n`;
}

function callback(name: string, nodeId: string, kind: string, onOpen: string[]): string[] {
  return [
    `// ${kind.toLowerCase()} ${commentText(nodeId)}`,
    `function ${name}(event, errorDetail) {`,
    '  if (errorDetail) {',
    `    server.error(${squirrelQuote(`${nodeId} `)} + event + ": " + errorDetail);`,
    '    return;',
    '  }',
    '  switch (event) {',
    `    case "${kind}_OPEN":`,
    `      server.log(${squirrelQuote(`${nodeId} open`)});`,
    ...onOpen.map((l) => `      ${l}`),
    '      break;',
    `    case "${kind}_CLOSED":`,
    `      server.log(${squirrelQuote(`${nodeId} closed`)});`,
    '      break;',
    '  }',
    '}',
  ];
}

function messageExpression(p: TransferProps): string {
  const body = typeof p.body === 'string' ? squirrelQuote(p.body) : `http.jsonencode(${squirrelValue(p.body ?? null)})`;
  const props = p.applicationProperties && Object.keys(p.applicationProperties).length ? `, ${squirrelValue(p.applicationProperties)}` : '';
  return `amqp.createmessage(${body}${props})`;
}

function transferFunction(t: GraphNode<'transfer'>, sender: string, name: string): string[] {
  const p = effectiveProps(t);
  const count = Math.max(0, Math.floor(p.count));
  const unsupported = (['messageId', 'correlationId', 'replyTo', 'to', 'subject', 'contentType', 'durable', 'ttlMs'] as const).filter((k) => p[k] !== undefined);
  const lines = [
    `// transfer ${commentText(t.id)}: ${count} attempt${count === 1 ? '' : 's'}, one new transfer each`,
    ...(unsupported.length ? [`// The platform's createmessage has no field for: ${unsupported.join(', ')}.`] : []),
    `function send${cap(name)}(attempt) {`,
    `  local transfer = ${sender}.createtransfer(${messageExpression(p)});`,
    '  transfer.sendasync(function() {',
    `    server.log(${squirrelQuote(`${t.id} attempt `)} + attempt + " sent");`,
    '  });',
    `  if (attempt < ${count}) {`,
    `    imp.wakeup(${(p.intervalMs / 1000).toFixed(3)}, function() {`,
    `      send${cap(name)}(attempt + 1);`,
    '    });',
    '  }',
    '}',
  ];
  if (p.startAfterMs > 0) lines.push(`// Start after ${p.startAfterMs} ms: call send${cap(name)}(1) from imp.wakeup(${(p.startAfterMs / 1000).toFixed(3)}, …) instead.`);
  return lines;
}

function messagesFunction(r: GraphNode<'receiver'>, name: string): string[] {
  const p = effectiveProps(r);
  return [
    `// receiver ${commentText(r.id)}: messages arrive as an array of deliveries`,
    ...(p.creditWindow === 0 ? ['// The flow grants credit by hand here; the platform API manages credit on its own.'] : []),
    `function on${cap(name)}Messages(deliveries) {`,
    '  foreach (delivery in deliveries) {',
    '    local message = delivery.message();',
    `    server.log(${squirrelQuote(`${r.id} received: `)} + message.body());`,
    p.autoAccept ? '    delivery.accept();' : '    // settled by hand in the flow: call delivery.accept(), .reject() or .release() when decided',
    '  }',
    '}',
  ];
}
