import { describe, expect, it } from 'vitest';
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import { TEMPLATES } from '../graph/templates.ts';
import { LOG_CAP, reduceFrames, reduceRun, startRunState } from '../store/reduceRun.ts';
import { makeRecording, parseRecording, recordingFileName, serializeRecording } from './recording.ts';
import { Replay, SNAPSHOT_EVERY } from './replay.ts';

const graph = TEMPLATES.find((t) => t.id === 'send-receive')!.graph();

/** A plausible send-and-receive run with `n` transfers, events and frames interleaved in time. */
function makeRun(n: number): { events: EngineEvent[]; frames: FrameRecord[] } {
  const events: EngineEvent[] = [
    { at: 1, node: 'c1', event: 'CONNECTION_OPEN', url: 'ws://h/', containerId: 'x' },
    { at: 2, node: 's1', event: 'SESSION_OPEN' },
    { at: 3, node: 'tx1', event: 'SENDER_OPEN', address: 'examples' },
    { at: 3, node: 'rx1', event: 'RECEIVER_OPEN', address: 'examples' },
  ];
  const frames: FrameRecord[] = [];
  for (let i = 1; i <= n; i++) {
    const at = 3 + i;
    events.push({ at, node: 't1', event: 'TRANSFER_QUEUED', attempt: i });
    events.push({ at, node: 't1', event: 'TRANSFER_SENT', attempt: i, deliveryId: i - 1 });
    frames.push({ at, connection: 'c1', dir: 'out', channel: 0, performative: 'transfer', fields: { delivery_id: i - 1 } });
    events.push({ at: at + 0.5, node: 't1', event: 'TRANSFER_SETTLED', attempt: i, outcome: i % 10 === 0 ? 'rejected' : 'accepted' });
    events.push({ at: at + 0.5, node: 'tx1', event: 'CREDIT', credit: 500 - (i % 500), deliveryCount: i, queued: 0 });
  }
  return { events, frames };
}

describe('recordings', () => {
  it('round-trips through the file with every event and frame', () => {
    const { events, frames } = makeRun(20);
    const r = makeRecording(graph, events, frames, new Date('2026-01-02T03:04:05.000Z'));
    const back = parseRecording(serializeRecording(r));
    expect(back).toEqual({ ok: true, recording: r });
    expect(recordingFileName(r)).toBe('send-and-receive-2026-01-02T03-04-05-000Z.amqpflow-run.json');
  });

  it('refuses files that are not recordings, with the reason in plain words', () => {
    const msg = (text: string) => {
      const r = parseRecording(text);
      return r.ok ? 'ok' : r.problems.map((p) => p.message).join(' | ');
    };
    expect(msg('{')).toMatch(/not valid JSON/);
    expect(msg(JSON.stringify(graph))).toMatch(/flow file: open it with Import/);
    const good = makeRecording(graph, makeRun(2).events, [], new Date(0));
    expect(msg(JSON.stringify({ ...good, version: 9 }))).toMatch(/version 9/);
    expect(msg(JSON.stringify({ ...good, extra: 1 }))).toMatch(/Unknown field "extra"/);
    expect(msg(JSON.stringify({ ...good, events: [{ at: 1, node: 'ghost', event: 'SESSION_OPEN' }] }))).toMatch(/Event 1 "node" "ghost" is not a node/);
    expect(msg(JSON.stringify({ ...good, events: [{ at: -1, node: 's1', event: 'SESSION_OPEN' }] }))).toMatch(/Event 1 "at"/);
    expect(msg(JSON.stringify({ ...good, events: [{ at: 1, node: 's1', event: 'BOGUS' }] }))).toMatch(/not an engine event/);
    expect(msg(JSON.stringify({ ...good, frames: [{ at: 1, connection: 'c1', dir: 'up', channel: 0, performative: 'open', fields: {} }] }))).toMatch(/Frame 1 "dir"/);
    expect(msg(JSON.stringify({ ...good, graph: { ...graph, nodes: [{ id: 'x', kind: 'nope', position: { x: 0, y: 0 } }] } }))).toMatch(/The recorded flow/);
  });

  it('gives the same state at any time as reducing every event up to that time from the start', () => {
    const { events, frames } = makeRun(3 * SNAPSHOT_EVERY);
    const replay = new Replay(makeRecording(graph, events, frames));
    for (const t of [0, 2, 3, 4.5, 777, 5000.5, 9999, replay.duration + 1]) {
      const expected = reduceFrames(reduceRun(startRunState(graph), events.filter((e) => e.at <= t)), frames.filter((f) => f.at <= t));
      const got = replay.stateAt(t);
      expect(got.nodes, `t=${t}`).toEqual(expected.nodes);
      expect(got.eventTotal).toBe(expected.eventTotal);
      expect(got.frameTotal).toBe(expected.frameTotal);
      // the log and the trace: the same entries (compared by identity at both ends)
      for (const [list, want] of [[got.events, expected.events], [got.frames, expected.frames]] as const) {
        expect(list.length, `t=${t}`).toBe(want.length);
        expect([list[0], list.at(-1)]).toEqual([want[0], want.at(-1)]);
      }
    }
    expect(replay.stateAt(0).nodes.c1?.state).toBe('opening');
    expect(replay.stateAt(replay.duration).nodes.t1?.counts).toMatchObject({ accepted: 13_500, rejected: 1_500 });
  });

  it('builds a replay of 100,000 events and seeks anywhere in it, back and forth', () => {
    const { events, frames } = makeRun(25_000);
    expect(events.length).toBeGreaterThanOrEqual(100_000);
    const replay = new Replay(makeRecording(graph, events, frames));
    for (let i = 0; i < 50; i++) {
      const t = (i * 7919) % replay.duration;
      expect(replay.stateAt(t).eventTotal, `t=${t}`).toBe(events.filter((e) => e.at <= t).length);
    }
    // at the end the log keeps the newest LOG_CAP events, as a live run would
    const end = replay.stateAfter(replay.length);
    expect(end).toMatchObject({ eventTotal: events.length, eventsDropped: events.length - LOG_CAP, frameTotal: frames.length });
    expect(end.events[0]).toBe(events[events.length - LOG_CAP]);
    expect(end.events.at(-1)).toBe(events.at(-1));
    expect(replay.itemAt(replay.length)).toEqual({ kind: 'event', at: events.at(-1)!.at, event: events.at(-1) });
    expect(replay.itemAt(1)).toEqual({ kind: 'event', at: 1, event: events[0] });
    // at equal times events come first: the two events of the first transfer, then its frame
    expect(replay.itemAt(6)).toMatchObject({ kind: 'event', event: events[5] });
    expect(replay.itemAt(7)).toMatchObject({ kind: 'frame', frame: frames[0] });
  });
});
