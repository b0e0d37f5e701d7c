// The composites that appear inside performatives: delivery states (§3.4), the source and target termini
// (§3.5.3, §3.5.4) and the error (§2.8.14), with every field rhea can decode.
import { field, type TermEntry } from './glossaryTypes.ts';

export const DELIVERY_STATES: Readonly<Record<string, TermEntry>> = {
  received: {
    title: 'received',
    section: '§3.4.1',
    does: 'Not an outcome: how much of a delivery has arrived, so a resumed link can continue where it stopped.',
    fields: {
      section_number: field('The message section reached so far.'),
      section_offset: field('The byte offset reached inside that section.'),
    },
  },
  accepted: {
    title: 'accepted',
    section: '§3.4.2',
    does: 'The receiver processed the message successfully. The broker stores it (from a sender) or removes it from the queue (from a receiver).',
    fields: {},
  },
  rejected: {
    title: 'rejected',
    section: '§3.4.3',
    does: 'The receiver refuses the message as invalid; it will not be retried. The embedded broker moves such messages to the dead-letter queue.',
    fields: {
      error: field('Why the message was rejected.', '§2.8.14'),
    },
  },
  released: {
    title: 'released',
    section: '§3.4.4',
    does: 'The receiver did not process the message; it goes back to the queue and may be delivered again, to this or another receiver.',
    fields: {},
  },
  modified: {
    title: 'modified',
    section: '§3.4.5',
    does: 'Like released, with changes: the message goes back, possibly counted as a failed attempt or kept away from this link.',
    fields: {
      delivery_failed: field('True: count this as a failed attempt (the header’s delivery-count goes up).'),
      undeliverable_here: field('True: do not deliver it to this link again.'),
      message_annotations: field('Annotations to merge into the message before it is delivered again.'),
    },
  },
};

const terminusFields = {
  address: field('The node’s address: the queue (or topic) on the broker.'),
  durable: field('What survives a restart: 0 none, 1 configuration, 2 unsettled state.', '§3.5.5'),
  expiry_policy: field('When the durability clock starts: link-detach, session-end, connection-close or never.', '§3.5.6'),
  timeout: field('How many seconds the terminus lives on after the expiry policy triggers.'),
  dynamic: field('True: ask the broker to create a temporary node and send back its generated address.'),
  dynamic_node_properties: field('Properties wanted for the dynamically created node (such as its lifetime).', '§3.5.9'),
  capabilities: field('Extensions the terminus supports or needs (queue, topic…).'),
};

export const TERMINI: Readonly<Record<string, TermEntry>> = {
  source: {
    title: 'source',
    section: '§3.5.3',
    does: 'The node messages come from. For a receiver, the queue it reads.',
    fields: {
      ...terminusFields,
      distribution_mode: field('move: each message goes to one receiver (a queue); copy: every receiver gets a copy (browsing).', '§3.5.7'),
      filter: field('Which messages this link wants (selectors); the set the node actually applies comes back in the reply.', '§3.5.8'),
      default_outcome: field('The outcome assumed for deliveries that end without one.'),
      outcomes: field('The outcomes this source supports.'),
    },
  },
  target: {
    title: 'target',
    section: '§3.5.4',
    does: 'The node messages go to. For a sender, the queue it writes to; empty for an anonymous sender that routes by each message’s “to”.',
    fields: terminusFields,
  },
};

export const ERROR_COMPOSITE: TermEntry = {
  title: 'error',
  section: '§2.8.14',
  does: 'Why something failed: a condition (a symbol from the spec or the broker), a description in words, and optional details.',
  fields: {
    condition: field('The kind of error, as a symbol such as amqp:not-found.', '§2.8.15'),
    description: field('The peer’s own words about what went wrong.'),
    info: field('Extra details, such as where to reconnect for a redirect.'),
  },
};
