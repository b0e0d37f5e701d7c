// AMQP names a link per direction, so a client may attach a sender and a receiver with the same
// name (Qpid Proton's blocking client does). rhea 3 keys a session's links by name alone and would
// take the second attach for a duplicate; keep the second one under a name that says its role.
import type { Session } from 'rhea';

interface AttachFrame { performative: { name: string; role: boolean } }
interface LinkInternals { name: string; is_receiver(): boolean }
interface SessionInternals { on_attach(frame: AttachFrame): void; links: Record<string, LinkInternals | undefined> }

export function allowSameNameBothWays(session: Session): void {
  const s = session as unknown as SessionInternals;
  const original = s.on_attach.bind(s);
  s.on_attach = (frame) => {
    const { name, role } = frame.performative;
    const existing = s.links[name];
    // peer role true = the peer receives, so our end is a sender (is_receiver() false)
    if (!existing || existing.is_receiver() !== Boolean(role)) return original(frame);
    delete s.links[name];
    try {
      original(frame);
    } finally {
      const created = s.links[name];
      const key = `${name} (${role ? 'to peer' : 'from peer'})`;
      if (created && created !== existing) {
        created.name = key;
        s.links[key] = created;
      }
      s.links[name] = existing;
    }
  };
}
