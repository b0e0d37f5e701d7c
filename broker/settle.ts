// Settles incoming deliveries so that rhea 3.0.5 never sends a wrong outcome: its disposition
// writer merges a lone delivery with the next one without comparing outcomes, so within one tick
// a session only ever settles deliveries that share the same outcome; others wait a tick.
import rhea from 'rhea';
import type { Delivery, Session } from 'rhea';

export type Outcome =
  | { kind: 'accepted' }
  | { kind: 'released' }
  | { kind: 'rejected'; condition: string; description: string };

interface Pending { delivery: Delivery; outcome: Outcome }
interface SessionSettler { key: string | null; waiting: Pending[]; scheduled: boolean }

const settlers = new WeakMap<Session, SessionSettler>();

const keyOf = (o: Outcome) => (o.kind === 'rejected' ? `rejected ${o.condition} ${o.description}` : o.kind);

/** rhea's accept() builds this state per delivery; it is never changed, so one serves them all */
const ACCEPTED_STATE = (rhea.message as unknown as { accepted(): { described(): unknown } }).accepted().described();

function apply({ delivery, outcome }: Pending): void {
  // settled left to rhea: at once, unless the sender asked for receiver settle mode second
  if (outcome.kind === 'accepted') (delivery as unknown as { update(settled?: boolean, state?: unknown): void }).update(undefined, ACCEPTED_STATE);
  else if (outcome.kind === 'released') delivery.release();
  else delivery.reject({ condition: outcome.condition, description: outcome.description });
}

/** Settle an unsettled incoming delivery with this outcome, soon and correctly. */
export function settle(delivery: Delivery, outcome: Outcome): void {
  const session = delivery.link.session;
  let s = settlers.get(session);
  if (!s) settlers.set(session, (s = { key: null, waiting: [], scheduled: false }));
  const key = keyOf(outcome);
  if (s.waiting.length === 0 && (s.key === null || s.key === key)) {
    s.key = key;
    apply({ delivery, outcome });
  } else {
    s.waiting.push({ delivery, outcome });
  }
  if (!s.scheduled) {
    s.scheduled = true;
    setImmediate(() => flush(s));
  }
}

function flush(s: SessionSettler): void {
  s.scheduled = false;
  s.key = null;
  const rest: Pending[] = [];
  for (const p of s.waiting) {
    const key = keyOf(p.outcome);
    if (s.key === null || s.key === key) {
      s.key = key;
      apply(p);
    } else {
      rest.push(p);
    }
  }
  s.waiting = rest;
  if (s.key !== null) {
    s.scheduled = true;
    setImmediate(() => flush(s));
  }
}
