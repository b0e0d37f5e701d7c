// `npm run bench [-- --quick] [-- --only <figure or script>]`: builds the page, runs every benchmark
// in its own process, writes bench/results/latest.json and rewrites the table in BENCHMARKS.md.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { createInterface } from 'node:readline';
import { CATALOG, passes, type BenchSpec } from './catalog.ts';
import { chromiumVersion } from './lib/browser.ts';

const quick = process.argv.includes('--quick');
const onlyAt = process.argv.indexOf('--only');
const only = onlyAt > 0 ? process.argv[onlyAt + 1] : undefined;
const APP_DIR = '.tmp/bench-dist';
const RESULTS = 'bench/results/latest.json';
const DOC = 'BENCHMARKS.md';

interface Measured {
  value: number;
  unit: string;
}

function build() {
  console.log(`building the page into ${APP_DIR}/ (vite build)`);
  const r = spawnSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--outDir', APP_DIR, '--emptyOutDir', '--logLevel', 'warn'], { stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

/** Runs one benchmark script, echoing its output, and collects its BENCH and DETAIL lines. */
function runScript(spec: BenchSpec): Promise<{ figures: Record<string, Measured>; details: Record<string, unknown>; ok: boolean; seconds: number }> {
  const args = ['--import', 'tsx', ...(spec.gc ? ['--expose-gc'] : []), `bench/${spec.script}`, ...(quick ? ['--quick'] : [])];
  const started = Date.now();
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, AMQPFLOW_BENCH_APP_DIR: APP_DIR } });
  const figures: Record<string, Measured> = {};
  const details: Record<string, unknown> = {};
  createInterface({ input: child.stdout }).on('line', (line) => {
    const bench = /^BENCH (\S+) (\S+) (\S+)$/.exec(line);
    const det = /^DETAIL (\S+) (.*)$/.exec(line);
    if (bench) figures[bench[1]!] = { value: Number(bench[2]), unit: bench[3]! };
    else if (det) details[det[1]!] = JSON.parse(det[2]!);
    else console.log(`  ${line}`);
  });
  return new Promise((ok) => child.on('exit', (code) => ok({ figures, details, ok: code === 0, seconds: (Date.now() - started) / 1000 })));
}

async function machine() {
  const cpu = cpus();
  return {
    cpu: cpu[0]?.model.trim() ?? 'unknown',
    cores: cpu.length,
    memoryGb: Math.round(totalmem() / 1e8) / 10,
    node: process.version,
    chromium: await chromiumVersion().catch((e: unknown) => `unavailable: ${String(e)}`),
    platform: `${process.platform} ${process.arch}`,
    loadAverageAtStart: loadavg().map((x) => Math.round(x * 100) / 100),
    date: new Date().toISOString(),
  };
}

interface Row {
  name: string;
  what: string;
  how: string;
  value: number;
  unit: string;
  target: string;
  pass: boolean | null;
}

const fmt = (r: Row) => (Number.isFinite(r.value) ? `${r.value} ${r.unit === 'ratio' || r.unit === 'count' ? '' : r.unit}`.trim() : 'not measured');
const verdict = (p: boolean | null) => (p === null ? 'context' : p ? 'pass' : '**miss**');

function writeDoc(rows: Row[], m: Awaited<ReturnType<typeof machine>>) {
  const table = [
    `Measured ${m.date.slice(0, 16).replace('T', ' ')} UTC${quick ? ' with `--quick`' : ''} on ${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node}, Chromium ${m.chromium}; load average at start ${m.loadAverageAtStart.join(' / ')}.`,
    '',
    '| benchmark | what | figure | target | result |',
    '|---|---|---|---|---|',
    ...rows.map((r) => `| \`${r.name}\` | ${r.what} | ${fmt(r)} | ${r.target} | ${verdict(r.pass)} |`),
    '',
    '| benchmark | how it is measured |',
    '|---|---|',
    ...rows.map((r) => `| \`${r.name}\` | ${r.how.replace(/\|/g, '\\|')} |`),
  ].join('\n');
  const start = '<!-- bench:results:start -->';
  const end = '<!-- bench:results:end -->';
  const doc = existsSync(DOC) ? readFileSync(DOC, 'utf8') : `# Benchmarks\n\n${start}\n${end}\n`;
  const from = doc.indexOf(start);
  const to = doc.indexOf(end);
  if (from < 0 || to < from) throw new Error(`${DOC} lacks the ${start} … ${end} markers`);
  writeFileSync(DOC, `${doc.slice(0, from + start.length)}\n${table}\n${doc.slice(to)}`);
}

async function main() {
  build();
  const m = await machine();
  console.log(`machine: ${JSON.stringify(m)}`);
  const selected = CATALOG.filter((s) => !only || s.script.startsWith(only) || s.figures.some((f) => f.name === only));
  if (!selected.length) throw new Error(`--only ${only}: no such benchmark`);
  const previous = existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as { figures?: Record<string, unknown> }) : {};
  const figures: Record<string, unknown> = only ? { ...(previous.figures ?? {}) } : {};
  const rows: Row[] = [];
  const failed: string[] = [];
  for (const spec of selected) {
    console.log(`\n== ${spec.script}${quick ? ' (quick)' : ''}`);
    const r = await runScript(spec);
    if (!r.ok) failed.push(spec.script);
    for (const f of spec.figures) {
      const got = r.figures[f.name] ?? { value: NaN, unit: '' };
      const pass = passes(f, got.value);
      const target = f.target ? `${f.target.op === '<=' ? '≤' : '≥'} ${f.target.value}${got.unit && got.unit !== 'ratio' && got.unit !== 'count' ? ` ${got.unit}` : ''}` : '—';
      rows.push({ name: f.name, what: f.what, how: f.how, value: got.value, unit: got.unit, target, pass });
      figures[f.name] = { value: Number.isFinite(got.value) ? got.value : null, unit: got.unit, target: f.target ?? null, pass, detail: r.details[f.name] ?? null, seconds: r.seconds };
    }
  }
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(RESULTS, `${JSON.stringify({ quick, machine: m, figures, failed }, null, 2)}\n`);
  if (!only) writeDoc(rows, m);
  console.log('');
  for (const r of rows) console.log(`${r.name.padEnd(26)} ${fmt(r).padEnd(12)} target ${r.target.padEnd(10)} ${verdict(r.pass).replace(/\*/g, '')}`);
  console.log(`\nwrote ${RESULTS}${only ? '' : ` and ${DOC}`}`);
  for (const r of rows) console.log(`BENCH ${r.name} ${Number.isFinite(r.value) ? r.value : 'NaN'} ${r.unit || '-'}`);
  if (failed.length) {
    console.error(`these benchmarks did not finish: ${failed.join(', ')}`);
    process.exitCode = 1;
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : String(e));
  process.exit(1);
});
