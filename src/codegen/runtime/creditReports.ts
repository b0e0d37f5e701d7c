// ---- credit: one CREDIT line per link when credit, delivery count or queue length changed ----
import type { Receiver, Sender } from './header.ts';
import { print } from './commandLine.ts';
const lastCredit = new Map<string, string>();
export const creditLinks = new Map<string, () => { credit: number; deliveryCount: number; queued: number } | null>();
let creditTimer: ReturnType<typeof setTimeout> | undefined;
function reportCredit(node: string): void {
  const read = creditLinks.get(node)?.();
  if (!read) return;
  const key = read.credit + '/' + read.deliveryCount + '/' + read.queued;
  if (lastCredit.get(node) === key) return;
  lastCredit.set(node, key);
  print(node, 'CREDIT', read);
}
export function creditChanged(): void {
  creditTimer ??= setTimeout(() => {
    creditTimer = undefined;
    for (const node of creditLinks.keys()) reportCredit(node);
  }, 0);
}
export function counters(link: Sender | Receiver): { credit: number; deliveryCount: number } {
  const l = link as unknown as { credit?: number; delivery_count?: number };
  return { credit: l.credit ?? 0, deliveryCount: l.delivery_count ?? 0 };
}
