// Settles incoming deliveries so that rhea 3.0.5 never sends a wrong outcome: its disposition
// writer merges a lone delivery with the next one without comparing outcomes, so within one tick
// a session only ever settles deliveries that share the same outcome; others wait a tick.
import type { Delivery, Session } from 'rhea';

export type Outcome =
  | { kind: 'accepted' }
  | { kind: 'released' }
  | { kind: 'rejected'; condition: string; description: string };

interface Pending { delivery: Delivery; outcome: Outcome }
interface SessionSettler { key: string | null; waiting: Pending[]; scheduled: boolean }

const settlers = new WeakMap<Session, SessionSettler>();

const keyOf = (o: Outcome) => (o.kind === 'rejected' ? `rejected ${o.condition} ${o.description}` : o.kind);

function apply({ delivery, outcome }: Pending): void {
  if (outcome.kind === 'accepted') delivery.accept();
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
