import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../graph/templates.ts';
import type { Graph } from '../graph/types.ts';
import { generateTypeScript, typeScriptFileName } from './typescript.ts';

function syntaxErrors(src: string): string[] {
  const out = ts.transpileModule(src, { reportDiagnostics: true, compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 } });
  return (out.diagnostics ?? []).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
}

const awkward: Graph = {
  format: 'amqp-flow',
  version: 1,
  name: 'Line\nbreak */ and "quotes"',
  nodes: [
    { id: 'new', kind: 'connection', position: { x: 0, y: 0 }, props: { url: 'ws://h:1/', hostname: 'vhost', idleTimeoutMs: 5000, maxFrameSize: 65536, channelMax: 16, containerId: 'me' } },
    { id: 's-1', kind: 'session', position: { x: 0, y: 0 }, props: { incomingWindow: 10, outgoingWindow: 20 } },
    { id: 'tx', kind: 'sender', position: { x: 0, y: 0 }, props: { address: "it's", sndSettleMode: 'settled' } },
    { id: 't`${x}', kind: 'transfer', position: { x: 0, y: 0 }, props: { body: 'x\u2028y', ttlMs: 100, replyTo: '@rx' } },
    { id: 'rx', kind: 'receiver', position: { x: 0, y: 0 }, props: { dynamic: true } },
  ],
  edges: [
    { id: 'e1', source: 'new', target: 's-1' },
    { id: 'e2', source: 's-1', target: 'tx' },
    { id: 'e3', source: 'tx', target: 't`${x}' },
    { id: 'e4', source: 's-1', target: 'rx' },
  ],
};

describe('TypeScript export', () => {
  it('produces a program without syntax errors for every template and for awkward ids and names', () => {
    for (const g of [...TEMPLATES.map((t) => t.graph()), awkward]) expect(syntaxErrors(generateTypeScript(g)), g.name).toEqual([]);
  });

  it('connects with the connection\'s options and the session\'s windows', () => {
    const src = generateTypeScript(awkward);
    expect(src).toContain('containerId: "me", hostname: "vhost"');
    expect(src).toContain('idleTimeoutMs: 5000, maxFrameSize: 65536, channelMax: 16');
    expect(src).toContain('create_session({ incoming: 10, outgoing: 2048 }');
    expect(src).toContain('outgoing_window = 20');
  });

  it('pre-settles a "settled" sender and waits for the dynamic receiver before sending a replyTo to it', () => {
    const src = generateTypeScript(awkward);
    expect(src).toContain('new SenderQueue("tx", true)');
    expect(src).toContain('withReplyTo("rx", txQueue');
    expect(src).toContain('source: { dynamic: true }');
    expect(src).toContain('ttl: 100');
  });

  it('grants the initial credit of a manual receiver right after attaching', () => {
    const src = generateTypeScript(TEMPLATES.find((t) => t.id === 'credit-starvation')!.graph());
    expect(src).toContain('credit_window: 0');
    expect(src).toContain('link.add_credit(3);');
  });

  it('rejects with the receiver\'s own condition and description', () => {
    const graph: Graph = { ...awkward, nodes: awkward.nodes.map((n) => (n.id === 'rx' ? { ...n, props: { autoAccept: false, rejectCondition: 'amqp:not-allowed' } } : n)) } as Graph;
    const src = generateTypeScript(graph);
    expect(src).toContain('rejectErrors.set("rx", {"condition":"amqp:not-allowed","description":"Rejected by hand in AMQP Flow"});');
    expect(syntaxErrors(src)).toEqual([]);
  });

  it('names the file after the flow', () => {
    expect(typeScriptFileName(TEMPLATES[0]!.graph())).toBe('hello-over-cbs.ts');
  });
});

describe('TypeScript export with claims-based security', () => {
  const withCbs = (): Graph => {
    const g = TEMPLATES.find((t) => t.id === 'send-receive')!.graph();
    g.nodes[0]!.props = { url: 'wss://ns.servicebus.windows.net:443/$servicebus/websocket', cbs: { token: 'SharedAccessSignature sr=x&sig=SECRET&se=1&skn=k', renewEveryMs: 60_000 } };
    return g;
  };

  it('puts the token read from AMQPFLOW_C1_CBS_TOKEN before the sessions begin, and never writes it into the file', () => {
    const src = generateTypeScript(withCbs());
    expect(syntaxErrors(src)).toEqual([]);
    expect(src).toContain('process.env.AMQPFLOW_C1_CBS_TOKEN');
    expect(src).toContain("operation: 'put-token'");
    expect(src).toContain('putToken_c1(() => {');
    expect(src).toContain('setInterval(() => put(true), 60000)');
    expect(src).not.toContain('SECRET');
  });
});
