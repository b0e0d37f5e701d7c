// The command line of `amqp-flow run` and `amqp-flow test`: both forms of each option, the shared
// options read the same way by both commands, and every refusal in words.
import { describe, expect, it } from 'vitest';
import { DEFAULT_QUIET_MS, DEFAULT_TIMEOUT_MS, parseArgs } from './args.ts';

describe('amqp-flow run arguments', () => {
  it('takes each option as "--name value" and as "--name=value"', () => {
    const spaced = parseArgs(['run', 'f.json', '--url', 'ws://h/amqp', '--timeout-ms', '900', '--quiet-ms', '0', '--sequence', 's.mmd', '--canvas', 'c.svg', '--fault', 'drop-connection@2000', '--frames', '--resend-in-flight']);
    const joined = parseArgs(['run', '--url=ws://h/amqp', '--timeout-ms=900', '--quiet-ms=0', '--sequence=s.mmd', '--canvas=c.svg', '--fault=drop-connection@2000', '--frames', '--resend-in-flight', 'f.json']);
    expect(spaced).toEqual(joined);
    expect(spaced).toMatchObject({ command: 'run', file: 'f.json', url: 'ws://h/amqp', timeoutMs: 900, quietMs: 0, frames: true, resendInFlight: true, sequence: 's.mmd', canvas: 'c.svg' });
    expect(spaced.command === 'run' && spaced.faults).toHaveLength(1);
  });

  it('uses the defaults when no option is given', () => {
    expect(parseArgs(['run', 'f.json'])).toEqual({ command: 'run', file: 'f.json', timeoutMs: DEFAULT_TIMEOUT_MS, quietMs: DEFAULT_QUIET_MS, frames: false, faults: [], resendInFlight: false });
  });

  it('refuses what it cannot use, saying why', () => {
    const error = (argv: string[]) => {
      const r = parseArgs(argv);
      return r.command === 'error' ? r.message : null;
    };
    expect(error(['run', 'f.json', '--url'])).toBe('--url needs a value');
    expect(error(['run', 'f.json', '--timeout-ms=0'])).toBe('--timeout-ms needs a whole number of milliseconds above 0, not "0"');
    expect(error(['run', 'f.json', '--quiet-ms', '-1'])).toBe('--quiet-ms needs a whole number of milliseconds, not "-1"');
    expect(error(['run', 'f.json', '--nope'])).toBe('Unknown option --nope. See amqp-flow --help');
    expect(error(['run', 'f.json', '--frames=yes'])).toBe('Unknown option --frames=yes. See amqp-flow --help');
    expect(error(['run', 'a.json', 'b.json'])).toBe('Only one graph file can be run at a time (got "a.json" and "b.json")');
    expect(error(['run', '--frames'])).toBe('Which flow? Use: amqp-flow run <graph.json>');
    expect(error(['run', 'f.json', '--fault', 'no-such-fault'])).toMatch(/no-such-fault/);
    expect(error(['fly'])).toMatch(/^Unknown command "fly"/);
  });
});

describe('amqp-flow test arguments', () => {
  it('reads the shared options as run does, and its own', () => {
    expect(parseArgs(['test', 'flows/', 'x.amqpflow.json', '--url=ws://h/amqp', '--timeout-ms', '900', '--quiet-ms=10', '--junit', 'r.xml'])).toEqual({
      command: 'test', paths: ['flows/', 'x.amqpflow.json'], url: 'ws://h/amqp', timeoutMs: 900, quietMs: 10, junit: 'r.xml',
    });
    expect(parseArgs(['test', '--junit=r.xml', 'flows/'])).toMatchObject({ paths: ['flows/'], junit: 'r.xml', timeoutMs: DEFAULT_TIMEOUT_MS, quietMs: DEFAULT_QUIET_MS });
  });

  it('refuses what it cannot use', () => {
    expect(parseArgs(['test', 'flows/', '--frames'])).toEqual({ command: 'error', message: 'Unknown option --frames. See amqp-flow --help' });
    expect(parseArgs(['test', '--junit'])).toEqual({ command: 'error', message: '--junit needs a value' });
    expect(parseArgs(['test'])).toEqual({ command: 'error', message: 'Which flows? Use: amqp-flow test <files|folders>' });
    expect(parseArgs(['test', '--quiet-ms=5'])).toEqual({ command: 'error', message: 'Which flows? Use: amqp-flow test <files|folders>' });
  });
});
