// Waiting for a run's events: the first one, already seen or still to come, that a test expects.
// The engine's test harness and the interop suite's event log both wait through this.

export class EventWaiters<E> {
  private waiters: { test: (e: E) => boolean; ok: (e: E) => void }[] = [];

  /** `seen`: the events so far, which the owner appends to before calling `notify`. */
  constructor(private readonly seen: readonly E[]) {}

  /** Resolves the waits the new event satisfies. */
  notify(e: E): void {
    this.waiters = this.waiters.filter((w) => (w.test(e) ? (w.ok(e), false) : true));
  }

  /** Resolves with the first event (past or future) passing `test`; rejects with `why()` after `ms`. */
  waitFor(test: (e: E) => boolean, ms: number, why: () => string): Promise<E> {
    const seen = this.seen.find(test);
    if (seen !== undefined) return Promise.resolve(seen);
    return new Promise<E>((ok, fail) => {
      const timer = setTimeout(() => {
        this.waiters = this.waiters.filter((w) => w.ok !== done);
        fail(new Error(why()));
      }, ms);
      const done = (e: E) => {
        clearTimeout(timer);
        ok(e);
      };
      this.waiters.push({ test, ok: done });
    });
  }
}
