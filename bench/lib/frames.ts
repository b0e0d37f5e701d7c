// Frame timing inside the page: requestAnimationFrame deltas and 'longtask' entries, collected
// between start() and stop() of a recorder installed on window.__benchFrames.
import type { Page } from 'playwright-core';

export interface FrameRecording {
  /** ms between consecutive animation frames */
  deltas: number[];
  /** durations of the long tasks (each > 50 ms by the browser's definition) */
  longTasks: number[];
}

export async function startFrameRecorder(page: Page) {
  await page.evaluate(() => {
    const deltas: number[] = [];
    const longTasks: number[] = [];
    let last = 0;
    let on = true;
    const tick = (t: number) => {
      if (!on) return;
      if (last) deltas.push(t - last);
      last = t;
      requestAnimationFrame(tick);
    };
    const observer = new PerformanceObserver((list) => {
      for (const e of list.getEntries()) longTasks.push(e.duration);
    });
    observer.observe({ type: 'longtask' });
    requestAnimationFrame(tick);
    (window as unknown as { __benchFrames: () => FrameRecording }).__benchFrames = () => {
      on = false;
      for (const e of observer.takeRecords()) longTasks.push(e.duration);
      observer.disconnect();
      return { deltas, longTasks };
    };
  });
}

export function stopFrameRecorder(page: Page): Promise<FrameRecording> {
  return page.evaluate(() => (window as unknown as { __benchFrames: () => FrameRecording }).__benchFrames());
}
