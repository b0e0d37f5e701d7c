// Walks a command line for `amqp-flow run` and `amqp-flow test`: each option as `--name value` or
// `--name=value`, the options both commands take (--url, --timeout-ms, --quiet-ms) read in one place.

export interface Arg {
  /** the argument as typed */
  raw: string;
  /** the option's name without `=value` (the argument itself when it is not an option) */
  name: string;
  /** the option's value: after `=`, or the next argument (taken from the list); throws when missing */
  value: () => string;
}

/** The options run and test share. */
export interface CommonOptions {
  url?: string;
  timeoutMs: number;
  quietMs: number;
}

function* eachArg(argv: readonly string[]): Generator<Arg> {
  let i = 0;
  while (i < argv.length) {
    const raw = argv[i++]!;
    const eq = raw.startsWith('--') ? raw.indexOf('=') : -1;
    const value = () => {
      if (eq >= 0) return raw.slice(eq + 1);
      const next = argv[i++];
      if (next === undefined) throw new Error(`${raw} needs a value`);
      return next;
    };
    yield { raw, name: eq >= 0 ? raw.slice(0, eq) : raw, value };
  }
}

function positiveInt(flag: string, v: string, zeroOk = false): number {
  const n = Number(v);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) throw new Error(`${flag} needs a whole number of milliseconds${zeroOk ? '' : ' above 0'}, not "${v}"`);
  return n;
}

function readCommonOption(arg: Arg, into: CommonOptions): boolean {
  switch (arg.name) {
    case '--url':
      into.url = arg.value();
      return true;
    case '--timeout-ms':
      into.timeoutMs = positiveInt(arg.name, arg.value());
      return true;
    case '--quiet-ms':
      into.quietMs = positiveInt(arg.name, arg.value(), true);
      return true;
    default:
      return false;
  }
}

/**
 * Reads one command's arguments: the shared options here, the command's own through `own` (true when
 * it took the argument), anything else not starting with `-` through `positional`. Either handler may
 * throw an Error whose message is the answer; an unknown option is refused.
 */
export function readArgs(
  argv: readonly string[],
  defaults: CommonOptions,
  own: (arg: Arg) => boolean,
  positional: (arg: string) => void,
): CommonOptions | { error: string } {
  const common: CommonOptions = { ...defaults };
  try {
    for (const arg of eachArg(argv)) {
      if (readCommonOption(arg, common) || own(arg)) continue;
      if (arg.raw.startsWith('-')) return { error: `Unknown option ${arg.raw}. See amqp-flow --help` };
      positional(arg.raw);
    }
  } catch (e) {
    return { error: (e as Error).message };
  }
  return common;
}
