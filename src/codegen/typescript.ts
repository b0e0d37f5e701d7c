// Code export (a): the flow as a runnable Node program on rhea + ws that opens the same endpoints with the
// same options and prints one JSON line per engine event, like `amqp-flow run`.
import { effectiveProps } from '../graph/defaults.ts';
import { defaultNumberType, numberProblem } from '../graph/numberFit.ts';
import { DEFAULT_REJECT_CONDITION, DEFAULT_REJECT_DESCRIPTION } from '../graph/rejectCondition.ts';
import { secretEnvName } from '../graph/secrets.ts';
import type { Graph, GraphNode, TransferProps } from '../graph/types.ts';
import { childrenOf } from '../graph/wiring.ts';
import { commentText, fileStem, nodeIdentifiers, quote } from './identifiers.ts';
import { FLOW_RUNTIME } from './runtimeText.ts';
import { cbsTokenVariable, typeScriptCbsCode } from './typescriptCbs.ts';

const SND_SETTLE = { unsettled: 0, settled: 1, mixed: 2 } as const;

const lit = (v: unknown): string => (typeof v === 'string' ? quote(v) : JSON.stringify(v) ?? 'null');

/** The file name the page offers for the TypeScript export. */
export function typeScriptFileName(graph: Graph): string {
  return `${fileStem(graph.name)}.ts`;
}

export function generateTypeScript(graph: Graph): string {
  const ids = nodeIdentifiers(graph);
  const v = (id: string) => ids.get(id)!;
  const out: string[] = [];
  const file = typeScriptFileName(graph);
  out.push(
    `// ${commentText(graph.name)} — exported from AMQP Flow.`,
    '// Opens the flow with rhea over WebSocket and prints one JSON line per event, then a summary line.',
    `// Run: npx tsx ${file} [--url ws://host:port/path] [--quiet-ms 500] [--timeout-ms 30000]`,
    '// While it runs, stdin takes "credit <receiver> <n>", "drain <receiver>", "accept|reject|release|modify <receiver> <deliveryId>" and "stop".',
    FLOW_RUNTIME.trimEnd(),
  );
  // secrets come from the environment, never from the file (AMQPFLOW_C1_PASSWORD, AMQPFLOW_C1_CBS_TOKEN)
  const withCbs = graph.nodes.filter((n) => n.kind === 'connection' && n.props.cbs);
  const secrets = [...secretVariables(graph), ...withCbs.map((c) => cbsTokenVariable(c.id, withCbs.length === 1))];
  if (secrets.length) out.splice(3, 0, `// Secrets are read from the environment, never stored here: ${secrets.map((s) => `${s}=…`).join(' ')} npx tsx ${file}`);
  for (const c of graph.nodes) if (c.kind === 'connection') out.push(...connectionCode(graph, c, v, withCbs.length === 1));
  return `${out.join('\n')}\n`;
}

function connectionCode(graph: Graph, c: GraphNode<'connection'>, v: (id: string) => string, onlyCbs: boolean): string[] {
  const p = effectiveProps(c);
  const name = v(c.id);
  const containerId = p.containerId || `amqp-flow-${c.id}`;
  const spec: string[] = [
    `url: ${name}Url`,
    `subprotocols: ${lit(p.subprotocols)}`,
    `containerId: ${lit(containerId)}`,
    ...(p.hostname ? [`hostname: ${lit(p.hostname)}`] : []),
    `sasl: ${saslLiteral(c.id, p.sasl)}`,
    ...(p.idleTimeoutMs ? [`idleTimeoutMs: ${p.idleTimeoutMs}`] : []),
    ...(p.maxFrameSize ? [`maxFrameSize: ${p.maxFrameSize}`] : []),
    ...(p.channelMax !== undefined ? [`channelMax: ${p.channelMax}`] : []),
    `reconnect: ${p.reconnect}`,
  ];
  const sessions = childrenOf(graph, c.id).filter((n): n is GraphNode<'session'> => n.kind === 'session');
  const lines = [
    '',
    `// ==== connection ${commentText(c.id)} (amqp.openconnection) ====`,
    `const ${name}Url = requireUrl(${lit(c.id)}, URL_OVERRIDE || ${lit(p.url)});`,
    `const ${name}: Connection = connect({ ${spec.join(', ')} });`,
    `const ${name}Endpoint = track(${lit(c.id)}, 'CONNECTION', null, () => ({ url: ${name}Url }), () => ${name}.close());`,
    `${name}.on('connection_open', () => {`,
    `  opened(${name}Endpoint, { containerId: ${lit(containerId)} });`,
    // With cbs, the sessions begin once the broker has accepted the token.
    ...(p.cbs
      ? [`  putToken_${name}(() => {`, ...sessions.map((s) => `    open_${v(s.id)}();`), '  });']
      : sessions.map((s) => `  open_${v(s.id)}();`)),
    '});',
    `${name}.on('connection_error', (ctx: EventContext) => ended(${name}Endpoint, ctx.connection.error ?? { condition: 'amqp:internal-error', description: 'connection error' }));`,
    `${name}.on('connection_close', () => ended(${name}Endpoint));`,
    `${name}.on('protocol_error', (ctx: EventContext) => ended(${name}Endpoint, { condition: 'amqp:connection:framing-error', description: String(ctx.error ?? 'protocol error') }));`,
    `${name}.on('disconnected', (ctx: EventContext) => ended(${name}Endpoint, stopping ? undefined : socketFailure(ctx.error)));`,
  ];
  if (p.cbs) lines.push(...typeScriptCbsCode(c.id, name, p.cbs, cbsTokenVariable(c.id, onlyCbs)));
  for (const s of sessions) lines.push(...sessionCode(graph, s, name, v));
  return lines;
}

/** The environment variables the program reads its secrets from (AMQPFLOW_C1_PASSWORD, …). */
function secretVariables(graph: Graph): string[] {
  return graph.nodes.flatMap((n) => (n.kind === 'connection' && needsPassword(effectiveProps(n).sasl) ? [secretEnvName(n.id, 'sasl.password')] : []));
}

const needsPassword = (sasl: { mechanism: string; username?: string; password?: string }) => sasl.mechanism === 'PLAIN' && (sasl.password !== undefined || !!sasl.username);

function saslLiteral(nodeId: string, sasl: { mechanism: string; username?: string; password?: string }): string {
  const parts = [`mechanism: ${lit(sasl.mechanism)}`];
  if (sasl.username !== undefined) parts.push(`username: ${lit(sasl.username)}`);
  // the password is read from the environment: the exported file never holds it
  if (needsPassword(sasl)) parts.push(`password: secretFromEnv(${lit(secretEnvName(nodeId, 'sasl.password'))}, ${lit(`the SASL password of connection ${nodeId}`)})`);
  return `{ ${parts.join(', ')} }`;
}

function sessionCode(graph: Graph, s: GraphNode<'session'>, conn: string, v: (id: string) => string): string[] {
  const p = effectiveProps(s);
  const name = v(s.id);
  const links = childrenOf(graph, s.id).filter((n) => n.kind === 'sender' || n.kind === 'receiver');
  const lines = [
    '',
    `// ---- session ${commentText(s.id)} on ${commentText(conn)} (conn.opensession) ----`,
    `let ${name}: Session | undefined;`,
    `const ${name}Endpoint = track(${lit(s.id)}, 'SESSION', ${conn}Endpoint, () => ({}), () => ${name}?.close());`,
    `function open_${name}(): void {`,
    p.incomingWindow ? `  const session = ${conn}.create_session({ incoming: ${p.incomingWindow}, outgoing: 2048 } as never);` : `  const session = ${conn}.create_session();`,
  ];
  if (p.outgoingWindow !== undefined) {
    lines.push(
      '  // rhea always advertises the largest outgoing window; this session asks for another.',
      `  (session as unknown as { outgoing: { window: number } }).outgoing.window = ${p.outgoingWindow};`,
      `  (session as unknown as { local: { begin: { outgoing_window: number } } }).local.begin.outgoing_window = ${p.outgoingWindow};`,
    );
  }
  lines.push(
    `  ${name} = session;`,
    `  session.on('session_open', () => {`,
    `    opened(${name}Endpoint);`,
    ...links.map((l) => `    open_${v(l.id)}();`),
    '  });',
    `  session.on('session_error', () => ended(${name}Endpoint, session.error ?? { condition: 'amqp:internal-error', description: 'session error' }));`,
    `  session.on('session_close', () => ended(${name}Endpoint));`,
    '  session.begin();',
    '}',
  );
  for (const l of links) {
    if (l.kind === 'sender') lines.push(...senderCode(graph, l, name, v));
    else if (l.kind === 'receiver') lines.push(...receiverCode(l, name, v));
  }
  return lines;
}

function senderCode(graph: Graph, s: GraphNode<'sender'>, session: string, v: (id: string) => string): string[] {
  const p = effectiveProps(s);
  const name = v(s.id);
  const address = p.address ?? '';
  const transfers = childrenOf(graph, s.id).filter((n): n is GraphNode<'transfer'> => n.kind === 'transfer');
  const target = p.address ? `{ address: ${lit(p.address)} }` : '{}';
  const lines = [
    '',
    `// ---- sender ${commentText(s.id)} → ${commentText(address || '(anonymous)')} (session.opensender) ----`,
    `const ${name}Queue = new SenderQueue(${lit(s.id)}, ${p.sndSettleMode === 'settled'});`,
    `queues.set(${lit(s.id)}, ${name}Queue);`,
    `let ${name}: Sender | undefined;`,
    `const ${name}Endpoint = track(${lit(s.id)}, 'SENDER', ${session}Endpoint, () => ({ address: ${lit(address)} }), () => ${name}?.close());`,
    `function open_${name}(): void {`,
    `  const link = ${session}!.open_sender({ target: ${target}, snd_settle_mode: ${SND_SETTLE[p.sndSettleMode]}, rcv_settle_mode: ${p.rcvSettleMode === 'second' ? 1 : 0}, treat_modified_as_released: false } as never);`,
    `  ${name} = link;`,
    `  link.on('sender_open', () => {`,
    `    ${name}Queue.attach(link);`,
    `    opened(${name}Endpoint, { address: (link.target as { address?: string } | undefined)?.address ?? ${lit(address)} });`,
    `    reportCredit(${lit(s.id)});`,
    ...transfers.map((t) => `    ${v(t.id)}.start();`),
    '  });',
    `  for (const name of ['sendable', 'sender_flow', 'sender_draining'] as const) link.on(name, () => ${name}Queue.pump());`,
    `  for (const name of ['accepted', 'rejected', 'released', 'modified', 'settled'] as const) {`,
    `    link.on(name, (ctx: EventContext) => ctx.delivery && ${name}Queue.outcome(ctx.delivery));`,
    '  }',
    `  link.on('sender_error', () => ended(${name}Endpoint, link.error ?? { condition: 'amqp:internal-error', description: 'sender error' }));`,
    `  link.on('sender_close', () => ended(${name}Endpoint));`,
    '}',
  ];
  for (const t of transfers) lines.push(...transferCode(t, name, v));
  return lines;
}

/** Each number typed as the engine sends it (picked type, else int, long or double), not rhea's default uint. */
function applicationPropertiesLiteral(p: TransferProps): string {
  const picked = p.applicationPropertyTypes ?? {};
  const entries = Object.entries(p.applicationProperties ?? {}).map(([k, v]) => {
    if (typeof v !== 'number') return `${lit(k)}: ${lit(v)}`;
    const type = picked[k] && !numberProblem(v, picked[k]) ? picked[k] : defaultNumberType(v);
    return `${lit(k)}: rhea.types.wrap_${type}(${lit(v)})`;
  });
  return `{ ${entries.join(', ')} }`;
}

function messageLiteral(p: TransferProps, id: string, replyToVar: string | null): string {
  const fields: string[] = [`message_id: ${p.messageId !== undefined ? lit(p.messageId) : `${lit(`${id}-`)} + attempt`}`];
  if (p.contentType !== undefined) fields.push(`content_type: ${lit(p.contentType)}`);
  if (p.subject !== undefined) fields.push(`subject: ${lit(p.subject)}`);
  if (p.correlationId !== undefined) fields.push(`correlation_id: ${lit(p.correlationId)}`);
  if (replyToVar) fields.push(`reply_to: ${replyToVar}`);
  else if (p.replyTo !== undefined) fields.push(`reply_to: ${lit(p.replyTo)}`);
  if (p.to !== undefined) fields.push(`to: ${lit(p.to)}`);
  if (p.applicationProperties && Object.keys(p.applicationProperties).length) fields.push(`application_properties: ${applicationPropertiesLiteral(p)}`);
  if (p.durable !== undefined) fields.push(`durable: ${p.durable}`);
  if (p.ttlMs !== undefined && p.ttlMs > 0) fields.push(`ttl: ${p.ttlMs}`);
  fields.push(`body: ${lit(p.body ?? null)}`);
  return `{ ${fields.join(', ')} }`;
}

function transferCode(t: GraphNode<'transfer'>, sender: string, v: (id: string) => string): string[] {
  const p = effectiveProps(t);
  const name = v(t.id);
  const count = Math.max(0, Math.floor(p.count));
  const replyReceiver = p.replyTo && p.replyTo.startsWith('@') && p.replyTo.length > 1 ? p.replyTo.slice(1) : null;
  const create = replyReceiver
    ? `(attempt) => withReplyTo(${lit(replyReceiver)}, ${sender}Queue, ${lit(t.id)}, attempt, (replyTo) => (${messageLiteral(p, t.id, 'replyTo')}))`
    : `(attempt) => ${sender}Queue.enqueue({ transfer: ${lit(t.id)}, attempt, build: () => (${messageLiteral(p, t.id, null)}) })`;
  return [
    '',
    `// ---- transfer ${commentText(t.id)}: ${count} attempt${count === 1 ? '' : 's'} (sender.createtransfer + transfer.sendasync) ----`,
    `const ${name} = new Transfer(${lit(t.id)}, ${sender}Queue.node, ${count}, ${p.intervalMs}, ${p.startAfterMs}, ${create});`,
  ];
}

function receiverCode(r: GraphNode<'receiver'>, session: string, v: (id: string) => string): string[] {
  const p = effectiveProps(r);
  const name = v(r.id);
  const manual = p.creditWindow === 0;
  const source = p.dynamic ? '{ dynamic: true }' : `{ address: ${lit(p.address ?? '')} }`;
  const how = [manual ? `manual credit, ${p.initialCredit} at attach` : `credit window ${p.creditWindow}`, p.autoAccept ? 'accepts automatically' : 'settled by hand'];
  return [
    '',
    `// ---- receiver ${commentText(r.id)} ← ${commentText(p.dynamic ? '(dynamic)' : p.address ?? '')}: ${how.join(', ')} (session.openreceiver) ----`,
    `let ${name}: Receiver | undefined;`,
    ...(p.autoAccept || (p.rejectCondition === undefined && p.rejectDescription === undefined) ? [] : [`rejectErrors.set(${lit(r.id)}, ${lit({ condition: p.rejectCondition || DEFAULT_REJECT_CONDITION, description: p.rejectDescription || DEFAULT_REJECT_DESCRIPTION })});`]),
    `const ${name}Endpoint = track(${lit(r.id)}, 'RECEIVER', ${session}Endpoint, () => ({ address: ${lit(p.address ?? '')} }), () => ${name}?.close());`,
    `creditLinks.set(${lit(r.id)}, () => (${name} ? { ...counters(${name}), queued: 0 } : null));`,
    `function open_${name}(): void {`,
    `  const link = ${session}!.open_receiver({ source: ${source} as never, credit_window: ${manual ? 0 : p.creditWindow}, autoaccept: ${p.autoAccept}, rcv_settle_mode: ${p.rcvSettleMode === 'second' ? 1 : 0} } as never);`,
    ...(manual && p.initialCredit > 0 ? [`  link.add_credit(${p.initialCredit});`] : []),
    `  link.on('receiver_open', () => {`,
    `    ${name} = link;`,
    `    receiverLinks.set(${lit(r.id)}, link);`,
    `    const address = (link.source as { address?: string } | undefined)?.address ?? ${lit(p.address ?? '')};`,
    `    opened(${name}Endpoint, { address });`,
    `    receiverSettled(${lit(r.id)}, address);`,
    `    reportCredit(${lit(r.id)});`,
    '  });',
    `  link.on('receiver_flow', creditChanged);`,
    `  link.on('receiver_drained', creditChanged);`,
    `  link.on('message', (ctx: EventContext) => {`,
    `    if (!ctx.delivery || !ctx.message) return;`,
    `    print(${lit(r.id)}, 'MESSAGE_RECEIVED', { deliveryId: ctx.delivery.id, ...readMessage(ctx.message) });`,
    p.autoAccept
      ? `    print(${lit(r.id)}, 'MESSAGE_SETTLED', { deliveryId: ctx.delivery.id, outcome: 'accepted' }); // rhea accepted it before this handler ran`
      : `    hold(${lit(r.id)}, ctx.delivery); // settle it from stdin: accept|reject|release|modify ${commentText(r.id)} <deliveryId>`,
    '    creditChanged();',
    '  });',
    `  link.on('receiver_error', () => ended(${name}Endpoint, link.error ?? { condition: 'amqp:internal-error', description: 'receiver error' }));`,
    `  link.on('receiver_close', () => ended(${name}Endpoint));`,
    '}',
  ];
}
