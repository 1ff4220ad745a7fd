/**
 * A log-bucketed latency histogram (1 % relative precision from 1 µs to ~2 min), so that
 * millions of samples cost a few KiB and can be merged across worker processes.
 */
const MIN_MS = 0.001;
const GROWTH = 1.01;
const LOG_GROWTH = Math.log(GROWTH);
const BUCKETS = Math.ceil(Math.log(120_000 / MIN_MS) / LOG_GROWTH) + 1;

export interface HistogramData {
  /** Sparse [bucket index, count] pairs. */
  buckets: [number, number][];
  count: number;
  max: number;
  sum: number;
}

export class LatencyHistogram {
  private counts = new Uint32Array(BUCKETS);
  count = 0;
  max = 0;
  sum = 0;

  record(ms: number): void {
    const v = ms < MIN_MS ? MIN_MS : ms;
    const i = Math.min(BUCKETS - 1, Math.ceil(Math.log(v / MIN_MS) / LOG_GROWTH));
    this.counts[i]!++;
    this.count++;
    this.sum += ms;
    if (ms > this.max) this.max = ms;
  }

  reset(): void {
    this.counts.fill(0);
    this.count = 0;
    this.max = 0;
    this.sum = 0;
  }

  toData(): HistogramData {
    const buckets: [number, number][] = [];
    this.counts.forEach((n, i) => {
      if (n > 0) buckets.push([i, n]);
    });
    return { buckets, count: this.count, max: this.max, sum: this.sum };
  }
}

export function mergeHistograms(parts: HistogramData[]): HistogramData {
  const merged = new Map<number, number>();
  let count = 0;
  let max = 0;
  let sum = 0;
  for (const p of parts) {
    for (const [i, n] of p.buckets) merged.set(i, (merged.get(i) ?? 0) + n);
    count += p.count;
    sum += p.sum;
    max = Math.max(max, p.max);
  }
  return { buckets: [...merged.entries()].sort((a, b) => a[0] - b[0]), count, max, sum };
}

/** The upper bound of the bucket holding the q-quantile (never above the true max). */
export function quantile(h: HistogramData, q: number): number {
  if (h.count === 0) return NaN;
  const rank = Math.max(1, Math.ceil(q * h.count));
  let seen = 0;
  for (const [i, n] of h.buckets) {
    seen += n;
    if (seen >= rank) return Math.min(h.max, MIN_MS * GROWTH ** i);
  }
  return h.max;
}
