// The "run until quiet" rule shared by the CLI, compare and tests: wait until every transfer attempt has settled
// and every node has finished opening, then until no message has arrived for `quietMs` since then (receivers get
// what is on its way), never past `timeoutMs` from the start; then stop the run (children closed first).
import type { Run, RunSummary } from './run.ts';

export interface QuietLimits {
  /** stop whatever is still going after this long */
  timeoutMs: number;
  /** after settling, wait until no message has arrived for this long */
  quietMs: number;
}

export interface QuietResult {
  /** `settled`: everything settled and went quiet; `timeout`: the deadline came first */
  ended: 'settled' | 'timeout';
  summary: RunSummary;
}

/** Call right after runGraph (before the run starts on the next tick) so no message is missed. */
export async function runUntilQuiet(run: Run, limits: QuietLimits): Promise<QuietResult> {
  const start = Date.now();
  const deadline = start + limits.timeoutMs;
  let lastMessageAt = start;
  const off = run.subscribe((e) => {
    if (e.event === 'MESSAGE_RECEIVED') lastMessageAt = Date.now();
  });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const timeout = new Promise<'timeout'>((ok) => (timer = setTimeout(() => ok('timeout'), limits.timeoutMs)));
    const first = await Promise.race([run.settled.then(() => 'settled' as const), timeout]);
    if (first === 'settled') {
      // the quiet spell starts when the run settled at the earliest: receivers may still be catching up
      lastMessageAt = Math.max(lastMessageAt, Date.now());
      for (;;) {
        const quietLeft = lastMessageAt + limits.quietMs - Date.now();
        const left = deadline - Date.now();
        if (quietLeft <= 0 || left <= 0) break;
        await new Promise((ok) => setTimeout(ok, Math.min(quietLeft, left)));
      }
    }
    clearTimeout(timer);
    await run.stop();
    return { ended: first, summary: run.summary() };
  } finally {
    clearTimeout(timer);
    off();
  }
}
