// The protocol's sections for imported results: the JMeter table with p95, the charts drawn by
// the chart module, the JUnit summary with its failures, in English and German.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../shared/charts/chart-svg.ts';
import type { Block } from '../../shared/documents/model.ts';
import { resultsSections } from '../../shared/test-results/document.ts';
import { ResultsReader } from '../../shared/test-results/results-reader.ts';
import type { ImportedResults } from '../../shared/test-results/types.ts';

function imported(path: string): ImportedResults {
  const reader = new ResultsReader();
  reader.push(readFileSync(join(import.meta.dirname, '..', 'fixtures', path), 'utf8'));
  return { ...reader.result(), id: 'i', runId: 'r', fileName: path.split('/')[1]!, importedAt: '2026-11-30T10:00:00Z', importedBy: 'Anna Berg' };
}

const tables = (blocks: Block[]) => blocks.filter((b) => b.type === 'table');
const texts = (blocks: Block[]) => JSON.stringify(blocks);

describe('results sections of the test protocol', () => {
  it('give the JMeter statistics per label with the total, and both charts', () => {
    const blocks = resultsSections([imported('jmeter/default-header.jtl')], 'en');
    const [table] = tables(blocks);
    if (table?.type !== 'table') throw new Error('expected the statistics table');
    expect(table.columns.map((c) => c.title)).toContain('p95 (ms)');
    const total = table.rows.at(-1)!.map((cell) => cell[0]!.text);
    // Total: 14 samples, 1 error, p95 400 ms, 14 / 3.4 s.
    expect(total).toEqual(['Total', '14', '7.14 %', '110.7', '70', '300', '400', '400', '400', '4.12']);
    expect(table.rows[0]![0]![0]!.text).toBe('Checkout (transaction)');
    expect(table.columns.reduce((sum, c) => sum + c.width, 0)).toBeCloseTo(1, 9);
    const charts = blocks.filter((b) => b.type === 'chart');
    expect(charts).toHaveLength(2);
    for (const chart of charts) if (chart.type === 'chart') expect(chartSvg(chart.chart, { width: 500, height: 250 })).toContain('<svg');
  });

  it('write numbers and words in German', () => {
    const blocks = resultsSections([imported('jmeter/default-header.jtl')], 'de');
    expect(texts(blocks)).toContain('Gesamt');
    expect(texts(blocks)).toContain('7,14 %');
  });

  it('sum up a JUnit file from its cases and list the failures', () => {
    const blocks = resultsSections([imported('junit/pytest.xml')], 'en');
    expect(texts(blocks)).toContain('Tests: 3 · suites: 1 · passed: 1 · failed: 1 · with errors: 1 · skipped: 0');
    const [failures] = tables(blocks);
    if (failures?.type !== 'table') throw new Error('expected the failures');
    expect(failures.rows.map((r) => r[1]![0]!.text)).toEqual(['test_create_user', 'test_delete_user']);
  });

  it('are empty for a run without imports', () => {
    expect(resultsSections([], 'en')).toEqual([]);
  });
});
