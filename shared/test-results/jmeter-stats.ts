// Statistics of JMeter samples as they stream past, in memory bounded by the number of labels and
// time buckets, never by the number of samples. Percentiles come from an HDR histogram
// (hdr-histogram-js) with three significant digits: every value up to 2,048 ms is kept exactly,
// larger ones in buckets no wider than 0.1 % of their value, so a percentile is the nearest-rank
// value or above it by at most 0.1 %. Count, errors, mean, min and max are exact.
import { build, type Histogram } from 'hdr-histogram-js';
import type { JmeterResult, LabelStats, LineProblem, SampleStats, SeriesPoint } from './types.ts';

/** One sample as the readers hand it over. */
export interface Sample {
  label: string;
  elapsed: number;
  /** Epoch ms of its start; null when the file has no time stamps. */
  timeStamp: number | null;
  success: boolean;
  bytes: number | null;
  sentBytes: number | null;
  transaction: boolean;
  /** JMeter's SampleCount column: a sample standing for several (batched results); 1 otherwise. */
  count: number;
  errorCount: number;
}

/** The charts need a line, not a point per second of a day-long test: buckets double in width beyond this many. */
const MAX_BUCKETS = 240;
const FIRST_BUCKET_MS = 1000;

interface Bucket {
  samples: number;
  errors: number;
  elapsed: number;
}

class Accumulator {
  samples = 0;
  errors = 0;
  elapsedSum = 0;
  min = Infinity;
  max = 0;
  first = Infinity;
  lastEnd = -Infinity;
  bytes = 0;
  sentBytes = 0;
  hasBytes = false;
  hasSentBytes = false;
  readonly histogram: Histogram = build({ numberOfSignificantValueDigits: 3, bitBucketSize: 'packed' });
  /** Keyed by start / bucket width, so that doubling the width merges neighbours exactly. */
  buckets = new Map<number, Bucket>();

  add(s: Sample, bucketMs: number): void {
    this.samples += s.count;
    this.errors += s.errorCount;
    this.elapsedSum += s.elapsed * s.count;
    this.min = Math.min(this.min, s.elapsed);
    this.max = Math.max(this.max, s.elapsed);
    this.histogram.recordValueWithCount(s.elapsed, s.count);
    if (s.bytes !== null) {
      this.bytes += s.bytes;
      this.hasBytes = true;
    }
    if (s.sentBytes !== null) {
      this.sentBytes += s.sentBytes;
      this.hasSentBytes = true;
    }
    if (s.timeStamp === null) return;
    this.first = Math.min(this.first, s.timeStamp);
    this.lastEnd = Math.max(this.lastEnd, s.timeStamp + s.elapsed);
    const key = Math.floor(s.timeStamp / bucketMs);
    const bucket = this.buckets.get(key) ?? { samples: 0, errors: 0, elapsed: 0 };
    bucket.samples += s.count;
    bucket.errors += s.errorCount;
    bucket.elapsed += s.elapsed * s.count;
    this.buckets.set(key, bucket);
  }

  /** Halves the keys: each bucket joins its neighbour in a bucket of twice the width. */
  widen(): void {
    const wider = new Map<number, Bucket>();
    for (const [key, b] of this.buckets) {
      const k = Math.floor(key / 2);
      const into = wider.get(k) ?? { samples: 0, errors: 0, elapsed: 0 };
      into.samples += b.samples;
      into.errors += b.errors;
      into.elapsed += b.elapsed;
      wider.set(k, into);
    }
    this.buckets = wider;
  }

  /** The nearest-rank value at p % (the histogram counts to rank ceil(p/100 × n)), within the bucket's 0.1 %. */
  percentile(p: number): number {
    // The bucket's top can lie above the largest value recorded in it.
    return Math.min(this.histogram.getValueAtPercentile(p), this.max);
  }

  stats(): SampleStats {
    const n = this.samples;
    const spanS = this.first === Infinity ? null : Math.max(this.lastEnd - this.first, 1) / 1000;
    return {
      samples: n,
      errors: this.errors,
      errorRate: n === 0 ? 0 : this.errors / n,
      throughput: spanS === null ? null : n / spanS,
      receivedKBps: spanS === null || !this.hasBytes ? null : this.bytes / 1000 / spanS,
      sentKBps: spanS === null || !this.hasSentBytes ? null : this.sentBytes / 1000 / spanS,
      mean: n === 0 ? 0 : this.elapsedSum / n,
      min: n === 0 ? 0 : this.min,
      max: this.max,
      p50: n === 0 ? 0 : this.percentile(50),
      p90: n === 0 ? 0 : this.percentile(90),
      p95: n === 0 ? 0 : this.percentile(95),
      p99: n === 0 ? 0 : this.percentile(99),
    };
  }

  series(origin: number, bucketMs: number): SeriesPoint[] {
    return [...this.buckets.entries()]
      .sort(([a], [b]) => a - b)
      .map(([key, b]) => ({ at: key * bucketMs - origin, samples: b.samples, errors: b.errors, mean: b.samples === 0 ? 0 : b.elapsed / b.samples }));
  }

  destroy(): void {
    this.histogram.destroy();
  }
}

/** Feeds samples in any order; `result` gives the statistics per label and in total. */
export class JmeterStatistics {
  private readonly labels = new Map<string, Accumulator & { transaction: boolean }>();
  private readonly total = new Accumulator();
  private bucketMs = FIRST_BUCKET_MS;

  add(sample: Sample): void {
    let label = this.labels.get(sample.label);
    if (!label) {
      label = Object.assign(new Accumulator(), { transaction: false });
      this.labels.set(sample.label, label);
    }
    if (sample.transaction) label.transaction = true;
    label.add(sample, this.bucketMs);
    if (!sample.transaction) this.total.add(sample, this.bucketMs);
    if (label.buckets.size > MAX_BUCKETS || this.total.buckets.size > MAX_BUCKETS) {
      this.bucketMs *= 2;
      this.total.widen();
      for (const l of this.labels.values()) l.widen();
    }
  }

  get samples(): number {
    let n = 0;
    for (const l of this.labels.values()) n += l.samples;
    return n;
  }

  result(format: 'csv' | 'xml', columns: string[], malformed: number, problems: LineProblem[]): JmeterResult {
    const starts = [...this.labels.values()].map((l) => l.first).filter((f) => f !== Infinity);
    const startedAt = starts.length === 0 ? null : Math.min(...starts);
    const origin = startedAt === null ? 0 : Math.floor(startedAt / this.bucketMs) * this.bucketMs;
    const labels: LabelStats[] = [...this.labels.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([label, acc]) => ({ label, transaction: acc.transaction, ...acc.stats(), series: acc.series(origin, this.bucketMs) }));
    const result: JmeterResult = {
      kind: 'jmeter',
      format,
      columns,
      startedAt,
      bucketMs: this.bucketMs,
      total: this.total.stats(),
      series: this.total.series(origin, this.bucketMs),
      labels,
      malformed,
      problems,
    };
    this.total.destroy();
    for (const l of this.labels.values()) l.destroy();
    return result;
  }
}
