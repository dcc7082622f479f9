// What an imported results file becomes: JMeter's statistics per sampler label with the time
// series the charts draw, or the suites and cases of a JUnit file. Times are milliseconds.

/** Figures over a set of samples (one label's, or all of them). */
export interface SampleStats {
  samples: number;
  errors: number;
  /** errors / samples, 0..1. */
  errorRate: number;
  /** Samples per second from the first sample's start to the last sample's end; null without time stamps. */
  throughput: number | null;
  /** Received and sent kilobytes (1,000 bytes) per second over the same span; null when unknown. */
  receivedKBps: number | null;
  sentKBps: number | null;
  mean: number;
  min: number;
  max: number;
  /** Nearest rank: the smallest recorded value with at least p % of the samples at or below it. */
  p50: number;
  p90: number;
  p95: number;
  p99: number;
}

/** One time bucket: samples that started in [start, start + width) ms after the first bucket's start. */
export interface SeriesPoint {
  /** Milliseconds from the run's first bucket. */
  at: number;
  samples: number;
  errors: number;
  /** Mean elapsed time of the bucket's samples. */
  mean: number;
}

export interface LabelStats extends SampleStats {
  label: string;
  /**
   * A Transaction Controller's sample, or a sample with sub-samples: shown on its own row and left
   * out of the total, where its children are counted already.
   */
  transaction: boolean;
  series: SeriesPoint[];
}

/** A line the reader could not use, by its number in the file. */
export interface LineProblem {
  line: number;
  message: string;
}

export interface JmeterResult {
  kind: 'jmeter';
  format: 'csv' | 'xml';
  /** The columns (CSV) or attributes (XML) the file had. */
  columns: string[];
  /** Epoch ms of the first sample's start; null without time stamps. */
  startedAt: number | null;
  /** Width of a series bucket in ms. */
  bucketMs: number;
  total: SampleStats;
  /** The total's series (every sample but transactions). */
  series: SeriesPoint[];
  labels: LabelStats[];
  /** Lines that were not samples: how many, and the first MAX_LISTED_PROBLEMS of them. */
  malformed: number;
  problems: LineProblem[];
}

export const CASE_STATUSES = ['passed', 'failed', 'error', 'skipped'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];

export interface JunitCase {
  /** The innermost suite's name, outer suites before it joined with " › ". */
  suite: string;
  className: string;
  name: string;
  status: CaseStatus;
  /** The failure's, error's or skip's message attribute, or the first line of its text. */
  message: string;
  /** The failure's text (a stack trace), shortened to MAX_CASE_DETAIL characters. */
  detail: string;
  /** null when the runner wrote no time. */
  durationMs: number | null;
}

export interface JunitResult {
  kind: 'junit';
  cases: JunitCase[];
}

export type ParsedResults = JmeterResult | JunitResult;

/** Counts per status, from the cases (never from the suites' attributes, which writers get wrong). */
export interface JunitSummary {
  suites: number;
  cases: number;
  passed: number;
  failed: number;
  error: number;
  skipped: number;
  durationMs: number;
}

export function summariseJunit(cases: readonly Pick<JunitCase, 'suite' | 'status' | 'durationMs'>[]): JunitSummary {
  const summary: JunitSummary = { suites: new Set(cases.map((c) => c.suite)).size, cases: cases.length, passed: 0, failed: 0, error: 0, skipped: 0, durationMs: 0 };
  for (const c of cases) {
    summary[c.status] += 1;
    summary.durationMs += c.durationMs ?? 0;
  }
  return summary;
}

/** Malformed lines listed one by one; the rest are counted. */
export const MAX_LISTED_PROBLEMS = 50;
/** A failure's stack trace as stored and shown. */
export const MAX_CASE_DETAIL = 4000;

/** An imported file as a run keeps it. */
export type ImportedResults = ParsedResults & {
  id: string;
  runId: string;
  fileName: string;
  importedAt: string;
  importedBy: string;
};
