import { describe, expect, it } from 'vitest';
import { expectPageFlow, landPageFlow, loadFlow, runWhenFlowLoaded, useFlowLoad } from './flowLoad.ts';

/** A load the test finishes by hand: resolve(true) puts its flow in, resolve(false) refuses it. */
function manualLoad(what: string) {
  let finish!: (loaded: boolean) => void;
  let isNewest!: () => boolean;
  const done = loadFlow(what, (newest) => {
    isNewest = newest;
    return new Promise<boolean>((resolve) => (finish = resolve));
  });
  return { finish, done, isNewest: () => isNewest() };
}

describe('flow loading and Run', () => {
  it('lets Run go at once when nothing loads', async () => {
    expect(useFlowLoad.getState()).toEqual({ loading: null, runWaiting: false });
    await expect(runWhenFlowLoaded()).resolves.toBe(true);
  });

  it('holds a Run pressed while loading until the flow is in, and says so meanwhile', async () => {
    const load = manualLoad('Send and receive');
    expect(useFlowLoad.getState()).toEqual({ loading: 'Send and receive', runWaiting: false });
    const run = runWhenFlowLoaded();
    expect(useFlowLoad.getState().runWaiting).toBe(true);
    await expect(runWhenFlowLoaded()).resolves.toBe(false); // a second press is the same run
    load.finish(true);
    await expect(run).resolves.toBe(true);
    await expect(load.done).resolves.toBe(true);
    expect(useFlowLoad.getState()).toEqual({ loading: null, runWaiting: false });
  });

  it('runs nothing when the load fails, and clears the loading state', async () => {
    const load = manualLoad('broken.amqpflow.json');
    const run = runWhenFlowLoaded();
    load.finish(false);
    await expect(run).resolves.toBe(false);
    expect(useFlowLoad.getState()).toEqual({ loading: null, runWaiting: false });
    await expect(runWhenFlowLoaded()).resolves.toBe(true); // the next press runs what is there
  });

  it('waits for every load in flight; the pick made last decides, an earlier one landing late is told it is stale', async () => {
    const first = manualLoad('first');
    const second = manualLoad('second');
    expect(useFlowLoad.getState().loading).toBe('second');
    const run = runWhenFlowLoaded();
    second.finish(true);
    await second.done;
    expect(useFlowLoad.getState().loading).toBe('second'); // the first is still in flight
    expect(first.isNewest()).toBe(false);
    first.finish(false);
    await expect(run).resolves.toBe(true);
  });

  it('clears the loading state when a load throws', async () => {
    const thrown = loadFlow('x', () => Promise.reject(new Error('chunk failed')));
    await expect(thrown).rejects.toThrow('chunk failed');
    expect(useFlowLoad.getState()).toEqual({ loading: null, runWaiting: false });
  });

  it('holds Run for the flow the page was opened with until its feature lands it', async () => {
    expectPageFlow('the lesson', new Promise(() => {}));
    expect(useFlowLoad.getState().loading).toBe('the lesson');
    const run = runWhenFlowLoaded();
    landPageFlow(true);
    await expect(run).resolves.toBe(true);
    expect(useFlowLoad.getState()).toEqual({ loading: null, runWaiting: false });
    landPageFlow(true); // nothing expected: nothing happens
  });

  it('lets go of the page flow when its feature fails to load, and runs nothing', async () => {
    let fail!: (err: Error) => void;
    expectPageFlow('the lesson', new Promise((_, reject) => (fail = reject)));
    const run = runWhenFlowLoaded();
    fail(new Error('chunk failed'));
    await expect(run).resolves.toBe(false);
    expect(useFlowLoad.getState()).toEqual({ loading: null, runWaiting: false });
  });
});
