import { describe, expect, it } from 'vitest';
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import type { Graph } from '../graph/types.ts';
import { makeRecording, parseRecording, serializeRecording } from './recording.ts';
import { SCRUBBED, withoutSecrets } from './scrubSecrets.ts';

const PASSWORD = 'pa55-word-9';
const TOKEN = 'SharedAccessSignature sr=hub&sig=abcdefgh%3D&se=1&skn=send';
const hex = (s: string) => Buffer.from(s).toString('hex');

const graph: Graph = {
  format: 'amqp-flow', version: 1, name: 'Secret run',
  nodes: [{ id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: { sasl: { mechanism: 'PLAIN', username: 'alice', password: PASSWORD }, cbs: { token: TOKEN } } }],
  edges: [],
};
const frames: FrameRecord[] = [
  { at: 1, connection: 'c1', dir: 'out', channel: 0, performative: 'sasl-init', fields: { mechanism: 'PLAIN', initial_response: `00${hex('alice')}00${hex(PASSWORD)}` } },
  // a body summary cut short: the token's start, then an ellipsis
  { at: 2, connection: 'c1', dir: 'out', channel: 0, performative: 'transfer', fields: { handle: 0 }, message: { summary: `${TOKEN.slice(0, 30)}…`, size: 80 } },
  { at: 3, connection: 'c1', dir: 'in', channel: 0, performative: 'open', fields: { container_id: 'broker' } },
];
const events = [{ at: 1, node: 'c1', event: 'CONNECTION_OPEN', url: 'ws://h/', containerId: 'x' }] as EngineEvent[];

describe('a recording without secrets', () => {
  it('leaves out the flow\'s secrets and every frame field that carried one, and still opens', () => {
    const { recording, removed } = withoutSecrets(makeRecording(graph, events, frames, new Date(0)));
    expect(removed).toEqual(['c1.sasl.password', 'c1.cbs.token']);
    const text = serializeRecording(recording);
    expect(text).not.toContain(PASSWORD);
    expect(text).not.toContain(hex(PASSWORD));
    expect(text).not.toContain('sig=');
    expect(recording.frames[0]!.fields.initial_response).toBe(SCRUBBED);
    expect(recording.frames[1]!.message!.summary).toBe(SCRUBBED);
    expect(recording.frames[2]).toEqual(frames[2]);
    expect(parseRecording(text).ok).toBe(true);
  });
});
