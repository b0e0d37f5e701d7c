import { describe, expect, it } from 'vitest';
import type { FrameRecord } from './events.ts';
import { frameLabel, sequenceToMermaid, sequenceToSvg } from './sequenceExport.ts';

const frames: FrameRecord[] = [
  { at: 1, connection: 'c1', dir: 'out', channel: 0, performative: 'open', fields: { container_id: 'page#1;<x>' } },
  { at: 2.4, connection: 'c1', dir: 'in', channel: 0, performative: 'open', fields: { container_id: 'broker' } },
  { at: 3, connection: 'c2', dir: 'out', channel: 0, performative: 'attach', fields: { handle: 0, role: true, source: { descriptor: 'source', value: { address: 'q&a' } } } },
  { at: 4, connection: 'c2', dir: 'in', channel: 0, performative: 'flow', fields: { handle: 0, link_credit: 10, delivery_count: 0, drain: false } },
  { at: 5, connection: 'c1', dir: 'in', channel: 0, performative: 'disposition', fields: { first: 0, last: 0, settled: true, state: { descriptor: 'accepted', value: [] } } },
  { at: 6, connection: 'c1', dir: 'out', channel: 0, performative: 'transfer', fields: { handle: 0, delivery_id: 0, settled: false }, message: { summary: 'Hello!', size: 40 } },
];

describe('sequence diagram export', () => {
  it('labels each arrow with the performative and its key fields', () => {
    expect(frames.map(frameLabel)).toEqual([
      'open container-id=page#1;<x>',
      'open container-id=broker',
      'attach handle=0 role=receiver source=q&a',
      'flow handle=0 link-credit=10 delivery-count=0 drain=false',
      'disposition first=0 last=0 settled=true state=accepted',
      'transfer handle=0 delivery-id=0 settled=false "Hello!"',
    ]);
  });

  it('writes Mermaid with a page and a broker participant per connection, escaping what Mermaid would misread', () => {
    expect(sequenceToMermaid(frames, 'Two; #connections')).toBe(
      [
        'sequenceDiagram',
        '  title Two#59; #35;connections',
        '  participant page_c1 as c1 (page)',
        '  participant broker_c1 as broker (c1)',
        '  participant page_c2 as c2 (page)',
        '  participant broker_c2 as broker (c2)',
        '  page_c1->>broker_c1: 1 ms open container-id=page#35;1#59;#lt;x#gt;',
        '  broker_c1-->>page_c1: 2 ms open container-id=broker',
        '  page_c2->>broker_c2: 3 ms attach handle=0 role=receiver source=q&a',
        '  broker_c2-->>page_c2: 4 ms flow handle=0 link-credit=10 delivery-count=0 drain=false',
        '  broker_c1-->>page_c1: 5 ms disposition first=0 last=0 settled=true state=accepted',
        '  page_c1->>broker_c1: 6 ms transfer handle=0 delivery-id=0 settled=false "Hello!"',
        '',
      ].join('\n'),
    );
  });

  it('keeps participant ids to letters, digits and underscores whatever the node id', () => {
    const text = sequenceToMermaid([{ ...frames[0]!, connection: 'my conn-1' }]);
    expect(text).toContain('participant page_my_conn_1 as my conn-1 (page)');
  });

  it('writes a standalone SVG with one arrow group per frame and its text escaped', () => {
    const svg = sequenceToSvg(frames, 'A <flow>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g class="frame"/g)).toHaveLength(frames.length);
    expect(svg).toContain('A &lt;flow&gt;');
    expect(svg).toContain('source=q&amp;a');
    expect(svg).not.toContain('<x>');
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it('draws an empty trace as just the frame of the picture', () => {
    expect(sequenceToMermaid([])).toBe('sequenceDiagram\n');
    expect(sequenceToSvg([])).not.toContain('<g class="frame"');
  });
});
