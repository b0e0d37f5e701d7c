// Modules the first paint does not need load one at a time while the browser is idle, so they never
// compete with each other or with a user's first press; the engine goes first (Run needs it soonest).

type Task = () => Promise<unknown> | void;

const queue: Task[] = [];
let scheduled = false;

function schedule() {
  if (scheduled || queue.length === 0) return;
  scheduled = true;
  const next = () => {
    scheduled = false;
    const task = queue.shift();
    if (!task) return;
    // The next task waits for this one's module, then for the next idle moment.
    void Promise.resolve()
      .then(task)
      .catch(() => undefined)
      .finally(schedule);
  };
  if (typeof requestIdleCallback === 'function') requestIdleCallback(next, { timeout: 2000 });
  else setTimeout(next, 200);
}

/** Runs `task` at the next idle moment after the tasks queued before it; `first` puts it ahead of them. */
export function whenIdle(task: Task, { first = false }: { first?: boolean } = {}): void {
  if (first) queue.unshift(task);
  else queue.push(task);
  schedule();
}
