import { describe, expect, it } from 'vitest';
import { validateProps } from './props.ts';
import { REJECT_CONDITIONS, rejectConditionProblem } from './rejectCondition.ts';

describe('a receiver’s reject condition', () => {
  it('takes every AMQP error condition of the spec', () => {
    for (const c of REJECT_CONDITIONS) expect(rejectConditionProblem(c)).toBeNull();
    expect(validateProps('receiver', { rejectCondition: 'amqp:not-allowed', rejectDescription: 'too late' })).toEqual([]);
  });

  it('takes a symbol of another namespace', () => {
    expect(rejectConditionProblem('com.example:too-late')).toBeNull();
    expect(rejectConditionProblem('x-opt:busy')).toBeNull();
  });

  it('refuses an amqp: symbol the spec does not define, naming the real ones', () => {
    const problems = validateProps('receiver', { rejectCondition: 'amqp:precondition-faild' });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'rejectCondition' });
    expect(problems[0]!.message).toContain('"amqp:precondition-faild" is not an AMQP error condition');
    expect(problems[0]!.message).toContain('amqp:precondition-failed');
  });

  it('refuses a symbol without a namespace, with spaces, or that is not text', () => {
    expect(validateProps('receiver', { rejectCondition: 'failed' })[0]?.message).toContain('a symbol with a namespace');
    expect(validateProps('receiver', { rejectCondition: 'com.example:too late' })[0]?.field).toBe('rejectCondition');
    expect(validateProps('receiver', { rejectCondition: 42 })[0]?.field).toBe('rejectCondition');
    expect(validateProps('receiver', { rejectDescription: 42 })[0]?.field).toBe('rejectDescription');
  });
});
