import { describe, expect, it } from 'vitest';
import { panToReach } from './reachableControls.ts';

// A 1000 × 500 canvas; controls' union boxes in canvas pixels.
describe('panToReach', () => {
  it('leaves controls that are in reach where they are', () => {
    expect(panToReach([{ x: 100, y: 100, width: 200, height: 40 }], 1000, 500, null)).toEqual({ dx: 0, dy: 0 });
  });

  it('pans up by the least that brings controls under the canvas\'s bottom edge into view', () => {
    const { dx, dy } = panToReach([{ x: 100, y: 480, width: 200, height: 40 }], 1000, 500, null);
    expect(dx).toBe(0);
    expect(480 + 40 + dy).toBe(500 - 8);
  });

  it('keeps the top of controls taller than the canvas in view', () => {
    expect(panToReach([{ x: 100, y: 300, width: 200, height: 900 }], 1000, 500, null).dy).toBe(8 - 300);
    expect(panToReach([{ x: 100, y: -50, width: 200, height: 40 }], 1000, 500, null).dy).toBe(58);
  });

  it('takes controls out from under the mini map by the shorter way', () => {
    const corner = { width: 230, height: 180 };
    // low and just inside the corner's left edge: left is shorter than up
    const nearLeft = panToReach([{ x: 700, y: 400, width: 100, height: 40 }], 1000, 500, corner);
    expect(nearLeft).toEqual({ dx: 1000 - 230 - 800, dy: 0 });
    // just under the corner's top edge: up is shorter
    const nearTop = panToReach([{ x: 850, y: 300, width: 100, height: 40 }], 1000, 500, corner);
    expect(nearTop).toEqual({ dx: 0, dy: 500 - 180 - 340 });
  });

  it('leaves controls on two cards alone when their union spans the mini map\'s corner but none is in it', () => {
    const corner = { width: 230, height: 180 };
    const topRight = { x: 850, y: 40, width: 100, height: 30 };
    const bottomLeft = { x: 100, y: 440, width: 100, height: 30 };
    expect(panToReach([topRight, bottomLeft], 1000, 500, corner)).toEqual({ dx: 0, dy: 0 });
  });

  it('leaves controls under the mini map when neither way keeps them in view', () => {
    const corner = { width: 900, height: 450 };
    expect(panToReach([{ x: 100, y: 100, width: 850, height: 380 }], 1000, 500, corner)).toEqual({ dx: 0, dy: 0 });
  });
});
