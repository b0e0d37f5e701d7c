// Parses the command line of `amqp-flow`; returns data, never exits.
import { parseFaultText, type TimedFault } from '../graph/faultText.ts';
import { readArgs, type CommonOptions } from './argReader.ts';

export interface RunArgs {
  command: 'run';
  file: string;
  url?: string;
  timeoutMs: number;
  quietMs: number;
  frames: boolean;
  /** write the frames as a Mermaid sequenceDiagram to this file */
  sequence?: string;
  /** write the flow as an SVG picture (nodes that failed marked) to this file */
  canvas?: string;
  /** `--fault <spec>`, in the order given */
  faults: TimedFault[];
  /** `--resend-in-flight`: with reconnect, send in-flight attempts again instead of ending them lost */
  resendInFlight: boolean;
}

export interface TestArgs {
  command: 'test';
  /** files and folders (folders are searched for *.amqpflow.json) */
  paths: string[];
  url?: string;
  junit?: string;
  /** used when a flow states no time limit */
  timeoutMs: number;
  quietMs: number;
}
export type CliArgs = RunArgs | TestArgs | { command: 'help' } | { command: 'error'; message: string };

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_QUIET_MS = 500;
const DEFAULTS: CommonOptions = { timeoutMs: DEFAULT_TIMEOUT_MS, quietMs: DEFAULT_QUIET_MS };

export const USAGE = `Usage: amqp-flow run <graph.amqpflow.json> [--url <ws-url>] [--timeout-ms N] [--quiet-ms N] [--frames] [--sequence <file.mmd>] [--canvas <file.svg>]
                        [--fault <spec>]… [--resend-in-flight]
       amqp-flow test <files|folders…> [--url <ws-url>] [--junit <file.xml>] [--timeout-ms N] [--quiet-ms N]

Runs a flow against a real broker and prints one engine event per line as JSON, then
{"summary": {...}} as the last line.

  --url <ws-url>    use this URL for every connection (ws:// or wss://)
  --timeout-ms N    stop after N ms (default ${DEFAULT_TIMEOUT_MS}); transfers not settled by then are
                    reported as unsent or lost
  --quiet-ms N      once every transfer has settled, end after N ms without a new message
                    (default ${DEFAULT_QUIET_MS})
  --frames          also print every decoded frame, as {"frame": {...}} lines
  --sequence FILE   write the frames as a Mermaid sequenceDiagram to FILE
  --canvas FILE     write the flow as an SVG picture to FILE (nodes that failed say so)
  --fault <spec>    inject a fault on purpose (repeatable):
                    <fault>[:<node>][,<param>=<value>…][@<ms> | @after:<EVENT>[:<node>][:<n>]]
                    e.g. drop-connection@2000, restart-broker@after:TRANSFER_SENT:t1:3,
                    reject-next:tx1,count=2,condition=amqp:not-allowed (no @: once all is open)
  --resend-in-flight  connections with reconnect send the transfers in flight when the socket
                    dropped again (at least once) instead of ending them lost
  --help            show this text

Exit status: 0 every transfer settled and no *_ERROR; 1 errors, or transfers not settled
by the broker (unsent/lost); 2 the flow is invalid or cannot run (problems on stderr).

test runs every flow (folders: every *.amqpflow.json inside) and checks its "expect" section:
one line per flow with ✓ or ✗ and the failed expectations, then "N passed, N failed".
A flow without expectations passes when it would exit 0 from run. --timeout-ms applies to flows
without expect.timeLimitMs. --junit writes a JUnit XML report. Exit status 0 only when all pass.`;

export function parseArgs(argv: string[]): CliArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help' };
  const [command, ...rest] = argv;
  if (command === 'test') return parseTestArgs(rest);
  if (command !== 'run') return { command: 'error', message: `Unknown command "${command}". Use: amqp-flow run <graph.json> or amqp-flow test <files|folders>` };
  let file: string | undefined;
  let frames = false;
  let sequence: string | undefined;
  let canvas: string | undefined;
  const faults: TimedFault[] = [];
  let resendInFlight = false;
  const common = readArgs(
    rest,
    DEFAULTS,
    (arg) => {
      if (arg.raw === '--frames') frames = true;
      else if (arg.raw === '--resend-in-flight') resendInFlight = true;
      else if (arg.name === '--sequence') sequence = arg.value();
      else if (arg.name === '--canvas') canvas = arg.value();
      else if (arg.name === '--fault') {
        const parsed = parseFaultText(arg.value());
        if ('error' in parsed) throw new Error(parsed.error);
        faults.push(parsed);
      } else return false;
      return true;
    },
    (arg) => {
      if (file !== undefined) throw new Error(`Only one graph file can be run at a time (got "${file}" and "${arg}")`);
      file = arg;
    },
  );
  if ('error' in common) return { command: 'error', message: common.error };
  if (!file) return { command: 'error', message: 'Which flow? Use: amqp-flow run <graph.json>' };
  return { command: 'run', file, ...common, frames, faults, resendInFlight, ...(sequence ? { sequence } : {}), ...(canvas ? { canvas } : {}) };
}

function parseTestArgs(rest: string[]): CliArgs {
  const paths: string[] = [];
  let junit: string | undefined;
  const common = readArgs(
    rest,
    DEFAULTS,
    (arg) => {
      if (arg.name !== '--junit') return false;
      junit = arg.value();
      return true;
    },
    (arg) => void paths.push(arg),
  );
  if ('error' in common) return { command: 'error', message: common.error };
  if (paths.length === 0) return { command: 'error', message: 'Which flows? Use: amqp-flow test <files|folders>' };
  return { command: 'test', paths, ...common, junit };
}
