// How every benchmark hands back its figures: one `BENCH <name> <value> <unit>` line per figure
// (the last lines it prints), and `DETAIL <name> <json>` lines the runner keeps in latest.json.

export interface Figure {
  name: string;
  value: number;
  unit: string;
}

const figures: Figure[] = [];

/** Records a figure; it is printed, with the others, when the benchmark calls `finish()`. */
export function figure(name: string, value: number, unit: string) {
  figures.push({ name, value, unit });
}

/** Context for a figure (rounds, counts, settings), printed at once. */
export function detail(name: string, info: Record<string, unknown>) {
  console.log(`DETAIL ${name} ${JSON.stringify(info)}`);
}

export function finish() {
  for (const f of figures) console.log(`BENCH ${f.name} ${Number.isFinite(f.value) ? f.value : 'NaN'} ${f.unit}`);
}

/** `--quick` on the command line (or AMQPFLOW_BENCH_QUICK=1 from the runner). */
export const quick = process.argv.includes('--quick') || process.env.AMQPFLOW_BENCH_QUICK === '1';

/** Runs a benchmark's main function, prints its figures last, and exits non-zero if it threw. */
export function main(run: () => Promise<void>) {
  run().then(
    () => {
      finish();
      process.exit(0);
    },
    (err: unknown) => {
      console.error(err instanceof Error ? (err.stack ?? err.message) : String(err));
      finish();
      process.exit(1);
    },
  );
}
