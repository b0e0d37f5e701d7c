import { describe, expect, it } from 'vitest';
import { readableViewport } from './readableFit.ts';

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
});
