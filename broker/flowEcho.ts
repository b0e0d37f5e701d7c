// A flow with echo=true asks for the other side's link state (§2.7.4); rhea 3.0.5 ignores the
// flag, so the broker answers it here with a flow carrying the link's credit and delivery-count.
import type { Session } from 'rhea';

interface FlowFrame { performative: { handle?: number | null; echo?: boolean } }
interface SessionInternals {
  on_flow(frame: FlowFrame): void;
  remote: { handles: Record<number, object | undefined> };
  _write_flow(link?: object): void;
}

export function answerEcho(session: Session): void {
  const s = session as unknown as SessionInternals;
  const original = s.on_flow.bind(s);
  s.on_flow = (frame) => {
    original(frame);
    if (!frame.performative.echo) return;
    const { handle } = frame.performative;
    const link = handle === undefined || handle === null ? undefined : s.remote.handles[handle];
    if ((link as { _draining?: boolean } | undefined)?._draining) return; // the drain's answer is the echo
    s._write_flow(link); // without a handle: the session's state alone
  };
}
