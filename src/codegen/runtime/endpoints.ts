// ---- endpoints: every node's state, so the run knows when it is over and can close children first ----
import { print, errorDetail } from './commandLine.ts';
import { queues } from './senderQueue.ts';
import { transfersOf } from './transfers.ts';
import { receiverSettled } from './receivers.ts';
import { stopping, checkDone } from './runEnd.ts';
type State = 'opening' | 'open' | 'closed' | 'error';
interface Endpoint {
  node: string;
  kind: 'CONNECTION' | 'SESSION' | 'SENDER' | 'RECEIVER';
  parent: Endpoint | null;
  fields: () => Record<string, unknown>;
  close: () => void;
  state: State;
  closed?: () => void;
}
export const endpoints: Endpoint[] = [];

export function track(node: string, kind: Endpoint['kind'], parent: Endpoint | null, fields: () => Record<string, unknown>, close: () => void): Endpoint {
  const ep: Endpoint = { node, kind, parent, fields, close, state: 'opening' };
  endpoints.push(ep);
  return ep;
}
export function opened(ep: Endpoint, extra: Record<string, unknown> = {}): void {
  ep.state = 'open';
  print(ep.node, ep.kind + '_OPEN', { ...ep.fields(), ...extra });
}
/**
 * A close or an error, reported once per endpoint (rhea sends *_error and then *_close). The children of an
 * endpoint that ended are closed first, carrying the reason.
 */
export function ended(ep: Endpoint, err?: unknown, asClose = false): void {
  ep.closed?.();
  if (ep.state === 'closed' || ep.state === 'error') return;
  const detail = err ? errorDetail(err, 'failed') : undefined;
  for (const child of endpoints) {
    if (child.parent !== ep || child.state === 'closed' || child.state === 'error') continue;
    const why = detail
      ? { condition: 'amqp-flow:parent-failed', description: 'Its ' + ep.kind.toLowerCase() + ' failed: ' + detail.description }
      : stopping ? undefined : { condition: 'amqp-flow:closed-by-broker', description: 'Closed because the broker closed its ' + ep.kind.toLowerCase() + '.' };
    ended(child, why, true);
  }
  if (ep.kind === 'RECEIVER') receiverSettled(ep.node, null);
  if (ep.kind === 'SENDER') {
    for (const t of transfersOf.get(ep.node) ?? []) t.cancel();
    queues.get(ep.node)?.close();
  }
  if (detail && !asClose) {
    ep.state = 'error';
    print(ep.node, ep.kind + '_ERROR', { ...ep.fields(), errorDetail: detail });
  } else {
    ep.state = 'closed';
    print(ep.node, ep.kind + '_CLOSED', detail ? { ...ep.fields(), errorDetail: detail } : ep.fields());
  }
  checkDone();
}
