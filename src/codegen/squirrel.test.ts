import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../graph/templates.ts';
import type { Graph } from '../graph/types.ts';
import { generateSquirrel, squirrelQuote } from './squirrel.ts';

/** Squirrel source with string contents and comments blanked, so only code remains. */
function codeOnly(src: string): string {
  return src.replace(/"(?:[^"\\\n]|\\.)*"/g, '""').replace(/\/\/[^\n]*/g, '');
}

function balanced(src: string): boolean {
  const pairs: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  const stack: string[] = [];
  for (const ch of codeOnly(src)) {
    if ('([{'.includes(ch)) stack.push(ch);
    else if (ch in pairs && stack.pop() !== pairs[ch]) return false;
  }
  return stack.length === 0;
}

/** Every case block, from its label to the next label or the end of the switch. */
function caseBlocks(src: string): string[] {
  const code = codeOnly(src);
  const blocks: string[] = [];
  for (const sw of code.split(/switch \(event\) \{/).slice(1)) {
    const body = sw.slice(0, sw.indexOf('\n  }'));
    blocks.push(...body.split(/\n\s*case /).slice(1));
  }
  return blocks;
}

const awkward: Graph = {
  format: 'amqp-flow',
  version: 1,
  name: 'Quotes "and" \\ back\nslashes',
  nodes: [
    { id: 'conn-1', kind: 'connection', position: { x: 0, y: 0 }, props: { url: 'ws://h:1/"x"', sasl: { mechanism: 'PLAIN', username: 'u', password: 'p' } } },
    { id: '2nd session', kind: 'session', position: { x: 0, y: 0 }, props: {} },
    { id: 'switch', kind: 'sender', position: { x: 0, y: 0 }, props: { address: 'q}{' } },
    { id: 't"1', kind: 'transfer', position: { x: 0, y: 0 }, props: { body: { a: [1, 'two}'] }, count: 3, intervalMs: 250, applicationProperties: { operation: 'put-token' } } },
    { id: 'rx', kind: 'receiver', position: { x: 0, y: 0 }, props: { address: 'q', autoAccept: false, creditWindow: 0 } },
  ],
  edges: [
    { id: 'e1', source: 'conn-1', target: '2nd session' },
    { id: 'e2', source: '2nd session', target: 'switch' },
    { id: 'e3', source: 'switch', target: 't"1' },
    { id: 'e4', source: '2nd session', target: 'rx' },
  ],
};

describe('Squirrel export', () => {
  const graphs = [...TEMPLATES.map((t) => t.graph()), awkward];

  it('keeps braces, brackets and parentheses balanced for every template and for awkward names', () => {
    for (const g of graphs) expect(balanced(generateSquirrel(g)), g.name).toBe(true);
  });

  it('mentions every node of the flow', () => {
    for (const g of graphs) {
      const src = generateSquirrel(g);
      for (const n of g.nodes) expect(src, `${g.name}: ${n.id}`).toContain(n.kind === 'transfer' ? `transfer ${n.id}` : `${n.kind} ${n.id}`);
    }
  });

  it('ends every case with break, so no event falls through to the next', () => {
    for (const g of graphs) {
      const blocks = caseBlocks(generateSquirrel(g));
      expect(blocks.length).toBeGreaterThan(0);
      for (const b of blocks) expect(b.trimEnd().endsWith('break;'), b).toBe(true);
    }
  });

  it('follows the platform chain: openconnection, opensession, opensender, createtransfer, sendasync', () => {
    const src = generateSquirrel(TEMPLATES.find((t) => t.id === 'hello-cbs')!.graph());
    const order = ['amqp.openconnection(', '.opensession(', '.opensender("$cbs"', '.createtransfer(amqp.createmessage("Hello!"))', 'transfer.sendasync('];
    for (const s of order) expect(src).toContain(s);
    expect(src).toMatch(/function onC1Event\(event, errorDetail\)/);
    expect(src).toContain('c1 = amqp.openconnection(');
  });

  it('opens a receiver with a messages callback that accepts each delivery unless the flow settles by hand', () => {
    const auto = generateSquirrel(TEMPLATES.find((t) => t.id === 'send-receive')!.graph());
    expect(auto).toContain('rx1 = s1.openreceiver("examples", onRx1Event, onRx1Messages);');
    expect(auto).toContain('delivery.accept();');
    const byHand = generateSquirrel(awkward);
    expect(byHand).not.toContain('    delivery.accept();');
  });

  it('escapes quotes, backslashes and control characters in string literals', () => {
    expect(squirrelQuote('a"b\\c\nd\u0001')).toBe('"a\\"b\\\\c\\nd\\x01"');
  });

  it('turns node ids that are not identifiers (or are keywords) into distinct identifiers', () => {
    const src = generateSquirrel(awkward);
    expect(src).toContain('conn_1 <- null;');
    expect(src).toContain('session_2nd_session <- null;');
    expect(src).toContain('switch_sender <- null;');
  });
});

describe('the CBS handshake in the agent style', () => {
  const azure = (): Graph => {
    const g = TEMPLATES.find((t) => t.id === 'send-receive')!.graph();
    const c1 = g.nodes.find((n) => n.id === 'c1')!;
    c1.props = { url: 'wss://ns.servicebus.windows.net:443/$servicebus/websocket', cbs: { token: 'SharedAccessSignature sr=x&sig=SECRET&se=1&skn=k', renewEveryMs: 600_000 } };
    return g;
  };

  it('puts the token to $cbs and begins the sessions only once the broker accepts it, renewing on a timer', () => {
    const src = generateSquirrel(azure());
    expect(src).toContain('.opensender("$cbs"');
    expect(src).toContain('["operation"] = "put-token"');
    expect(src).toContain('["type"] = "servicebus.windows.net:sastoken"');
    expect(src).toContain('["name"] = "amqps://ns.servicebus.windows.net/"');
    expect(src).toContain('imp.wakeup(600, renewC1Token)');
    // The sessions open in the reply handler, not when the connection opens.
    const reply = src.slice(src.indexOf('function onC1CbsReplies'), src.indexOf('function renewC1Token'));
    expect(reply).toContain('s1 = c1.opensession(onS1Event);');
    const onOpen = src.slice(src.indexOf('function onC1Event'));
    expect(onOpen.slice(0, onOpen.indexOf('break;'))).not.toContain('s1 = c1.opensession');
    expect(balanced(src)).toBe(true);
  });

  it('never writes the token itself into the file', () => {
    expect(generateSquirrel(azure())).not.toContain('SECRET');
  });
});
