// "Why is it waiting?": one line in words for a node that waits, naming the cause (credit from the
// broker, credit the receiver has used up, a held frame in step mode), not just a count.
import type { NodeKind } from '../graph/types.ts';
import type { NodeLive, RunState } from './reduceRun.ts';

export interface WaitContext {
  /** step mode is on: outgoing frames wait for Step */
  stepping: boolean;
  /** messages waiting at the broker for this receiver's address; null when unknown */
  queueDepth: number | null;
  /** room the broker's incoming window leaves this node's session (src/store/sessionWindow.ts); null when unknown */
  sessionRoom?: { remaining: number; window: number } | null;
  /** step mode: transfers of this sender or transfer node handed to rhea whose frame Step has not let out */
  heldForStep?: number;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

function senderLine(id: string, link: NodeLive, waiting: number, ctx: WaitContext, what: string): string | null {
  if (waiting <= 0) return null;
  if (link.state !== 'open') return null;
  if (link.credit === 0) {
    const used = link.deliveryCount > 0 ? ` (it used the ${plural(link.deliveryCount, 'credit')} it had)` : '';
    return `waiting for credit: the broker granted 0 on this link${used}; ${what} until it grants more`;
  }
  if (ctx.sessionRoom && ctx.sessionRoom.remaining <= 0) {
    return `waiting for the session window: ${id} has credit ${link.credit}, but the broker's incoming window (${ctx.sessionRoom.window}) is full until its next flow`;
  }
  if (ctx.stepping) return `waiting for Step: ${id} has credit ${link.credit}, but each frame waits for Step in step mode`;
  return null;
}

function heldLine(ctx: WaitContext): string | null {
  const held = ctx.heldForStep ?? 0;
  if (!ctx.stepping || held <= 0) return null;
  return `waiting for Step: ${plural(held, 'transfer')} ${held === 1 ? 'is' : 'are'} held; each press of Step lets one frame out`;
}

/** The line for a node, or null when it is not waiting (or why is not known). */
export function waitReason(s: RunState, id: string, kind: NodeKind, ctx: WaitContext): string | null {
  const live = s.nodes[id];
  if (!live) return null;
  switch (kind) {
    case 'sender':
      return senderLine(id, live, live.queued, ctx, `${plural(live.queued, 'transfer')} wait`) ?? heldLine(ctx);
    case 'transfer': {
      const sender = s.parentOf[id];
      const link = sender ? s.nodes[sender] : undefined;
      if (!sender || !link) return null;
      return senderLine(sender, link, live.queued, ctx, `${plural(live.queued, 'attempt')} of this transfer wait`) ?? heldLine(ctx);
    }
    case 'receiver': {
      if (live.state !== 'open' || live.credit > 0) return null;
      const manual = s.receivers[id]?.manual ?? false;
      const granted = live.counts.received;
      const remedy = manual
        ? 'add credit or raise its window'
        : live.unsettled?.length
          ? 'settle its deliveries so its window grants more'
          : 'its window grants more as deliveries settle';
      const used = `${id} granted ${granted} and has used them all`;
      const address = live.address ?? '';
      if (ctx.queueDepth === 0) return null; // nothing waits for it
      if (ctx.queueDepth !== null && ctx.queueDepth > 0) {
        const where = address ? `in queue ${address}` : 'at the broker';
        return `${plural(ctx.queueDepth, 'message')} ${ctx.queueDepth === 1 ? 'waits' : 'wait'} ${where}: ${used}; ${remedy}`;
      }
      return manual && granted > 0 ? `no credit left: ${used}; ${remedy}` : null;
    }
    case 'session': {
      const room = ctx.sessionRoom;
      if (!room || room.remaining > 0) return null;
      const waiting = Object.keys(s.parentOf).filter((child) => s.parentOf[child] === id && s.kindOf[child] === 'sender' && (s.nodes[child]?.queued ?? 0) > 0);
      if (!waiting.length) return null;
      return `window full: the broker's incoming window of ${plural(room.window, 'transfer')} is used up, so ${waiting.join(', ')} ${waiting.length === 1 ? 'waits' : 'wait'} for its next flow`;
    }
    case 'connection':
      return null;
    default: {
      const never: never = kind;
      return never;
    }
  }
}
