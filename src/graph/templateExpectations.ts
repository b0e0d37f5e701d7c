// What each template must do when it runs (its `expect` section), kept by template id beside
// templates.ts so the flows stay easy to read. `amqp-flow test` and the test suite check them.
import type { FlowExpectations } from './expectations.ts';

const TEN_SECONDS = 10_000;

export const TEMPLATE_EXPECTATIONS: Readonly<Record<string, FlowExpectations>> = {
  'hello-cbs': {
    timeLimitMs: TEN_SECONDS,
    nodes: {
      c1: { state: 'open', error: false },
      tx1: { state: 'open', error: false },
      t1: { outcomes: { accepted: 1 } },
    },
  },
  'send-receive': {
    timeLimitMs: TEN_SECONDS,
    nodes: {
      t1: { outcomes: { accepted: 5 } },
      rx1: { received: 5, bodies: ['Hello!', 'Hello!', 'Hello!', 'Hello!', 'Hello!'], state: 'open', error: false },
    },
  },
  'credit-starvation': {
    timeLimitMs: TEN_SECONDS,
    // the 7 messages beyond the receiver's 3 credits stay in the broker's queue
    nodes: {
      t1: { outcomes: { accepted: 10 } },
      rx1: { received: 3, state: 'open', error: false },
    },
  },
  'competing-consumers': {
    timeLimitMs: TEN_SECONDS,
    embeddedOnly: 'how a broker shares a queue among competing receivers is its own choice; the Qpid Proton example broker gives every message to the first one',
    nodes: {
      t1: { outcomes: { accepted: 20 } },
      rx1: { received: { min: 1, max: 18 }, error: false },
      rx2: { received: { min: 1, max: 18 }, error: false },
      rx3: { received: { min: 1, max: 18 }, error: false },
    },
  },
  'request-reply': {
    timeLimitMs: TEN_SECONDS,
    embeddedOnly: 'needs a broker that creates dynamic (temporary) addresses for receivers; RabbitMQ 3.10 refuses them',
    nodes: {
      rx1: { state: 'open', error: false },
      t1: { outcomes: { accepted: 1 } },
      rx2: { received: 1, bodies: ['What time is it?'] },
    },
  },
  // Without a person pressing Accept, Reject or Drain, these check what happens on their own.
  'settle-modes': {
    timeLimitMs: TEN_SECONDS,
    embeddedOnly: 'RabbitMQ 3.10 refuses receiver settle mode second (amqp:not-implemented) and ends the session',
    nodes: {
      t1: { outcomes: { presettled: 2 } },
      t2: { outcomes: { accepted: 2 } },
      rx1: { received: 4, error: false },
    },
  },
  'settle-by-hand': {
    timeLimitMs: TEN_SECONDS,
    // deliveries left unsettled go back to the queue when the run stops, so a later run gets them too
    nodes: {
      t1: { outcomes: { accepted: 4 } },
      rx1: { received: { min: 4 }, state: 'open', error: false },
    },
  },
  'dead-letter': {
    timeLimitMs: TEN_SECONDS,
    embeddedOnly: 'the dead-letter queue "<address>.dlq" is the embedded broker\'s convention',
    nodes: {
      t1: { outcomes: { accepted: 3 } },
      rx1: { received: { min: 3 }, error: false },
      rx2: { received: 0, state: 'open', error: false },
    },
  },
  drain: {
    timeLimitMs: TEN_SECONDS,
    nodes: {
      t1: { outcomes: { accepted: 3 } },
      rx1: { received: 3, state: 'open', error: false },
    },
  },
};
