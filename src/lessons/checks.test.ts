import { describe, expect, it } from 'vitest';
import type { EngineEvent, FrameRecord } from '../engine/events.ts';
import { TEMPLATES } from '../graph/templates.ts';
import { reduceFrames, reduceRun, startRunState } from '../store/reduceRun.ts';
import { allMet, checkMet, measure, type LessonWorld } from './checks.ts';
import { applyEdits, flowBeforeStep } from './edits.ts';
import { BUILTIN_LESSONS } from './builtin/index.ts';

const graph = TEMPLATES.find((t) => t.id === 'send-receive')!.graph();

function worldAfter(events: Omit<EngineEvent, 'at'>[], frames: Omit<FrameRecord, 'at'>[] = [], runs = 1): LessonWorld {
  const run = reduceFrames(
    reduceRun(startRunState(graph), events.map((e, i) => ({ ...e, at: i }) as EngineEvent)),
    frames.map((f, i) => ({ ...f, at: i })),
  );
  return { graph, run, status: 'running', runs };
}

const received = (n: number) => Array.from({ length: n }, (_, i) => ({ node: 'rx1', event: 'MESSAGE_RECEIVED', deliveryId: i, body: 'x', properties: { deliveryCount: i % 2 }, applicationProperties: {} }) as Omit<EngineEvent, 'at'>);

describe('the goal checker', () => {
  it('counts received messages per node from the run', () => {
    const w = worldAfter(received(3));
    expect(measure({ type: 'count', node: 'rx1', counter: 'received' }, w)).toBe(3);
    expect(checkMet({ type: 'count', node: 'rx1', counter: 'received', equals: 3 }, w)).toBe(true);
    expect(checkMet({ type: 'count', node: 'rx1', counter: 'received', min: 4 }, w)).toBe(false);
  });

  it('ignores the run state until a run has started since the lesson opened', () => {
    const w = worldAfter(received(3), [], 0);
    expect(measure({ type: 'count', node: 'rx1', counter: 'received' }, w)).toBeNull();
    expect(checkMet({ type: 'count', node: 'rx1', counter: 'received', equals: 3 }, w)).toBe(false);
    expect(checkMet({ type: 'events', event: 'MESSAGE_RECEIVED' }, w)).toBe(false);
  });

  it('matches events by contained fields and present paths', () => {
    const w = worldAfter(received(4));
    expect(measure({ type: 'events', event: 'MESSAGE_RECEIVED', fields: { properties: { deliveryCount: 1 } } }, w)).toBe(2);
    expect(checkMet({ type: 'events', event: 'MESSAGE_RECEIVED', has: ['properties.replyTo'] }, w)).toBe(false);
    expect(checkMet({ type: 'events', event: 'MESSAGE_RECEIVED', has: ['properties.deliveryCount'], equals: 4 }, w)).toBe(true);
  });

  it('checks event and frame order as a subsequence', () => {
    const w = worldAfter(
      [{ node: 'c1', event: 'CONNECTION_OPEN', url: 'ws://x', containerId: 'c' }, { node: 's1', event: 'SESSION_OPEN' }, { node: 'tx1', event: 'SENDER_OPEN', address: 'a' }] as Omit<EngineEvent, 'at'>[],
      [
        { connection: 'c1', dir: 'out', channel: 0, performative: 'open', fields: {} },
        { connection: 'c1', dir: 'in', channel: 0, performative: 'open', fields: {} },
        { connection: 'c1', dir: 'out', channel: 0, performative: 'begin', fields: { incoming_window: 2 } },
      ],
    );
    expect(checkMet({ type: 'eventOrder', events: [{ event: 'CONNECTION_OPEN' }, { event: 'SENDER_OPEN' }] }, w)).toBe(true);
    expect(checkMet({ type: 'eventOrder', events: [{ event: 'SENDER_OPEN' }, { event: 'CONNECTION_OPEN' }] }, w)).toBe(false);
    expect(checkMet({ type: 'frameOrder', frames: [{ performative: 'open', dir: 'in' }, { performative: 'begin', dir: 'out' }] }, w)).toBe(true);
    expect(checkMet({ type: 'frames', performative: 'begin', dir: 'out', fields: { incoming_window: 2 } }, w)).toBe(true);
    expect(checkMet({ type: 'frames', performative: 'disposition', dir: 'in', max: 0 }, w)).toBe(true);
  });

  it('checks the document: nodes with props, wires by kind, removed nodes', () => {
    const w = worldAfter([]);
    expect(checkMet({ type: 'node', kind: 'sender', props: { address: 'examples' } }, w)).toBe(true);
    expect(checkMet({ type: 'node', kind: 'sender', props: { address: 'other' } }, w)).toBe(false);
    expect(checkMet({ type: 'edge', source: 's1', targetKind: 'receiver' }, w)).toBe(true);
    expect(allMet([{ type: 'noNode', node: 'zz' }, { type: 'noNode', node: 't1' }], w)).toBe(false);
  });
});

describe('solutions', () => {
  it('apply in order and bring every built-in lesson to a flow that satisfies each document step', () => {
    for (const lesson of BUILTIN_LESSONS) {
      lesson.steps.forEach((step, i) => {
        if (step.kind !== 'do' || !step.solution?.edits) return;
        const after = flowBeforeStep(lesson.flow, lesson.steps, i + 1);
        const w: LessonWorld = { graph: after, run: startRunState(after), status: 'idle', runs: 0 };
        expect(allMet(step.until, w), `${lesson.id} step ${i + 1}`).toBe(true);
      });
    }
  });

  it('stops at the first edit that cannot apply', () => {
    const r = applyEdits(graph, [{ op: 'setProps', node: 'tx1', props: { address: 'b' } }, { op: 'connect', source: 'rx1', target: 't1' }]);
    expect(r).toMatchObject({ ok: false, index: 1 });
  });
});

describe('checks in words', () => {
  it('says what each built-in check waits for, without the decoder\'s "value" wrapper', async () => {
    const { describeCheck } = await import('./describeCheck.ts');
    expect(describeCheck({ type: 'count', node: 'rx1', counter: 'received', min: 7 })).toBe('rx1 received ≥ 7');
    expect(describeCheck({ type: 'frames', performative: 'attach', dir: 'out', fields: { source: { value: { dynamic: true } } } })).toBe('attach frame out with source.dynamic=true');
    expect(describeCheck({ type: 'edge', source: 's1', targetKind: 'sender' })).toBe('s1 is wired to a sender');
    for (const lesson of BUILTIN_LESSONS) {
      for (const step of lesson.steps) {
        const checks = step.kind === 'do' ? step.until : step.kind === 'goal' ? step.expect : [];
        for (const c of checks) expect(describeCheck(c)).not.toMatch(/undefined|\[object/);
      }
    }
  });
});
