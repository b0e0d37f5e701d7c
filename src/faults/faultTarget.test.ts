import { describe, expect, it } from 'vitest';
import { TEMPLATES } from '../graph/templates.ts';
import type { Graph } from '../graph/types.ts';
import { menuItemState } from './faultTarget.ts';

const graph = TEMPLATES.find((t) => t.id === 'send-receive')!.graph();
const ctx = { graph, selected: [] as string[], running: true, pageHost: '127.0.0.1:5673' };

describe('which node a Faults menu item acts on', () => {
  it('needs a running flow', () => {
    expect(menuItemState('restart-broker', { ...ctx, running: false })).toEqual({ enabled: false, why: 'Press Run first: faults act on a running flow' });
  });

  it('takes the selected node, or the only connection for connection-wide faults', () => {
    expect(menuItemState('withhold-credit', { ...ctx, selected: ['rx1'] })).toEqual({ enabled: true, target: 'rx1' });
    expect(menuItemState('drop-connection', ctx)).toEqual({ enabled: true, target: 'c1' });
    expect(menuItemState('pause-queue', { ...ctx, selected: ['t1'] })).toEqual({ enabled: true, target: 't1' });
  });

  it('says what to select when the selection does not fit', () => {
    expect(menuItemState('withhold-credit', ctx)).toEqual({ enabled: false, why: 'Select a receiver first' });
    expect(menuItemState('withhold-credit', { ...ctx, selected: ['tx1'] })).toEqual({ enabled: false, why: 'Select a receiver first' });
    expect(menuItemState('duplicate-next-transfer', { ...ctx, selected: ['tx1', 'rx1'] })).toMatchObject({ enabled: false, why: expect.stringMatching(/^Select one node/) });
  });

  it('keeps broker faults for the embedded broker', () => {
    const elsewhere = { ...graph, nodes: graph.nodes.map((n) => (n.id === 'c1' ? { ...n, props: { url: 'ws://rabbit.example:15673/' } } : n)) } as Graph;
    expect(menuItemState('restart-broker', { ...ctx, graph: elsewhere })).toEqual({ enabled: false, why: "Works only on the embedded broker; this flow's connection goes to rabbit.example:15673" });
    expect(menuItemState('delay-frames', { ...ctx, graph: elsewhere })).toEqual({ enabled: true, target: 'c1' });
  });
});
