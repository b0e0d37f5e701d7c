// Parses the command line of `amqp-flow`; returns data, never exits.
import { parseFaultText, type TimedFault } from '../graph/faultText.ts';

export interface RunArgs {
  command: 'run';
  file: string;
  url?: string;
  timeoutMs: number;
  quietMs: number;
  frames: boolean;
  /** `--fault <spec>`, in the order given */
  faults: TimedFault[];
  /** `--resend-in-flight`: with reconnect, send in-flight attempts again instead of ending them lost */
  resendInFlight: boolean;
}
export type CliArgs = RunArgs | { command: 'help' } | { command: 'error'; message: string };

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_QUIET_MS = 500;

export const USAGE = `Usage: amqp-flow run <graph.amqpflow.json> [--url <ws-url>] [--timeout-ms N] [--quiet-ms N] [--frames]
                        [--fault <spec>]… [--resend-in-flight]

Runs a flow against a real broker and prints one engine event per line as JSON, then
{"summary": {...}} as the last line.

  --url <ws-url>    use this URL for every connection (ws:// or wss://)
  --timeout-ms N    stop after N ms (default ${DEFAULT_TIMEOUT_MS}); transfers not settled by then are
                    reported as unsent or lost
  --quiet-ms N      once every transfer has settled, end after N ms without a new message
                    (default ${DEFAULT_QUIET_MS})
  --frames          also print every decoded frame, as {"frame": {...}} lines
  --fault <spec>    inject a fault on purpose (repeatable):
                    <fault>[:<node>][,<param>=<value>…][@<ms> | @after:<EVENT>[:<node>][:<n>]]
                    e.g. drop-connection@2000, restart-broker@after:TRANSFER_SENT:t1:3,
                    reject-next:tx1,count=2,condition=amqp:not-allowed (no @: once all is open)
  --resend-in-flight  connections with reconnect send the transfers in flight when the socket
                    dropped again (at least once) instead of ending them lost
  --help            show this text

Exit status: 0 every transfer settled and no *_ERROR; 1 errors, or transfers not settled
by the broker (unsent/lost); 2 the flow is invalid or cannot run (problems on stderr).`;

export function parseArgs(argv: string[]): CliArgs {
  if (argv.length === 0 || argv.includes('--help') || argv.includes('-h') || argv[0] === 'help') return { command: 'help' };
  const [command, ...rest] = argv;
  if (command !== 'run') return { command: 'error', message: `Unknown command "${command}". Use: amqp-flow run <graph.json>` };
  let file: string | undefined;
  let url: string | undefined;
  let timeoutMs = DEFAULT_TIMEOUT_MS;
  let quietMs = DEFAULT_QUIET_MS;
  let frames = false;
  const faults: TimedFault[] = [];
  let resendInFlight = false;
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i]!;
    const value = () => {
      const v = rest[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    try {
      if (a === '--url') url = value();
      else if (a.startsWith('--url=')) url = a.slice(6);
      else if (a === '--timeout-ms' || a.startsWith('--timeout-ms=')) timeoutMs = positiveInt(a, a.includes('=') ? a.split('=')[1]! : value());
      else if (a === '--quiet-ms' || a.startsWith('--quiet-ms=')) quietMs = positiveInt(a, a.includes('=') ? a.split('=')[1]! : value(), true);
      else if (a === '--frames') frames = true;
      else if (a === '--resend-in-flight') resendInFlight = true;
      else if (a === '--fault' || a.startsWith('--fault=')) {
        const parsed = parseFaultText(a.includes('=') && a.startsWith('--fault=') ? a.slice(8) : value());
        if ('error' in parsed) return { command: 'error', message: parsed.error };
        faults.push(parsed);
      }
      else if (a.startsWith('-')) return { command: 'error', message: `Unknown option ${a}. See amqp-flow --help` };
      else if (file === undefined) file = a;
      else return { command: 'error', message: `Only one graph file can be run at a time (got "${file}" and "${a}")` };
    } catch (e) {
      return { command: 'error', message: (e as Error).message };
    }
  }
  if (!file) return { command: 'error', message: 'Which flow? Use: amqp-flow run <graph.json>' };
  return { command: 'run', file, url, timeoutMs, quietMs, frames, faults, resendInFlight };
}

function positiveInt(flag: string, v: string, zeroOk = false): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) throw new Error(`${flag.split('=')[0]} needs a whole number of milliseconds${zeroOk ? '' : ' above 0'}, not "${v}"`);
  return n;
}
