// Components the first paint does not show (a selected node's editors, a running node's live details):
// their module loads on first render, or earlier, once the browser is idle after the first paint, so
// they are usually there before anyone needs them and never weigh on the first bundle.
import { lazy, type ComponentType } from 'react';
import { whenIdle } from '../store/idleQueue.ts';

export { whenIdle };

/** React.lazy whose module also starts loading when the browser is next idle; a failed load is tried again on the next render. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the props type of any component, as React.lazy takes it
export function lazyWhenIdle<C extends ComponentType<any>>(load: () => Promise<{ default: C }>) {
  let loading: Promise<{ default: C }> | null = null;
  const once = () => {
    loading ??= load().catch((err: unknown) => {
      loading = null;
      throw err;
    });
    return loading;
  };
  whenIdle(() => once());
  return lazy(once);
}
