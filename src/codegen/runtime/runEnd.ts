// ---- the end of a run: every attempt settled and nothing opening, then a quiet spell; or the timeout ----
import { QUIET_MS, TIMEOUT_MS, summary, lastMessageAt } from './commandLine.ts';
import { endpoints, ended } from './endpoints.ts';
import { queues } from './senderQueue.ts';
import { totalAttempts, settledAttempts, transfersOf } from './transfers.ts';
import { addressWaiters, receiverSettled } from './receivers.ts';
export let stopping = false;
let quietTimer: ReturnType<typeof setTimeout> | undefined;
export function checkDone(): void {
  if (stopping || quietTimer) return;
  if (settledAttempts < totalAttempts || endpoints.some((e) => e.state === 'opening')) return;
  const wait = () => {
    const left = lastMessageAt + QUIET_MS - Date.now();
    if (left > 0) quietTimer = setTimeout(wait, left);
    else void stop();
  };
  quietTimer = setTimeout(wait, QUIET_MS);
}
setTimeout(() => void stop(), TIMEOUT_MS).unref();

/** Closes every endpoint, children first (the reverse of the order they were opened in), then prints the summary. */
export async function stop(): Promise<void> {
  if (stopping) return;
  stopping = true;
  for (const ep of [...endpoints].reverse()) {
    if (ep.state !== 'open') continue;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => resolve(), 2000);
      ep.closed = () => {
        clearTimeout(timer);
        resolve();
      };
      ep.close();
    });
    ended(ep);
  }
  for (const list of transfersOf.values()) for (const t of list) t.cancel();
  for (const q of queues.values()) q.close();
  for (const receiver of [...addressWaiters.keys()]) receiverSettled(receiver, null);
  await new Promise((resolve) => setTimeout(resolve, 0));
  const dangling = totalAttempts - settledAttempts;
  if (dangling > 0) console.error(dangling + ' attempts never got a TRANSFER_SETTLED');
  console.log(JSON.stringify({ summary }));
  process.exit(summary.errors === 0 && summary.lost === 0 && summary.unsent === 0 ? 0 : 1);
}
