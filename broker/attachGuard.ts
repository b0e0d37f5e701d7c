// Checks each attach a peer sends before rhea 3.0.5 handles it, where rhea would otherwise rebind a
// handle, end the whole connection, or take a transaction coordinator for an ordinary target:
// - a handle already in use ends that session with amqp:session:handle-in-use (§2.7.3);
// - a second link with a name already attached in the same direction on this connection is refused
//   alone (AMQP allows one link per name and direction, §2.6.1); the connection and other links go on;
// - a coordinator target (transactions) is refused with amqp:not-implemented;
// - the same name in both directions is fine (Qpid Proton's blocking client does it): rhea keys a
//   session's links by name alone, so the second one is kept under a name that says its role.
import type { AmqpError, Session } from 'rhea';

interface AttachFrame { performative: { name: string; role: boolean; handle: number; target?: { descriptor?: { value: unknown } } | null } }
interface LinkInternals { name: string; is_receiver(): boolean; is_remote_open(): boolean; remote: { handle?: number } }
interface SessionInternals {
  on_attach(frame: AttachFrame): void;
  links: Record<string, LinkInternals | undefined>;
  remote: { handles: Record<number, LinkInternals | undefined> };
  connection: { local_channel_map: Record<string, SessionInternals | undefined> };
  close(error?: AmqpError): void;
}

/** the coordinator target's descriptor, numeric and symbolic */
const COORDINATOR = new Set<unknown>([0x30, '48', 'amqp:coordinator:list']);

const refusals = new WeakMap<object, AmqpError>();

/** Why this just-attached link must be refused, if it must: close it with this error instead of serving it. */
export function refusalOf(link: object): AmqpError | undefined {
  const attach = (link as { remote?: { attach?: object } }).remote?.attach;
  return attach ? refusals.get(attach) : undefined;
}

/** The open link with this name whose broker end has this role, anywhere on the session's connection. */
function sameNameSameWay(s: SessionInternals, name: string, brokerReceives: boolean): LinkInternals | undefined {
  for (const session of Object.values(s.connection.local_channel_map)) {
    if (!session) continue;
    for (const link of Object.values(session.links)) {
      if (link && link.name === name && link.is_receiver() === brokerReceives && link.is_remote_open()) return link;
    }
  }
  return undefined;
}

export function guardAttaches(session: Session): void {
  const s = session as unknown as SessionInternals;
  const original = s.on_attach.bind(s);
  s.on_attach = (frame) => {
    const { name, role, handle, target } = frame.performative;
    const holder = s.remote.handles[handle];
    if (holder?.is_remote_open()) {
      s.close({ condition: 'amqp:session:handle-in-use', description: `handle ${handle} is already in use by link "${holder.name}" on this session; detach it first or use a free handle` });
      return;
    }
    // the peer detached the old holder: rhea removes it a tick later, and must not take the
    // handle from the new link when it does
    if (holder) holder.remote.handle = undefined;
    const brokerReceives = !role; // peer role false = the peer sends, so our end receives
    const way = brokerReceives ? 'sending' : 'receiving';
    let refusal: AmqpError | undefined;
    if (sameNameSameWay(s, name, brokerReceives)) {
      refusal = { condition: 'amqp:invalid-field', description: `a ${way} link named "${name}" is already attached on this connection; AMQP allows one link per name and direction, so this second one is refused (the first goes on): use another name` };
    } else if (brokerReceives && target && COORDINATOR.has(target.descriptor?.value)) {
      refusal = { condition: 'amqp:not-implemented', description: 'transactions are not supported by this broker: a transaction coordinator cannot be attached' };
    }
    const existing = s.links[name];
    if (!existing) return attach(frame, refusal);
    // keep the existing link (the other direction, or one the peer already detached) under its name
    delete s.links[name];
    try {
      attach(frame, refusal);
    } finally {
      const created = s.links[name];
      if (created && created !== existing) {
        const key = `${name} (${role ? 'to peer' : 'from peer'}${refusal ? ', refused' : ''})`;
        created.name = key;
        s.links[key] = created;
      }
      s.links[name] = existing;
    }
  };

  function attach(frame: AttachFrame, refusal: AmqpError | undefined): void {
    if (refusal) {
      // rhea keeps this performative as the link's remote attach before it reports the link open
      refusals.set(frame.performative, refusal);
      // rhea would log "Unknown terminus" for a coordinator; the refusal is what matters
      if (refusal.condition === 'amqp:not-implemented') frame.performative.target = null;
    }
    original(frame);
  }
}
