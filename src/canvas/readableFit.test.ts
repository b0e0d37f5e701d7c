import { describe, expect, it } from 'vitest';
import { EDGE_MARGIN_PX, readableViewport } from './readableFit.ts';

const options = { padding: 0.05, minZoom: 1, maxZoom: 1.25 };

describe('readableViewport', () => {
  it('centres a small flow at the largest zoom', () => {
    const v = readableViewport({ x: 0, y: 0, width: 200, height: 100 }, 1000, 500, options);
    expect(v.zoom).toBe(1.25);
    expect(v.x).toBe((1000 - 250) / 2);
    expect(v.y).toBe((500 - 125) / 2);
  });

  it('zooms out to fit while text stays at or above the readable zoom', () => {
    const v = readableViewport({ x: 0, y: 0, width: 1000, height: 100 }, 1000, 500, { ...options, minZoom: 0.5 });
    expect(v.zoom).toBeCloseTo(0.9);
    expect(v.x).toBeCloseTo(50);
  });

  it('stops at the readable zoom and shows the flow from its top-left corner', () => {
    const v = readableViewport({ x: 100, y: 40, width: 3000, height: 2000 }, 1000, 500, options);
    expect(v.zoom).toBe(1);
    expect(v.x).toBe(1000 * 0.05 - 100);
    expect(v.y).toBe(500 * 0.05 - 40);
  });

  it('fits a flow that only fits readably without the padding, centred, rather than leaving its end off screen', () => {
    // 470 high in a 500 canvas: too tall for 5 % padding (450) at zoom 1, not for the edge margin (476).
    const v = readableViewport({ x: 0, y: 0, width: 600, height: 470 }, 1000, 500, options);
    expect(v.zoom).toBe(1);
    expect(v.y).toBe(15);
    expect(470 + 2 * EDGE_MARGIN_PX).toBeLessThanOrEqual(500);
  });

  describe('with the mini map in the bottom-right corner', () => {
    const corner = { width: 230, height: 180 };
    const covers = (b: { x: number; y: number; width: number; height: number }, v: { x: number; y: number; zoom: number }, w: number, h: number) =>
      (b.x + b.width) * v.zoom + v.x > w - corner.width && (b.y + b.height) * v.zoom + v.y > h - corner.height;

    it('leaves a flow alone that stays clear of the corner', () => {
      const wide = { x: 0, y: 0, width: 900, height: 100 };
      expect(readableViewport(wide, 1000, 500, { ...options, minZoom: 0.5, corner })).toEqual(readableViewport(wide, 1000, 500, { ...options, minZoom: 0.5 }));
    });

    it('fits a flow that would reach under it beside it, so cards growing downwards stay clear', () => {
      const diagonal = { x: 0, y: 0, width: 600, height: 400 };
      expect(covers(diagonal, readableViewport(diagonal, 1000, 500, { ...options, minZoom: 0.5 }), 1000, 500)).toBe(true);
      const v = readableViewport(diagonal, 1000, 500, { ...options, minZoom: 0.5, corner });
      expect(covers(diagonal, v, 1000, 500)).toBe(false);
      expect(600 * v.zoom + v.x).toBeLessThanOrEqual(1000 - corner.width);
    });

    it('fits it above when beside it the flow would not be readable', () => {
      const wide = { x: 0, y: 0, width: 900, height: 250 };
      const v = readableViewport(wide, 1000, 500, { ...options, minZoom: 1, corner });
      expect(v.zoom).toBe(1);
      expect(covers(wide, v, 1000, 500)).toBe(false);
      expect(250 + v.y).toBeLessThanOrEqual(500 - corner.height);
    });

    it('never zooms under readable to keep clear: a flow too big for that covers the corner', () => {
      const big = { x: 0, y: 0, width: 3000, height: 2000 };
      const v = readableViewport(big, 1000, 500, { ...options, corner });
      expect(v.zoom).toBe(1);
    });
  });
});
