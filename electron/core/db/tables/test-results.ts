// Results imported from tools into a test run: one row per imported file, JMeter's statistics per
// sampler label (with its time series), and JUnit's cases. What is written is what the file said
// once read; none of it is edited afterwards, an import is only removed as a whole.
import { integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { LineProblem, SampleStats, SeriesPoint } from '../../../../shared/test-results/types.ts';
import { CASE_STATUSES } from '../../../../shared/test-results/types.ts';
import { deleted, id } from './columns.ts';

export const testResultImport = sqliteTable('test_result_import', {
  id: id(),
  projectId: text('project_id').notNull().default(''),
  runId: text('run_id').notNull().default(''),
  kind: text('kind', { enum: ['jmeter', 'junit'] }).notNull().default('jmeter'),
  fileName: text('file_name').notNull().default(''),
  importedAt: text('imported_at').notNull().default(''),
  importedBy: text('imported_by').notNull().default(''),
  // JMeter only: the file's format and columns, the first sample's start (epoch ms), the width of
  // a time bucket, the statistics over all samples but transactions and their series.
  format: text('format').notNull().default(''),
  columns: text('columns', { mode: 'json' }).notNull().$type<string[]>().default([]),
  startedAt: integer('started_at'),
  bucketMs: integer('bucket_ms').notNull().default(0),
  total: text('total', { mode: 'json' }).$type<SampleStats>(),
  series: text('series', { mode: 'json' }).notNull().$type<SeriesPoint[]>().default([]),
  malformed: integer('malformed').notNull().default(0),
  problems: text('problems', { mode: 'json' }).notNull().$type<LineProblem[]>().default([]),
  deleted: deleted(),
});

export const testResultLabel = sqliteTable('test_result_label', {
  id: id(),
  importId: text('import_id').notNull().default(''),
  position: integer('position').notNull().default(0),
  label: text('label').notNull().default(''),
  transaction: integer('is_transaction', { mode: 'boolean' }).notNull().default(false),
  // Means and rates are fractions: kept as one JSON value rather than columns of integers.
  stats: text('stats', { mode: 'json' }).notNull().$type<SampleStats | Record<string, never>>().default({}),
  series: text('series', { mode: 'json' }).notNull().$type<SeriesPoint[]>().default([]),
  deleted: deleted(),
});

export const testResultCase = sqliteTable('test_result_case', {
  id: id(),
  importId: text('import_id').notNull().default(''),
  position: integer('position').notNull().default(0),
  suite: text('suite').notNull().default(''),
  className: text('class_name').notNull().default(''),
  name: text('name').notNull().default(''),
  status: text('status', { enum: CASE_STATUSES }).notNull().default('passed'),
  message: text('message').notNull().default(''),
  detail: text('detail').notNull().default(''),
  durationMs: integer('duration_ms'),
  deleted: deleted(),
});
