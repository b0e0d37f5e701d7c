import { compressToEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../graph/templates.ts';
import type { Graph } from '../graph/types.ts';
import { MAX_SHARE_CHARS, looksSecret, readSharePayload, sharePayload, shareUrl, stripSecrets } from './shareLink.ts';

const withSecrets: Graph = {
  format: 'amqp-flow',
  version: 1,
  name: 'Azure put-token',
  nodes: [
    { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: { url: 'wss://hub.example/$servicebus/websocket', sasl: { mechanism: 'PLAIN', username: 'owner', password: 'hunter2' } } },
    { id: 's1', kind: 'session', position: { x: 200, y: 0 }, props: {} },
    { id: 'tx1', kind: 'sender', position: { x: 400, y: 0 }, props: { address: '$cbs' } },
    {
      id: 't1', kind: 'transfer', position: { x: 600, y: 0 },
      props: { body: 'SharedAccessSignature sr=hub&sig=abc%3D&se=1', applicationProperties: { operation: 'put-token', type: 'servicebus.windows.net:sastoken', name: 'amqp://hub/q', apiKey: 'k-123' } },
    },
  ],
  edges: [
    { id: 'e1', source: 'c1', target: 's1' },
    { id: 'e2', source: 's1', target: 'tx1' },
    { id: 'e3', source: 'tx1', target: 't1' },
  ],
};

const payloadOf = (url: string) => sharePayload(url.slice(url.indexOf('#')))!;

describe('share links', () => {
  it('round-trips every template through the link unchanged', () => {
    for (const t of TEMPLATES) {
      const g = t.graph();
      const r = shareUrl(g, 'http://127.0.0.1:1/app?x=1#old');
      if (!r.ok) throw new Error(r.message);
      expect(r.url.startsWith('http://127.0.0.1:1/app?x=1#share=')).toBe(true);
      const back = readSharePayload(payloadOf(r.url));
      expect(back).toEqual({ ok: true, graph: g });
    }
  });

  it('leaves out the CBS token of a connection, keeps the rest of the setting, and the flow still opens', () => {
    const g: Graph = { ...withSecrets, nodes: [{ id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: { url: 'wss://hub.example/$servicebus/websocket', cbs: { token: 'SharedAccessSignature sr=hub&sig=zzz%3D&se=1', renewEveryMs: 60_000 } } }], edges: [] };
    const r = shareUrl(g, 'http://h/');
    if (!r.ok) throw new Error(r.message);
    expect(r.removed).toEqual(['c1.cbs.token']);
    const back = readSharePayload(payloadOf(r.url));
    if (!back.ok) throw new Error(JSON.stringify(back.problems));
    expect(JSON.stringify(back.graph)).not.toContain('sig=zzz');
    expect(back.graph.nodes[0]!.props).toEqual({ url: 'wss://hub.example/$servicebus/websocket', cbs: { renewEveryMs: 60_000 } });
  });

  it('leaves out the SASL password, the SAS token body and secret-looking application properties by default', () => {
    const r = shareUrl(withSecrets, 'http://h/');
    if (!r.ok) throw new Error(r.message);
    expect(r.removed.sort()).toEqual(['c1.sasl.password', 't1.applicationProperties.apiKey', 't1.body'].sort());
    const back = readSharePayload(payloadOf(r.url));
    if (!back.ok) throw new Error('not ok');
    const text = JSON.stringify(back.graph);
    expect(text).not.toContain('hunter2');
    expect(text).not.toContain('sig=abc');
    expect(text).not.toContain('k-123');
    expect(text).toContain('"username":"owner"');
    expect(text).toContain('"operation":"put-token"');
    expect(text).toContain('servicebus.windows.net:sastoken');
  });

  it('keeps every secret when they are asked for explicitly', () => {
    const r = shareUrl(withSecrets, 'http://h/', { includeSecrets: true });
    if (!r.ok) throw new Error(r.message);
    expect(r.removed).toEqual([]);
    expect(readSharePayload(payloadOf(r.url))).toEqual({ ok: true, graph: withSecrets });
  });

  it('does not change the flow it strips', () => {
    const before = JSON.stringify(withSecrets);
    stripSecrets(withSecrets);
    expect(JSON.stringify(withSecrets)).toBe(before);
  });

  it('says what is wrong with an empty, damaged or invalid payload, and never throws', () => {
    const msg = (p: string) => {
      const r = readSharePayload(p);
      return r.ok ? 'ok' : r.problems.map((x) => x.message).join(' | ');
    };
    expect(msg('')).toMatch(/empty/);
    expect(msg('%%%not-lz%%%')).toMatch(/damaged/);
    expect(msg(compressToEncodedURIComponent('{"format":'))).toMatch(/not JSON/);
    expect(msg(compressToEncodedURIComponent(JSON.stringify({ format: 'amqp-flow', version: 1, nodes: [{ id: 'x', kind: 'bogus', position: { x: 0, y: 0 } }], edges: [] })))).toMatch(/kind/i);
    expect(msg('A'.repeat(MAX_SHARE_CHARS + 1))).toMatch(/longer than/);
  });

  it('refuses to make a link longer than the limit and says to export instead', () => {
    const big: Graph = { ...withSecrets, nodes: withSecrets.nodes.map((n) => (n.kind === 'transfer' ? { ...n, props: { body: Array.from({ length: 60_000 }, (_, i) => (i * 7919) % 10007).join(',') } } : n)) };
    const r = shareUrl(big, 'http://h/');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.message).toMatch(/Use Export/);
  });

  it('recognises a share fragment and nothing else', () => {
    expect(sharePayload('#share=abc')).toBe('abc');
    expect(sharePayload('#other=abc')).toBeNull();
    expect(sharePayload('')).toBeNull();
  });

  it('treats SAS tokens and key-like property names as secrets, and plain ones as not', () => {
    expect(looksSecret('name', 'SharedAccessSignature sr=a&sig=b')).toBe(true);
    expect(looksSecret('password', 'x')).toBe(true);
    expect(looksSecret('operation', 'put-token')).toBe(false);
    expect(looksSecret('name', 'amqp://hub/q')).toBe(false);
  });
});
