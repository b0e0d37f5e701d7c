// The Templates menu's list: each template's id, name and description, available at once; the flows
// themselves (templates.ts, with their expectations) load when one is picked. templates.test.ts
// checks this list against the templates.
import type { Graph } from './types.ts';

export interface TemplateEntry {
  id: string;
  name: string;
  description: string;
}

export const TEMPLATE_LIST: readonly TemplateEntry[] = [
  {
    id: 'hello-cbs',
    name: 'Hello over $cbs',
    description:
      'The platform example: a connection, a session, a sender to "$cbs" and one transfer saying "Hello!".',
  },
  {
    id: 'send-receive',
    name: 'Send and receive',
    description:
      'One session sends five messages to a queue and receives them back on the same queue.',
  },
  {
    id: 'credit-starvation',
    name: 'Credit starvation',
    description:
      'A receiver in manual credit mode grants 3 credits; the sender has 10 messages, so 7 wait in the queue until you grant more. The sender never waits (the broker stores all 10): watch the receiver at credit 0 say why it waits, and Add credit on its card.',
  },
  {
    id: 'competing-consumers',
    name: 'Competing consumers',
    description:
      'Twenty messages to one queue, shared out between three receivers.',
  },
  {
    id: 'request-reply',
    name: 'Request / reply',
    description:
      'A requester sends to "requests" with replyTo set to its own dynamic receiver; a responder receives the request on a second connection.',
  },
  {
    id: 'settle-modes',
    name: 'Settle modes',
    description:
      'tx1 sends pre-settled: its transfers say settled=true, no disposition comes back and they end "presettled" (the broker\'s outcome is never known). tx2 sends unsettled: each transfer waits for the broker\'s disposition (accepted, settled=true). rx1 asks for receiver settle mode second: it answers accepted with settled=false and the delivery is done only when the broker\'s disposition settles it. Watch the Sequence diagram with the transfer and disposition filters.',
  },
  {
    id: 'settle-by-hand',
    name: 'Accept and reject by hand',
    description:
      'The receiver does not accept on its own: each of the 4 deliveries waits on its card with Accept, Reject, Release and Modify. Accept one and it leaves the queue; Reject one and the broker moves it to "by-hand.dlq" (Broker tab); Release one and it comes back. Each press is a disposition frame from the page with that state; the sender\'s own transfers were already accepted when stored.',
  },
  {
    id: 'dead-letter',
    name: 'Dead-lettering and redelivery',
    description:
      'rx1 settles "orders" by hand; rx2 reads the dead-letter queue "orders.dlq". Reject a delivery on rx1: the broker moves it to orders.dlq and rx2 receives it (the broker adds an x-opt-deadletter-reason annotation saying why). Modify one (delivery failed): it goes back to the queue with its delivery-count raised and arrives on rx1 again; Release does the same without counting a failure.',
  },
  {
    id: 'drain',
    name: 'Drain',
    description:
      'rx1 grants 10 credits by hand but only 3 messages exist: it receives 3 and keeps credit 7. Press Drain on rx1: the broker has nothing more to send, so it uses up the rest at once and answers with a flow of link-credit=0, delivery-count=10, drain=true (Sequence diagram, flow filter). The receiver is back at credit 0.',
  },
  {
    id: 'restart-demo',
    name: 'Survive a broker restart',
    description:
      'A steady stream with reconnect on, and scenes for presenting: the broker restarts mid-run and the flow recovers.',
  },
];

/** Loads the templates' module (once); call early to have it ready before a pick. */
export const loadTemplates = () => import('./templates.ts');

/** A fresh graph of the template with this id. */
export async function templateGraph(id: string): Promise<Graph> {
  const { TEMPLATES } = await loadTemplates();
  const template = TEMPLATES.find((t) => t.id === id);
  if (!template) throw new Error(`There is no template "${id}"`);
  return template.graph();
}
