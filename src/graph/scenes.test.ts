import { describe, expect, it } from 'vitest';
import { parseGraphFile, parseGraphValue, serializeGraph } from './file.ts';

const base = {
  format: 'amqp-flow',
  version: 1,
  name: 'presented flow',
  nodes: [
    { id: 'c1', kind: 'connection', position: { x: 0, y: 0 }, props: {} },
    { id: 's1', kind: 'session', position: { x: 200, y: 0 }, props: {} },
  ],
  edges: [{ id: 'e1', source: 'c1', target: 's1' }],
};

describe('scenes in the flow file', () => {
  it('keeps scenes in order through a save and a load', () => {
    const scenes = [
      { title: 'The connection', notes: 'One TCP connection, many sessions.', spotlight: ['c1'] },
      { title: 'Now break it', spotlight: ['c1', 's1'], fault: { fault: 'restart-broker', target: 'c1', downMs: 500 } },
      { title: 'The end' },
    ];
    const parsed = parseGraphValue({ ...base, scenes });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect(parsed.graph.scenes).toEqual(scenes);
    const again = parseGraphFile(serializeGraph(parsed.graph));
    expect(again.ok && again.graph.scenes).toEqual(scenes);
  });

  it('loads older files without scenes and writes none back', () => {
    const parsed = parseGraphValue(base);
    expect(parsed.ok && parsed.graph.scenes).toBeUndefined();
    if (parsed.ok) expect(serializeGraph(parsed.graph)).not.toContain('"scenes"');
  });

  it('ignores spotlight ids that name no node (deleted since), so editing never breaks the file', () => {
    const parsed = parseGraphValue({ ...base, scenes: [{ title: 'Gone', spotlight: ['rx9'] }] });
    expect(parsed.ok).toBe(true);
  });

  it('refuses a malformed scene, saying where', () => {
    const cases: [unknown, RegExp][] = [
      [[{ notes: 'no title' }], /scenes/],
      [[{ title: 'x', fault: { fault: 'melt-broker' } }], /fault/],
      [[{ title: 'x', fault: { fault: 'delay-frames', ms: -1 } }], /ms|whole number/],
      [[{ title: 'x', colour: 'red' }], /unknown field "colour"/],
      ['not a list', /scenes/],
    ];
    for (const [scenes, message] of cases) {
      const parsed = parseGraphValue({ ...base, scenes });
      expect(parsed.ok).toBe(false);
      if (!parsed.ok) expect(parsed.problems.map((p) => `${p.field ?? ''} ${p.message}`).join('\n')).toMatch(message);
    }
  });
});
