// Outcomes of the broker's outgoing deliveries reach their consumer directly. For every delivery a
// disposition updates, rhea 3.0.5 dispatches two events (the outcome, then `settled`), each with a
// fresh context object and bubbling from the link through the session to the connection (copying
// the listener list at each level); with one accepted message per delivered message that was a
// large share of the broker's work left. Here the session's updated deliveries of consumer links
// are handed to the consumer as those events would have been; rhea's own process still does the
// rest (dispositions, cleanup), and deliveries of other links still get rhea's events.
// Patches rhea 3.0.5's internals (see README.md).
import type { Delivery, Sender, Session } from 'rhea';
import type { Consumer } from './outgoing.ts';

interface OutgoingDelivery { link: Sender; remote_settled?: boolean; settled?: boolean; remote_state?: { constructor?: { composite_type?: string } } }
interface OutgoingInternals { updated: OutgoingDelivery[]; process(): void }

/**
 * Before rhea notifies the session's updated deliveries, take those of links `consumerOf` knows.
 * The broker's sender links are made with autosettle (a delivery the peer settled is settled here
 * too, as rhea's `settled` observer does) and without treat-modified-as-released.
 */
export function notifyOutcomesDirectly(session: Session, consumerOf: (link: Sender) => Consumer | undefined): void {
  const outgoing = (session as unknown as { outgoing: OutgoingInternals }).outgoing;
  const rheaProcess = outgoing.process.bind(outgoing);
  outgoing.process = () => {
    const updated = outgoing.updated;
    if (updated.length) {
      let left = 0;
      for (const d of updated) {
        const c = consumerOf(d.link);
        if (!c) {
          updated[left++] = d; // rhea dispatches its events
          continue;
        }
        // rhea's order: the outcome's event, then `settled` (autosettle first, then the listener)
        if (d.remote_state?.constructor?.composite_type) c.onDisposition(d as unknown as Delivery);
        if (d.remote_settled) {
          d.settled = true;
          c.onDisposition(d as unknown as Delivery);
        }
      }
      updated.length = left;
    }
    rheaProcess();
  };
}
