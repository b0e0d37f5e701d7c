// `amqp-flow test <files|folders>`: runs many flows, checks each one's expectations and reports
// like a test runner (one line per flow, the failed expectations under it, "N passed, N failed").
import { readdir, readFile, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { effectiveProps } from '../graph/defaults.ts';
import { hasExpectations } from '../graph/expectations.ts';
import { parseGraphFile } from '../graph/file.ts';
import type { Graph, Problem } from '../graph/types.ts';
import { runProblems } from '../graph/validate.ts';
import { allMet, answeredByEmbeddedBroker, checkExpectations, type CheckResult } from '../engine/checkExpectations.ts';
import { checkUrl } from '../engine/doctor.ts';
import type { TestArgs } from './args.ts';
import { junitXml, type FlowReport } from './junit.ts';
import { runToEnd } from './runToEnd.ts';

/** Every *.amqpflow.json under the given files and folders, folders searched recursively, in name order. */
export async function findFlowFiles(paths: readonly string[]): Promise<string[]> {
  const found: string[] = [];
  for (const path of paths) {
    const info = await stat(path);
    if (!info.isDirectory()) {
      found.push(path);
      continue;
    }
    const entries = await readdir(path, { recursive: true });
    found.push(...entries.filter((e) => e.endsWith('.amqpflow.json')).sort().map((e) => join(path, e)));
  }
  return found;
}

function missingUrls(graph: Graph, override: string | undefined): Problem[] {
  if (override) {
    const bad = checkUrl(override);
    return bad ? [{ field: 'url', message: `--url: ${bad.description}` }] : [];
  }
  return graph.nodes
    .filter((n) => n.kind === 'connection' && !effectiveProps(n).url)
    .map((n) => ({ nodeId: n.id, field: 'url', message: `Connection "${n.id}" has no URL; pass --url <ws-url> or set its url` }));
}

const problemText = (p: Problem) => {
  const where = [p.nodeId, p.field].filter(Boolean).join('.');
  return where ? `${where}: ${p.message}` : p.message;
};

/** Runs one file; never throws. */
async function testFile(file: string, args: TestArgs): Promise<FlowReport & { checks: CheckResult[] }> {
  const began = Date.now();
  const report = (status: FlowReport['status'], name: string, details: string[], checks: CheckResult[] = []) =>
    ({ file, name, status, details, checks, time: (Date.now() - began) / 1000 });
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (e) {
    return report('failed', file, [`cannot read the file: ${(e as Error).message}`]);
  }
  const parsed = parseGraphFile(text);
  if (!parsed.ok) return report('failed', file, parsed.problems.map(problemText));
  const graph = parsed.graph;
  const problems = [...runProblems(graph), ...missingUrls(graph, args.url)];
  if (problems.length) return report('failed', graph.name, problems.map(problemText));
  const run = await runToEnd(graph, {
    url: args.url,
    timeoutMs: graph.expect?.timeLimitMs ?? args.timeoutMs,
    quietMs: args.quietMs,
    frames: true,
  });
  if (!hasExpectations(graph.expect)) {
    const s = run.summary;
    const details = [
      ...(s.errors ? [`${s.errors} error(s): ${run.events.filter((e) => e.event.endsWith('_ERROR')).map((e) => `${e.node} ${e.errorDetail?.condition ?? ''}`.trim()).join(', ')}`] : []),
      ...(s.lost || s.unsent ? [`${s.lost} lost, ${s.unsent} unsent`] : []),
    ];
    return report(details.length ? 'failed' : 'passed', graph.name, details);
  }
  const checks = checkExpectations(graph, run.events, {
    finishedAt: run.finishedAt,
    eventsBeforeStop: run.eventsBeforeStop,
    onEmbeddedBroker: answeredByEmbeddedBroker(run.frames),
  });
  if (checks.length > 0 && checks.every((c) => c.status === 'skipped')) return report('skipped', graph.name, [checks[0]!.message], checks);
  const failed = checks.filter((c) => c.status === 'failed').map((c) => `${c.label}: ${c.message}`);
  return report(allMet(checks) ? 'passed' : 'failed', graph.name, failed, checks);
}

export async function testCommand(args: TestArgs, out: (line: string) => void, err: (line: string) => void): Promise<number> {
  let files: string[];
  try {
    files = await findFlowFiles(args.paths);
  } catch (e) {
    err(`Cannot read ${(e as Error).message}`);
    return 2;
  }
  if (files.length === 0) {
    err(`No *.amqpflow.json files in ${args.paths.join(', ')}`);
    return 2;
  }
  const reports: FlowReport[] = [];
  for (const file of files) {
    const r = await testFile(file, args);
    reports.push(r);
    const mark = r.status === 'passed' ? '✓' : r.status === 'failed' ? '✗' : '-';
    const tail = r.status === 'skipped' ? ` skipped: ${r.details[0] ?? ''}` : r.checks.length ? ` (${r.checks.length} checks)` : '';
    out(`${mark} ${r.name} — ${file}${tail}`);
    if (r.status === 'failed') for (const d of r.details) out(`    ✗ ${d}`);
  }
  const passed = reports.filter((r) => r.status === 'passed').length;
  const failed = reports.filter((r) => r.status === 'failed').length;
  const skipped = reports.length - passed - failed;
  out(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  if (args.junit) {
    try {
      await writeFile(args.junit, junitXml(reports));
    } catch (e) {
      err(`Cannot write ${args.junit}: ${(e as Error).message}`);
      return 2;
    }
  }
  return failed === 0 ? 0 : 1;
}
