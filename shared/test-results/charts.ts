// The two charts of a JMeter import, once for the window and the documents: mean response time
// per sampler label over time, and throughput over time, both over seconds since the test began.
import type { NumberLineChart } from '../charts/chart.ts';
import { translate, type Language } from '../i18n/index.ts';
import type { JmeterResult } from './types.ts';

/** Lines a reader can still tell apart: the labels with most samples, the rest left to the table. */
const MAX_LINES = 6;

export function responseTimeChart(result: Pick<JmeterResult, 'labels'>, language: Language): NumberLineChart {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const labels = result.labels
    .filter((l) => !l.transaction)
    .sort((a, b) => b.samples - a.samples)
    .slice(0, MAX_LINES);
  return {
    kind: 'line',
    over: 'numbers',
    title: t('results.chart.responseTime'),
    language,
    along: { title: t('results.chart.time'), unit: t('results.chart.s') },
    value: { title: t('results.chart.mean'), unit: t('results.chart.ms') },
    series: labels.map((l) => ({ name: l.label, points: l.series.map((p) => ({ x: p.at / 1000, y: Math.round(p.mean) })) })),
  };
}

export function throughputChart(result: Pick<JmeterResult, 'series' | 'bucketMs'>, language: Language): NumberLineChart {
  const t = (key: Parameters<typeof translate>[1]) => translate(language, key);
  const seconds = result.bucketMs / 1000;
  return {
    kind: 'line',
    over: 'numbers',
    title: t('results.chart.throughput'),
    language,
    along: { title: t('results.chart.time'), unit: t('results.chart.s') },
    value: { title: t('results.chart.samples'), unit: t('results.chart.perSecond') },
    series: [{ name: t('results.chart.samples'), points: result.series.map((p) => ({ x: p.at / 1000, y: Math.round((p.samples / seconds) * 10) / 10 })) }],
  };
}
