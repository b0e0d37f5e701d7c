import { COLUMN_STEP } from './cardSize.ts';
import { describe, expect, it } from 'vitest';
import { TEMPLATES } from './templates.ts';
import { CARD_WIDTH, cardText, flowToSvg } from './flowSvg.ts';

const template = (id: string) => TEMPLATES.find((t) => t.id === id)!.graph();

describe('the canvas as SVG', () => {
  it('draws one card per node with its kind, id and main text, and one curve per wire', () => {
    const g = template('send-receive');
    const svg = flowToSvg(g);
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg.match(/<g class="node"/g)).toHaveLength(g.nodes.length);
    expect(svg.match(/<path class="edge"/g)).toHaveLength(g.edges.length);
    expect(svg).toContain('data-node-id="rx1" data-kind="receiver"');
    expect(svg).toContain('>RECEIVER</text>');
    expect(svg).toContain('>Hello! × 5</text>');
    expect(svg).toContain('>embedded broker</text>');
    expect(svg).toContain('>Send and receive</text>');
  });

  it('places cards relative to the top-left node, so the picture has no empty margin beyond its padding', () => {
    const g = template('hello-cbs');
    const moved = { ...g, nodes: g.nodes.map((n) => ({ ...n, position: { x: n.position.x + 5000, y: n.position.y - 3000 } })) };
    expect(flowToSvg(moved)).toBe(flowToSvg(g));
    const width = Number(/width="(\d+)"/.exec(flowToSvg(g))![1]);
    expect(width).toBe(3 * COLUMN_STEP + CARD_WIDTH + 2 * 24);
  });

  it('shows run states and expectation verdicts when given, and escapes text from the file', () => {
    const g = template('hello-cbs');
    g.name = 'Tom & <Jerry>';
    const svg = flowToSvg(g, { states: { c1: 'open' }, checks: { t1: 'met', tx1: 'failed' } });
    expect(svg).toContain('Tom &amp; &lt;Jerry&gt;');
    expect(svg).toContain('>open</text>');
    expect(svg).toContain('>✓</text>');
    expect(svg).toContain('>✗</text>');
  });

  it('says what each kind of node talks to or carries', () => {
    const rr = template('request-reply');
    expect(rr.nodes.map((n) => cardText(n))).toEqual(['embedded broker', 'session', 'requests', 'What time is it?', 'dynamic address', 'embedded broker', 'session', 'requests']);
  });
});
