// `amqp-flow run <graph.json>`: runs a flow from the command line and prints its events as JSON lines.
import { readFile, writeFile } from 'node:fs/promises';
import type { Graph, Problem } from '../graph/types.ts';
import { parseGraphFile } from '../graph/file.ts';
import { runProblems } from '../graph/validate.ts';
import { effectiveProps } from '../graph/defaults.ts';
import { runGraph } from '../engine/runGraph.ts';
import { runUntilQuiet } from '../engine/runUntilQuiet.ts';
import { nodeWebSocketFactory } from '../engine/wsFactory.ts';
import type { RunSummary } from '../engine/run.ts';
import { checkUrl } from '../engine/doctor.ts';
import type { FrameRecord } from '../engine/events.ts';
import { sequenceToMermaid } from '../engine/sequenceExport.ts';
import { flowToSvg } from '../graph/flowSvg.ts';
import { parseArgs, USAGE, type RunArgs } from './args.ts';
import { testCommand } from './testCommand.ts';
import { faultProblem } from '../graph/faults.ts';
import { scheduleFaults } from '../engine/faultSchedule.ts';

export async function main(argv: string[], out: (line: string) => void, err: (line: string) => void): Promise<number> {
  const args = parseArgs(argv);
  if (args.command === 'help') {
    out(USAGE);
    return 0;
  }
  if (args.command === 'error') {
    err(args.message);
    return 2;
  }
  if (args.command === 'test') return testCommand(args, out, err);
  let text: string;
  try {
    text = await readFile(args.file, 'utf8');
  } catch (e) {
    err(`Cannot read ${args.file}: ${(e as Error).message}`);
    return 2;
  }
  const parsed = parseGraphFile(text);
  const problems = parsed.ok ? [...runProblems(parsed.graph), ...urlProblems(parsed.graph, args.url), ...faultProblems(parsed.graph, args)] : parsed.problems;
  if (!parsed.ok || problems.length) {
    for (const p of problems) err(formatProblem(p));
    return 2;
  }
  const frames: FrameRecord[] = [];
  const failed: Record<string, string> = {};
  const summary = await runFlow(parsed.graph, args, (line) => {
    out(line);
    if (args.canvas && line.includes('_ERROR"')) failed[(JSON.parse(line) as { node: string }).node] = 'error';
  }, err, (f) => frames.push(f));
  out(JSON.stringify({ summary }));
  if (args.canvas) {
    try {
      await writeFile(args.canvas, flowToSvg(parsed.graph, { states: failed }));
    } catch (e) {
      err(`Cannot write ${args.canvas}: ${(e as Error).message}`);
      return 2;
    }
  }
  if (args.sequence) {
    try {
      await writeFile(args.sequence, sequenceToMermaid(frames, parsed.graph.name));
    } catch (e) {
      err(`Cannot write ${args.sequence}: ${(e as Error).message}`);
      return 2;
    }
  }
  // presettled counts as settled: the sender chose not to hear an outcome
  return summary.errors === 0 && summary.lost === 0 && summary.unsent === 0 ? 0 : 1;
}

/** Runs until every transfer has settled and no message arrived for `quietMs`, or until the timeout. */
async function runFlow(
  graph: Graph,
  args: RunArgs,
  out: (line: string) => void,
  err: (line: string) => void,
  keepFrame: (f: FrameRecord) => void,
): Promise<RunSummary> {
  const run = runGraph(graph, {
    createWebSocket: nodeWebSocketFactory,
    urlOverride: args.url,
    frames: args.frames || !!args.sequence,
    ...(args.resendInFlight ? { reconnect: { resendInFlight: true } } : {}),
  });
  const disarm = scheduleFaults(run, graph, args.faults, (message) => err(`--fault: ${message}`));
  run.subscribe((e) => out(JSON.stringify(e)));
  if (args.frames || args.sequence) {
    run.subscribeFrames((f) => {
      if (args.frames) out(JSON.stringify({ frame: f }));
      if (args.sequence) keepFrame(f);
    });
  }
  try {
    return (await runUntilQuiet(run, { timeoutMs: args.timeoutMs, quietMs: args.quietMs })).summary;
  } finally {
    disarm();
  }
}

function urlProblems(graph: Graph, override: string | undefined): Problem[] {
  if (override) {
    const bad = checkUrl(override);
    return bad ? [{ field: 'url', message: `--url: ${bad.description} ${bad.hint ?? ''}`.trim() }] : [];
  }
  return graph.nodes
    .filter((n) => n.kind === 'connection' && !effectiveProps(n).url)
    .map((n) => ({ nodeId: n.id, field: 'url', message: `Connection "${n.id}" has no URL; pass --url <ws-url> or set its url` }));
}

function faultProblems(graph: Graph, args: RunArgs): Problem[] {
  return args.faults.flatMap((f) => {
    const problem = faultProblem(graph, f.spec);
    return problem ? [{ field: 'fault', message: `--fault: ${problem}` }] : [];
  });
}

function formatProblem(p: Problem): string {
  const where = [p.nodeId, p.field].filter(Boolean).join('.');
  return where ? `${where}: ${p.message}` : p.message;
}

const isEntry = (() => {
  const entry = process.argv[1] ?? '';
  return /(^|[\\/])main\.ts$/.test(entry);
})();

if (isEntry) {
  const code = await main(process.argv.slice(2), (l) => process.stdout.write(`${l}\n`), (l) => process.stderr.write(`${l}\n`));
  process.exitCode = code;
  // sockets that ended badly may keep timers; the run is over
  setTimeout(() => process.exit(code), 200).unref();
}
