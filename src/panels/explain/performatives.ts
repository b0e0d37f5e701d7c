// The nine AMQP performatives (spec §2.7.1 … §2.7.9), every field rhea can decode, in plain words.
import { field, type TermEntry } from './glossaryTypes.ts';

const capabilities = {
  offered_capabilities: field('Extensions this side supports and the peer may use.'),
  desired_capabilities: field('Extensions this side would like the peer to support.'),
};

export const PERFORMATIVES: Readonly<Record<string, TermEntry>> = {
  open: {
    title: 'open',
    section: '§2.7.1',
    does: 'Opens the AMQP connection. Each side sends one open on channel 0, right after the protocol header (and SASL, if used), announcing its name and the limits it can handle.',
    fields: {
      container_id: field('The name of the container (the application or broker) sending this open.'),
      hostname: field('The host (virtual host) the client wants to reach; brokers use it to pick a namespace.'),
      max_frame_size: field('The largest frame, in bytes, this side accepts. Each side sends frames no larger than the smaller of the two.'),
      channel_max: field('The highest channel number this side accepts, so at most channel-max + 1 sessions at once.'),
      idle_time_out: field('If this side hears nothing for this many milliseconds it closes the connection; the peer sends heartbeats (empty frames) to prevent it.', '§2.4.5'),
      outgoing_locales: field('Languages this side may use in error descriptions it sends.'),
      incoming_locales: field('Languages this side would like to receive error descriptions in.'),
      ...capabilities,
      properties: field('Free-form information about the connection (product, version, platform…).'),
    },
  },
  begin: {
    title: 'begin',
    section: '§2.7.2',
    does: 'Begins a session on a channel of the connection. The peer answers with its own begin whose remote-channel names ours; links then attach inside the session.',
    fields: {
      remote_channel: field('Set only in a reply: the channel of the begin being answered, pairing the two halves of the session.'),
      next_outgoing_id: field('The transfer-id this side will give its next transfer frame; the peer counts from it.', '§2.5.6'),
      incoming_window: field('How many transfer frames this side can take in before the peer must wait (session flow control).', '§2.5.6'),
      outgoing_window: field('How many transfer frames this side may send before it waits for the peer.', '§2.5.6'),
      handle_max: field('The highest link handle this side accepts, so at most handle-max + 1 links in the session.', '§2.6.2'),
      ...capabilities,
      properties: field('Free-form information about the session.'),
    },
  },
  attach: {
    title: 'attach',
    section: '§2.7.3',
    does: 'Attaches a link (a one-way path for messages) to a session. The side that starts it says which end it is; the peer answers with its own attach. A reply without a source or target means the link was refused and a detach follows.',
    fields: {
      name: field('The link’s name, unique per pair of containers; both attaches carry it.', '§2.6.1'),
      handle: field('A small number standing for this link in later frames (flow, transfer, detach) on this session.', '§2.6.2'),
      role: field('Which end this side is: false = sender, true = receiver.', '§2.8.1'),
      snd_settle_mode: field('How the sender settles: 0 unsettled (always waits for an outcome), 1 settled (fire and forget), 2 mixed.', '§2.8.2'),
      rcv_settle_mode: field('How the receiver settles: 0 first (settles as it sends its outcome), 1 second (waits for the sender to settle first).', '§2.8.3'),
      source: field('Where messages come from: for a receiver, the queue it reads.', '§3.5.3'),
      target: field('Where messages go: for a sender, the queue it writes to.', '§3.5.4'),
      unsettled: field('Deliveries still unsettled from an earlier attach of the same link, for resuming them.'),
      incomplete_unsettled: field('True when the unsettled map did not fit and more deliveries are unsettled than listed.'),
      initial_delivery_count: field('Sent by the sender only: where its delivery-count starts; credit is counted from it.', '§2.6.7'),
      max_message_size: field('The largest message, in bytes, this end accepts on the link; absent or 0 means no limit.'),
      ...capabilities,
      properties: field('Free-form information about the link.'),
    },
  },
  flow: {
    title: 'flow',
    section: '§2.7.4',
    does: 'Updates flow control. Its session part moves the session windows; with a handle it also carries one link’s credit: how many more messages the receiver will take.',
    fields: {
      next_incoming_id: field('The transfer-id this side expects next from the peer.', '§2.5.6'),
      incoming_window: field('How many more transfer frames this side can take in on the session.', '§2.5.6'),
      next_outgoing_id: field('The transfer-id this side will give its next transfer frame.', '§2.5.6'),
      outgoing_window: field('How many more transfer frames this side may send on the session.', '§2.5.6'),
      handle: field('The link this flow is about; without it the flow is about the session only.', '§2.6.2'),
      delivery_count: field('The sender’s count of deliveries so far; credit is relative to it, so transfers already on their way are not counted twice.', '§2.6.7'),
      link_credit: field('How many more messages the receiver will take, counted from delivery-count.', '§2.6.7'),
      available: field('From the sender: how many messages it has waiting to send (a hint).', '§2.6.7'),
      drain: field('True: the sender should use all its credit now, and give back what it cannot use.', '§2.6.7'),
      echo: field('True: asks the peer to answer with a flow of its own state.'),
      properties: field('Free-form link state properties.'),
    },
  },
  transfer: {
    title: 'transfer',
    section: '§2.7.5',
    does: 'Carries a message (or one part of a large one) on a link, from sender to receiver. Each uses up one credit.',
    fields: {
      handle: field('The link the message travels on.', '§2.6.2'),
      delivery_id: field('A number for this delivery within the session; dispositions refer to it.', '§2.8.8'),
      delivery_tag: field('The delivery’s own tag, chosen by the sender and unique on the link.', '§2.8.7'),
      message_format: field('How the payload is encoded; 0 is the standard AMQP message format.', '§2.8.11'),
      settled: field('True: the sender has already settled it (“fire and forget”), no outcome will come back.', '§2.6.12'),
      more: field('True: more transfer frames follow with the rest of this message.', '§2.6.14'),
      rcv_settle_mode: field('For this delivery only: how the receiver should settle it.', '§2.8.3'),
      state: field('The delivery’s state as the sender sees it (used when resuming).', '§3.4'),
      resume: field('True: this continues a delivery from an earlier attach of the link.'),
      aborted: field('True: the sender gave up on this (multi-frame) message; the receiver discards it.'),
      batchable: field('A hint that the peer need not answer this one at once.'),
    },
  },
  disposition: {
    title: 'disposition',
    section: '§2.7.6',
    does: 'Tells the peer the state of a range of deliveries: usually their outcome (accepted, rejected, released, modified) and whether they are settled.',
    fields: {
      role: field('Which end is speaking: false = sender, true = receiver.', '§2.8.1'),
      first: field('The first delivery-id of the range.', '§2.8.8'),
      last: field('The last delivery-id of the range; absent means just first.', '§2.8.8'),
      settled: field('True: this side has settled these deliveries and forgets them.', '§2.6.12'),
      state: field('The deliveries’ new state, usually an outcome.', '§3.4'),
      batchable: field('A hint that the peer need not answer this one at once.'),
    },
  },
  detach: {
    title: 'detach',
    section: '§2.7.7',
    does: 'Detaches a link: with closed=true it ends the link for good; with an error it says why.',
    fields: {
      handle: field('The link being detached.', '§2.6.2'),
      closed: field('True: the link is closed for good, not only detached (a detach alone could be resumed later).'),
      error: field('Why the link ended, if it ended because of a problem.', '§2.8.14'),
    },
  },
  end: {
    title: 'end',
    section: '§2.7.8',
    does: 'Ends a session; every link in it ends with it. The peer answers with its own end.',
    fields: {
      error: field('Why the session ended, if it ended because of a problem.', '§2.8.14'),
    },
  },
  close: {
    title: 'close',
    section: '§2.7.9',
    does: 'Closes the connection; every session and link on it ends. The peer answers with its own close, then the socket closes.',
    fields: {
      error: field('Why the connection closed, if it closed because of a problem.', '§2.8.14'),
    },
  },
};

/** What the decoder produces besides performatives: the protocol header, empty frames and its own failures. */
export const OTHER_UNITS: Readonly<Record<string, TermEntry>> = {
  header: {
    title: 'protocol header',
    section: '§2.2',
    does: 'The 8 bytes each side sends first: “AMQP”, a protocol id and version 1.0.0. Id 3 announces the SASL layer (authentication comes first); id 0 plain AMQP, sent again after a successful SASL outcome.',
    fields: {
      protocol_id: field('0 = AMQP, 2 = TLS, 3 = SASL.', '§2.2'),
      major: field('Major version: 1.', '§2.2'),
      minor: field('Minor version: 0.', '§2.2'),
      revision: field('Revision: 0.', '§2.2'),
      layer: field('The protocol id in words (amqp, tls, sasl).', '§5.1'),
    },
  },
  heartbeat: {
    title: 'heartbeat (empty frame)',
    section: '§2.4.5',
    does: 'A frame with no body. It carries nothing but tells the peer this side is alive, so its idle timeout does not close the connection.',
    fields: {},
  },
  incomplete: {
    title: 'incomplete frame',
    section: '§2.3.1',
    does: 'Fewer bytes than a frame header needs: the stream ended mid-frame.',
    fields: { size: field('How many bytes there were.') },
  },
  undecodable: {
    title: 'undecodable bytes',
    section: '§2.3.1',
    does: 'Bytes that do not decode as an AMQP frame; a peer closes the connection with a framing or decode error.',
    fields: {
      error: field('What the decoder could not read.'),
      bytes: field('The first bytes, in hex.'),
    },
  },
};
