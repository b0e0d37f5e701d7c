// ---- command line ----
const argv = process.argv.slice(2);
function option(name: string): string | undefined {
  const i = argv.indexOf('--' + name);
  return i >= 0 ? argv[i + 1] : undefined;
}
/** Replaces every connection's URL, like "amqp-flow run --url". */
export const URL_OVERRIDE = option('url') ?? process.env.AMQP_FLOW_URL;
/** After every transfer has settled, wait until no message has arrived for this long. */
export const QUIET_MS = Number(option('quiet-ms') ?? 500);
/** Stop whatever is still going after this long. */
export const TIMEOUT_MS = Number(option('timeout-ms') ?? 30000);

// ---- one JSON line per event ----
export type Outcome = 'accepted' | 'rejected' | 'released' | 'modified' | 'presettled' | 'lost' | 'unsent';
export interface ErrorDetail { condition: string; description: string }
const t0 = performance.now();
export const summary = { transfers: 0, accepted: 0, rejected: 0, released: 0, modified: 0, presettled: 0, lost: 0, unsent: 0, received: 0, errors: 0 };
export let lastMessageAt = Date.now();
const attemptsSeen = new Set<string>();

export function print(node: string, event: string, fields: Record<string, unknown> = {}): void {
  if (event.endsWith('_ERROR')) summary.errors++;
  if (event === 'TRANSFER_QUEUED' || event === 'TRANSFER_SETTLED') attemptsSeen.add(node + '#' + String(fields.attempt));
  summary.transfers = attemptsSeen.size;
  if (event === 'TRANSFER_SETTLED') summary[fields.outcome as Outcome]++;
  if (event === 'MESSAGE_RECEIVED') {
    summary.received++;
    lastMessageAt = Date.now();
  }
  console.log(JSON.stringify({ at: Math.round(performance.now() - t0), node, event, ...fields }));
}

/** rhea's error object ({condition, description}) with the broker's own words. */
export function errorDetail(err: unknown, fallback: string): ErrorDetail {
  const e = (err ?? {}) as { condition?: unknown; description?: unknown; message?: unknown };
  const condition = typeof e.condition === 'string' ? e.condition : 'amqp:internal-error';
  const description = typeof e.description === 'string' ? e.description : typeof e.message === 'string' ? e.message : fallback;
  return { condition, description };
}
