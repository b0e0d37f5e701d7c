import { describe, expect, it } from 'vitest';
import { parseGraphFile, serializeGraph } from './file.ts';
import { missingSecrets, restoreSecrets, secretEnvName, stripSecrets, REMOVED_BODY } from './secrets.ts';
import { runProblems } from './validate.ts';
import type { Graph } from './types.ts';

const TOKEN = 'SharedAccessSignature sr=hub&sig=abc%3D&se=1&skn=send';
const FLOW: Graph = {
  format: 'amqp-flow',
  version: 1,
  name: 'With secrets',
  nodes: [
    { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: { sasl: { mechanism: 'PLAIN', username: 'alice', password: 's3cret' }, cbs: { token: TOKEN, renewEveryMs: 60_000 } } },
    { id: 's1', kind: 'session', position: { x: 200, y: 0 }, props: {} },
    { id: 'tx1', kind: 'sender', position: { x: 400, y: 0 }, props: { address: '$cbs' } },
    { id: 't1', kind: 'transfer', position: { x: 600, y: 0 }, props: { body: TOKEN, applicationProperties: { operation: 'put-token', apiKey: 'k-123' } } },
  ],
  edges: [
    { id: 'e1', source: 'c1', target: 's1' },
    { id: 'e2', source: 's1', target: 'tx1' },
    { id: 'e3', source: 'tx1', target: 't1' },
  ],
};

describe('secrets in a flow', () => {
  it('are left out of the file, which still opens, and come back from the kept values', () => {
    const { graph, removed, secrets } = stripSecrets(FLOW);
    expect(removed.sort()).toEqual(['c1.cbs.token', 'c1.sasl.password', 't1.applicationProperties.apiKey', 't1.body']);
    const text = serializeGraph(graph);
    for (const secret of ['s3cret', 'sig=', 'k-123']) expect(text).not.toContain(secret);
    const parsed = parseGraphFile(text);
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.graph.nodes[3]!.props).toEqual({ body: REMOVED_BODY, applicationProperties: { operation: 'put-token' } });
    expect(restoreSecrets(parsed.graph, secrets)).toEqual(FLOW);
  });

  it('a flow without its secrets lists what it needs before a run, and the command line refuses the missing token', () => {
    const { graph } = stripSecrets(FLOW);
    expect(missingSecrets(graph)).toEqual([
      { nodeId: 'c1', field: 'sasl.password', label: 'SASL password for "alice" on c1' },
      { nodeId: 'c1', field: 'cbs.token', label: '$cbs token on c1' },
    ]);
    expect(runProblems(graph).map((p) => `${p.nodeId}.${p.field}`)).toContain('c1.cbs');
    expect(missingSecrets(FLOW)).toEqual([]);
    expect(runProblems(FLOW)).toEqual([]);
  });

  it('a value the flow already has wins over a kept one', () => {
    expect(restoreSecrets(FLOW, { 'c1.sasl.password': 'old' })).toBe(FLOW);
  });

  it('names the environment variables of exported code after the node', () => {
    expect(secretEnvName('c1', 'sasl.password')).toBe('AMQPFLOW_C1_PASSWORD');
    expect(secretEnvName('hub-conn', 'cbs.token')).toBe('AMQPFLOW_HUB_CONN_CBS_TOKEN');
  });
});
