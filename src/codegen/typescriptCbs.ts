// The claims-based security handshake in the exported TypeScript program, as the engine does it
// (src/engine/cbs.ts): after the open, one extra session with a sender to "$cbs" and a receiver on
// a reply address; put-token with the SAS token read from an environment variable (never written
// into the file); the flow's sessions begin once the broker answers 200/202; renewed on a timer.
import type { CbsProps } from '../graph/types.ts';
import { commentText, quote } from './identifiers.ts';

const DEFAULT_TOKEN_TYPE = 'servicebus.windows.net:sastoken';
const DEFAULT_RENEW_MS = 45 * 60 * 1000;
const REPLY_TIMEOUT_MS = 10_000;

/** The environment variable the program reads this connection's token from. */
export function cbsTokenVariable(nodeId: string, only: boolean): string {
  return only ? 'AMQP_FLOW_CBS_TOKEN' : `AMQP_FLOW_CBS_TOKEN_${nodeId.toUpperCase().replace(/[^A-Z0-9]+/g, '_')}`;
}

/**
 * `putToken_<name>(onAccepted)` for one connection; the audience defaults to the host of the URL it
 * connects to (`<name>Url`), as in the engine.
 */
export function typeScriptCbsCode(nodeId: string, name: string, cbs: CbsProps, variable: string): string[] {
  const audience = cbs.audience ? quote(cbs.audience) : `'amqps://' + new URL(${name}Url).hostname + '/'`;
  const renewMs = Math.max(1000, cbs.renewEveryMs ?? DEFAULT_RENEW_MS);
  return [
    '',
    `// ---- claims-based security for ${commentText(nodeId)}: put-token on "$cbs" before the sessions begin ----`,
    `// The SAS token ("SharedAccessSignature sr=…&sig=…&se=…&skn=…") comes from the environment: ${variable}=… npx tsx <this file>`,
    `const ${name}CbsToken = process.env.${variable} ?? '';`,
    `function putToken_${name}(onAccepted: () => void): void {`,
    `  if (!${name}CbsToken) {`,
    `    ended(${name}Endpoint, { condition: 'amqp-flow:cbs-rejected', description: 'No SAS token: set ${variable} to "SharedAccessSignature sr=…&sig=…&se=…&skn=…"' });`,
    `    ${name}.close();`,
    '    return;',
    '  }',
    `  const session = ${name}.create_session();`,
    '  session.begin();',
    "  const replyTo = 'cbs-reply-' + Math.random().toString(36).slice(2, 10);",
    "  const sender = session.open_sender({ target: { address: '$cbs' }, name: replyTo + '-put' } as never);",
    '  const receiver = session.open_receiver({ source: { address: replyTo }, target: { address: replyTo }, name: replyTo, credit_window: 10, autoaccept: true } as never);',
    "  for (const outcome of ['accepted', 'rejected', 'released', 'modified', 'settled'] as const) sender.on(outcome, () => {});",
    '  const unsent: { id: string; renewal: boolean }[] = [];',
    '  const waiting = new Map<string, { renewal: boolean; timer: ReturnType<typeof setTimeout> }>();',
    '  let receiverOpen = false;',
    '  let first = true;',
    '  let seq = 0;',
    '  const flush = (): void => {',
    '    while (receiverOpen && unsent.length && sender.sendable()) {',
    '      const { id } = unsent.shift()!;',
    `      sender.send({ message_id: id, reply_to: replyTo, to: '$cbs', application_properties: { operation: 'put-token', type: ${quote(cbs.tokenType ?? DEFAULT_TOKEN_TYPE)}, name: ${audience} }, body: ${name}CbsToken });`,
    '    }',
    '  };',
    '  const answered = (id: string, status: number, description: string): void => {',
    '    const w = waiting.get(id);',
    '    if (!w) return;',
    '    clearTimeout(w.timer);',
    '    waiting.delete(id);',
    '    const ok = status === 200 || status === 202;',
    "    const detail = ok ? undefined : { condition: status ? 'amqp-flow:cbs-rejected' : 'amqp-flow:cbs-timeout', description: (status ? status + ' ' : '') + description };",
    "    if (status || w.renewal) print(" + quote(nodeId) + ", 'CBS_TOKEN', { status, description, renewal: w.renewal, ...(detail ? { errorDetail: detail } : {}) });",
    '    if (!first || w.renewal) return;',
    '    first = false;',
    '    if (detail) {',
    `      ended(${name}Endpoint, detail);`,
    `      ${name}.close();`,
    '      return;',
    '    }',
    `    setInterval(() => put(true), ${renewMs}).unref();`,
    '    onAccepted();',
    '  };',
    '  const put = (renewal: boolean): void => {',
    "    const id = 'put-token-' + ++seq;",
    `    const timer = setTimeout(() => answered(id, 0, 'No reply to the put-token on "$cbs" within ${REPLY_TIMEOUT_MS / 1000} s'), ${REPLY_TIMEOUT_MS});`,
    '    timer.unref();',
    '    waiting.set(id, { renewal, timer });',
    '    unsent.push({ id, renewal });',
    '    flush();',
    '  };',
    "  sender.on('sendable', flush);",
    "  receiver.on('receiver_open', () => {",
    '    receiverOpen = true;',
    '    flush();',
    '  });',
    "  receiver.on('message', (ctx: EventContext) => {",
    '    const props = (ctx.message?.application_properties ?? {}) as Record<string, unknown>;',
    "    answered(String(ctx.message?.correlation_id ?? ''), Number(props['status-code'] ?? 0), String(props['status-description'] ?? ''));",
    '  });',
    '  put(false);',
    '}',
  ];
}
