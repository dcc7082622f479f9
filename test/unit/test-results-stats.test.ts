// JMeter statistics against values computed by hand (the fixture's samples are listed in the
// comments), and percentiles of a large generated set against a sorted array.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JmeterStatistics, type Sample } from '../../shared/test-results/jmeter-stats.ts';
import { ResultsReader } from '../../shared/test-results/results-reader.ts';
import type { JmeterResult } from '../../shared/test-results/types.ts';

function fixture(path: string): JmeterResult {
  const reader = new ResultsReader();
  reader.push(readFileSync(join(import.meta.dirname, '..', 'fixtures', path), 'utf8'));
  return reader.result() as JmeterResult;
}

const sample = (elapsed: number, timeStamp: number | null = null, label = 'L'): Sample => ({
  label,
  elapsed,
  timeStamp,
  success: true,
  bytes: null,
  sentBytes: null,
  transaction: false,
  count: 1,
  errorCount: 0,
});

describe('JMeter statistics', () => {
  it('match hand-computed figures per label and in total', () => {
    const r = fixture('jmeter/default-header.jtl');
    const login = r.labels.find((l) => l.label === 'Login')!;
    // Login: 100, 200, 300, 400 ms starting at 0, 1, 2 and 3 s; the last failed. Span 0 – 3.4 s.
    expect(login).toMatchObject({ samples: 4, errors: 1, errorRate: 0.25, mean: 250, min: 100, max: 400, p50: 200, p90: 400, p95: 400, p99: 400 });
    expect(login.throughput).toBeCloseTo(4 / 3.4, 12);
    expect(login.receivedKBps).toBeCloseTo(4 / 3.4, 12);
    expect(login.sentKBps).toBeCloseTo(0.4 / 3.4, 12);
    // Search: 10, 20, ... 100 ms every 100 ms from 0: nearest ranks 5, 9, 10, 10; span 0 – 1 s.
    const search = r.labels.find((l) => l.label === 'Search')!;
    expect(search).toMatchObject({ samples: 10, errors: 0, mean: 55, p50: 50, p90: 90, p95: 100, p99: 100, throughput: 10 });
    // Total without the transaction: 10 … 100, 100, 200, 300, 400 (14 samples), ranks 7, 13, 14, 14.
    expect(r.total).toMatchObject({ samples: 14, errors: 1, p50: 70, p90: 300, p95: 400, p99: 400, max: 400, min: 10 });
    expect(r.total.mean).toBeCloseTo(1550 / 14, 12);
    expect(r.total.throughput).toBeCloseTo(14 / 3.4, 12);
    // One-second buckets from the first start: 10 Search samples and Login's first in the first.
    expect(r.bucketMs).toBe(1000);
    expect(r.series.map((p) => [p.at, p.samples, p.errors])).toEqual([
      [0, 11, 0],
      [1000, 1, 0],
      [2000, 1, 0],
      [3000, 1, 1],
    ]);
    expect(r.series[0]!.mean).toBeCloseTo(650 / 11, 12);
  });

  it('widen their time buckets instead of growing without bound', () => {
    const stats = new JmeterStatistics();
    for (let s = 0; s < 10_000; s++) stats.add(sample(5, 1_700_000_000_000 + s * 1000));
    const r = stats.result('csv', [], 0, []);
    expect(r.series.length).toBeLessThanOrEqual(240);
    expect(r.bucketMs).toBe(64_000);
    expect(r.series.reduce((n, p) => n + p.samples, 0)).toBe(10_000);
    expect(r.total.throughput).toBeCloseTo(10_000 / (9_999.005), 9);
  });

  it('give percentiles of 200,000 samples within 0.1 % of the nearest-rank values of the sorted array', () => {
    // A long-tailed distribution like response times: most fast, some slow, a few very slow.
    let seed = 42;
    const random = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
    const values: number[] = [];
    const stats = new JmeterStatistics();
    for (let i = 0; i < 200_000; i++) {
      const v = Math.round(Math.exp(random() * 12));
      values.push(v);
      stats.add(sample(v));
    }
    values.sort((a, b) => a - b);
    const nearestRank = (p: number) => values[Math.ceil((p / 100) * values.length) - 1]!;
    const { total } = stats.result('csv', [], 0, []);
    for (const p of [50, 90, 95, 99] as const) {
      const exact = nearestRank(p);
      const got = total[`p${p}`];
      expect(got).toBeGreaterThanOrEqual(exact);
      expect((got - exact) / exact).toBeLessThanOrEqual(0.001);
    }
    expect(total.max).toBe(values.at(-1));
    expect(total.mean).toBeCloseTo(values.reduce((a, b) => a + b, 0) / values.length, 6);
  });

  it('take the nearest rank, not an interpolation, on small counts', () => {
    // Seven samples: nearest rank for p90 is ceil(6.3) = 7 (interpolating would give 6.4).
    const stats = new JmeterStatistics();
    for (const v of [1, 2, 3, 4, 5, 6, 7]) stats.add(sample(v));
    expect(stats.result('csv', [], 0, []).total).toMatchObject({ p50: 4, p90: 7, p95: 7, p99: 7 });
  });
});
