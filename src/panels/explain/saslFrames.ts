// The SASL frames (spec §5.3.3.1 … §5.3.3.5): authentication before the AMQP connection opens.
import { field, type TermEntry } from './glossaryTypes.ts';

/** sasl-outcome codes (§5.3.3.6) in words. */
export const SASL_CODES: Readonly<Record<number, string>> = {
  0: 'ok: authentication succeeded',
  1: 'auth: authentication failed (wrong credentials)',
  2: 'sys: a system error on the server side',
  3: 'sys-perm: a system error that will not go away by retrying',
  4: 'sys-temp: a temporary system error; retrying later may work',
};

export const SASL_FRAMES: Readonly<Record<string, TermEntry>> = {
  'sasl-mechanisms': {
    title: 'sasl-mechanisms',
    section: '§5.3.3.1',
    does: 'The server lists the authentication mechanisms it accepts, right after the SASL protocol header.',
    fields: {
      sasl_server_mechanisms: field('The mechanisms offered, most preferred first (ANONYMOUS, PLAIN, EXTERNAL…).'),
    },
  },
  'sasl-init': {
    title: 'sasl-init',
    section: '§5.3.3.2',
    does: 'The client picks one of the offered mechanisms and sends its first response (for PLAIN, the user name and password).',
    fields: {
      mechanism: field('The mechanism chosen from the server’s list.'),
      initial_response: field('The first credentials; for PLAIN “\\0user\\0password”, so send it only over TLS to real brokers.'),
      hostname: field('The host the client wants, so a server hosting several can pick the right credentials.'),
    },
  },
  'sasl-challenge': {
    title: 'sasl-challenge',
    section: '§5.3.3.3',
    does: 'The server asks the client for more (mechanisms with several rounds, such as SCRAM).',
    fields: {
      challenge: field('The mechanism’s challenge data.'),
    },
  },
  'sasl-response': {
    title: 'sasl-response',
    section: '§5.3.3.4',
    does: 'The client answers a challenge.',
    fields: {
      response: field('The mechanism’s response data.'),
    },
  },
  'sasl-outcome': {
    title: 'sasl-outcome',
    section: '§5.3.3.5',
    does: 'The server ends authentication. On ok both sides send the AMQP protocol header and go on to open; otherwise the socket closes.',
    fields: {
      code: field('The result: 0 ok, 1 auth (bad credentials), 2 sys, 3 sys-perm, 4 sys-temp.', '§5.3.3.6'),
      additional_data: field('Extra data from the mechanism on success.'),
    },
  },
};
