// The test protocol's sections for results imported from tools: per JMeter file the statistics
// table and the two charts, per JUnit file the summary and the failed tests. The protocol
// (shared/documents/test-protocol.ts) places them where its hook is.
import type { Block, Run } from '../documents/model.ts';
import { translate, type Language, type MessageKey, type MessageValues } from '../i18n/index.ts';
import { formatNumber } from '../quantity.ts';
import { responseTimeChart, throughputChart } from './charts.ts';
import { summariseJunit, type ImportedResults, type SampleStats } from './types.ts';

const cell = (text: string): Run[] => [{ text }];

export function resultsSections(imports: readonly ImportedResults[], language: Language): Block[] {
  const t = (key: MessageKey, values?: MessageValues) => translate(language, key, values);
  const n = (value: number, digits = 0) => formatNumber(value, language, digits);
  if (imports.length === 0) return [];
  const blocks: Block[] = [{ type: 'heading', level: 2, text: t('results.heading'), numbered: true }];
  for (const imported of imports) {
    const file = t('results.file', { file: imported.fileName, date: imported.importedAt.slice(0, 10), name: imported.importedBy });
    if (imported.kind === 'jmeter') {
      const row = (label: string, s: SampleStats, bold = false): Run[][] =>
        [label, n(s.samples), `${n(s.errorRate * 100, 2)} %`, n(s.mean, 1), n(s.p50), n(s.p90), n(s.p95), n(s.p99), n(s.max), s.throughput === null ? '–' : n(s.throughput, 2)].map((text) => [{ text, bold }]);
      blocks.push(
        { type: 'heading', level: 3, text: `${t('results.jmeter')}: ${imported.fileName}`, numbered: true },
        { type: 'paragraph', runs: cell(file) },
        {
          type: 'table',
          columns: [
            { title: t('results.label'), width: 0.22 },
            ...(['results.samples', 'results.errors', 'results.mean', 'results.p50', 'results.p90', 'results.p95', 'results.p99', 'results.max'] as const).map((key) => ({ title: t(key), width: 0.075 })),
            { title: t('results.throughput'), width: 0.18 },
          ],
          rows: [
            ...imported.labels.map((l) => row(l.transaction ? t('results.transaction', { label: l.label }) : l.label, l)),
            row(t('results.total'), imported.total, true),
          ],
        },
        { type: 'paragraph', runs: [{ text: `${t('results.transactionNote')} ${t('results.percentileNote')}`, italic: true }] },
      );
      if (imported.series.length > 1) {
        blocks.push(
          { type: 'chart', chart: responseTimeChart(imported, language), caption: t('results.chart.responseTime'), width: 1, aspect: 0.5 },
          { type: 'chart', chart: throughputChart(imported, language), caption: t('results.chart.throughput'), width: 1, aspect: 0.4 },
        );
      }
      if (imported.malformed > 0) {
        blocks.push(
          { type: 'paragraph', runs: cell(t('results.malformed', { count: n(imported.malformed) })) },
          { type: 'list', ordered: false, items: imported.problems.map((p) => cell(t('results.line', { line: String(p.line), message: p.message }))) },
        );
      }
    } else {
      const s = summariseJunit(imported.cases);
      blocks.push(
        { type: 'heading', level: 3, text: `${t('results.junit')}: ${imported.fileName}`, numbered: true },
        { type: 'paragraph', runs: cell(file) },
        {
          type: 'paragraph',
          runs: cell(t('results.junitSummary', { cases: n(s.cases), suites: n(s.suites), passed: n(s.passed), failed: n(s.failed), error: n(s.error), skipped: n(s.skipped) })),
        },
      );
      const failures = imported.cases.filter((c) => c.status === 'failed' || c.status === 'error');
      if (failures.length > 0) {
        blocks.push({
          type: 'table',
          caption: t('results.failures'),
          columns: [
            { title: t('results.suite'), width: 0.25 },
            { title: t('results.case'), width: 0.25 },
            { title: t('results.status'), width: 0.12 },
            { title: t('results.message'), width: 0.38 },
          ],
          rows: failures.map((c) => [cell(c.suite), cell(c.name), cell(t(`results.status.${c.status}`)), cell(c.message)]),
        });
      }
    }
  }
  return blocks;
}
