// Waiting in real-socket tests: for a state only polling can see (a queue's depth, frames, a count
// kept by a client), and a plain pause where a test must let time pass to show nothing happens.

export const sleep = (ms: number) => new Promise<void>((ok) => setTimeout(ok, ms));

/** Polls `check` every 10 ms until it holds; fails naming `what` (read only then) after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, what: string | (() => string) = 'condition', ms = 10_000): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`never happened within ${ms} ms: ${typeof what === 'string' ? what : what()}`);
    await sleep(10);
  }
}
