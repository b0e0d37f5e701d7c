// The words on a sequence-diagram arrow: the performative and the fields a lesson is about (credit
// and drain on a flow, delivery id and settled on a transfer, first/last/settled/state on a
// disposition), spelled as the spec spells them, wrapped to the arrow's width instead of clipped.
import type { FrameRecord } from '../engine/events.ts';
import { fieldOf, show, stateName, terminusAddress } from '../store/describeFrame.ts';

const SND_SETTLE = ['unsettled', 'settled', 'mixed'];
const RCV_SETTLE = ['first', 'second'];

const spec = (name: string) => name.replace(/_/g, '-');
const present = (v: unknown) => v !== undefined && v !== null;

/** `name=value` for each field present, in the order given. */
function pick(f: FrameRecord, names: readonly string[]): string[] {
  const out: string[] = [];
  for (const name of names) {
    const v = fieldOf(f, name);
    if (present(v)) out.push(`${spec(name)}=${show(v)}`);
  }
  return out;
}

/** The fields an arrow shows for this frame, as `name=value` words (booleans that default to false included). */
export function arrowFields(f: FrameRecord): string[] {
  const bool = (name: string) => `${spec(name)}=${fieldOf(f, name) === true}`;
  switch (f.performative) {
    case 'open':
      return pick(f, ['container_id', 'hostname', 'max_frame_size', 'channel_max', 'idle_time_out']);
    case 'begin':
      return pick(f, ['remote_channel', 'next_outgoing_id', 'incoming_window', 'outgoing_window']);
    case 'attach': {
      const role = fieldOf(f, 'role') === true ? 'receiver' : 'sender';
      const out = [`name=${show(fieldOf(f, 'name'))}`, `role=${role}`, ...pick(f, ['handle'])];
      const source = terminusAddress(fieldOf(f, 'source'));
      const target = terminusAddress(fieldOf(f, 'target'));
      if (source !== undefined) out.push(`source=${source}`);
      if (target !== undefined) out.push(`target=${target}`);
      const snd = fieldOf(f, 'snd_settle_mode');
      const rcv = fieldOf(f, 'rcv_settle_mode');
      if (present(snd)) out.push(`snd-settle-mode=${SND_SETTLE[Number(snd)] ?? show(snd)}`);
      if (present(rcv)) out.push(`rcv-settle-mode=${RCV_SETTLE[Number(rcv)] ?? show(rcv)}`);
      return [...out, ...pick(f, ['initial_delivery_count'])];
    }
    case 'flow': {
      // A flow without a handle is about the session's windows only.
      if (!present(fieldOf(f, 'handle'))) return pick(f, ['next_incoming_id', 'incoming_window', 'next_outgoing_id', 'outgoing_window']);
      const out = [...pick(f, ['handle', 'link_credit', 'delivery_count']), bool('drain')];
      if (fieldOf(f, 'echo') === true) out.push('echo=true');
      return [...out, ...pick(f, ['available'])];
    }
    case 'transfer': {
      const out = [...pick(f, ['handle', 'delivery_id']), bool('settled')];
      if (fieldOf(f, 'more') === true) out.push('more=true');
      const state = fieldOf(f, 'state');
      if (present(state)) out.push(`state=${stateName(state)}`);
      if (f.message) out.push(`“${f.message.summary}” (${f.message.size} B)`);
      return out;
    }
    case 'disposition': {
      const role = fieldOf(f, 'role') === true ? 'receiver' : 'sender';
      const first = fieldOf(f, 'first');
      const last = fieldOf(f, 'last') ?? first; // an absent last means first alone
      const state = fieldOf(f, 'state');
      return [`role=${role}`, `first=${show(first)}`, `last=${show(last)}`, bool('settled'), ...(present(state) ? [`state=${stateName(state)}`] : [])];
    }
    case 'detach':
      return [...pick(f, ['handle']), bool('closed'), ...pick(f, ['error'])];
    case 'end':
    case 'close':
      return pick(f, ['error']);
    default:
      return Object.keys(f.fields)
        .slice(0, 4)
        .flatMap((k) => pick(f, [k]));
  }
}

/** The whole label on one line: `flow link-credit=10 delivery-count=0 drain=false`. */
export function arrowLabel(f: FrameRecord): string {
  return [f.performative, ...arrowFields(f)].join(' ');
}

/**
 * Lines of at most `width` characters, broken between words; a word longer than a line (a
 * generated link name) is split across lines. Nothing is dropped.
 */
export function wrapWords(words: readonly string[], width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (let word of words) {
    while (word.length > width) {
      if (line) lines.push(line);
      lines.push(word.slice(0, width));
      word = word.slice(width);
      line = '';
    }
    if (!line) line = word;
    else if (line.length + 1 + word.length <= width) line += ` ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}
