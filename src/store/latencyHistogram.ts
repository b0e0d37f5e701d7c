// A streaming histogram of whole-millisecond latencies for quantiles (p50, p99) at any rate: adding
// is O(1) and never allocates; a quantile walks the fixed buckets, never the samples. Exact below
// 1024 ms, then 64 buckets per doubling (about 1% apart) up to a day.

const EXACT = 1024;
const PER_DOUBLING = 64;
const DOUBLINGS = 17; // 1024 ms · 2^17 ≈ 37 hours
const BUCKETS = EXACT + PER_DOUBLING * DOUBLINGS;

function bucketOf(ms: number): number {
  const v = Math.max(0, Math.round(ms));
  if (v < EXACT) return v;
  const i = EXACT + Math.floor(Math.log2(v / EXACT) * PER_DOUBLING);
  return Math.min(BUCKETS - 1, i);
}

/** The smallest value a bucket holds (what a quantile reports). */
function valueOf(bucket: number): number {
  if (bucket < EXACT) return bucket;
  return Math.round(EXACT * 2 ** ((bucket - EXACT) / PER_DOUBLING));
}

export class LatencyHistogram {
  private readonly counts = new Uint32Array(BUCKETS);
  private n = 0;

  get count(): number {
    return this.n;
  }

  add(ms: number): void {
    this.counts[bucketOf(ms)]! += 1;
    this.n++;
  }

  clear(): void {
    if (this.n === 0) return;
    this.counts.fill(0);
    this.n = 0;
  }

  /**
   * The q-quantile (0 < q ≤ 1) over this histogram and any others given (windows of one stream),
   * or null without samples: the smallest value with at least q of the samples at or below it.
   */
  quantile(q: number, ...others: LatencyHistogram[]): number | null {
    const all = [this, ...others];
    const total = all.reduce((s, h) => s + h.n, 0);
    if (total === 0) return null;
    const rank = Math.max(1, Math.ceil(q * total));
    let seen = 0;
    for (let b = 0; b < BUCKETS; b++) {
      for (const h of all) seen += h.counts[b]!;
      if (seen >= rank) return valueOf(b);
    }
    return valueOf(BUCKETS - 1);
  }
}
