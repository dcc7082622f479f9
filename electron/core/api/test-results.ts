// Results from tools imported into a test run. The file is read as a stream first (nothing
// written meanwhile, cancellable); its figures are then written in one transaction, so a broken
// file, a cancel or any failure leaves the run as it was.
import { and, asc, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/api.ts';
import { ApiError } from '../../../shared/errors.ts';
import type { ImportedResults, ParsedResults } from '../../../shared/test-results/types.ts';
import { authorName } from '../device.ts';
import { live, liveRow } from '../db/read.ts';
import * as t from '../db/tables/index.ts';
import { newId } from '../ids.ts';
import { ROWS_PER_STEP, type TaskControl } from '../task-control.ts';
import { readResultsFile } from '../test-results/read-results.ts';
import { appendUpload, beginUpload, completedUpload, removeUpload } from '../test-results/uploads.ts';
import { changesFor, requireRow, type Context } from './context.ts';
import type { FieldChange } from '../write-path.ts';

export function beginResultsUpload(ctx: Context, input: ParsedInput<'testResults.beginUpload'>): { uploadId: string } {
  return { uploadId: beginUpload(ctx.store.dataDir, input.size, ctx.now().getTime()) };
}

export function appendResultsUpload(ctx: Context, input: ParsedInput<'testResults.uploadPiece'>): { received: number; size: number } {
  return appendUpload(ctx.store.dataDir, input.uploadId, input.offset, Buffer.from(input.base64, 'base64'));
}

/** The run the results go into: the project's, and not signed off (a signed run is frozen). */
function checkRun(ctx: Context, projectId: string, runId: string): void {
  requireRow(ctx, 'project', projectId, 'projectId');
  const run = ctx.store.orm.select({ projectId: t.testRun.projectId, signOff: t.testRun.signOff }).from(t.testRun).where(liveRow(t.testRun, runId)).get();
  if (!run || run.projectId !== projectId) throw new ApiError({ code: 'not_found', field: 'runId', message: `runId: no test run ${runId} in this project` });
  if (run.signOff) throw new ApiError({ code: 'invalid_input', field: 'runId', message: 'runId: the run is signed off and frozen; import into a later run, which supersedes it' });
}

export async function importResults(ctx: Context, input: ParsedInput<'testResults.import'>, control: TaskControl): Promise<ImportedResults> {
  checkRun(ctx, input.projectId, input.runId);
  const uploadId = input.uploadId ?? null;
  try {
    const path = uploadId ? completedUpload(ctx.store.dataDir, uploadId) : input.path!;
    const parsed = await readResultsFile(path, uploadId ? 'uploadId' : 'path', control);
    return ctx.store.transaction(() => {
      // Checked again inside the transaction: the run may have changed while the file was read.
      checkRun(ctx, input.projectId, input.runId);
      return writeResults(ctx, input, parsed, control);
    });
  } finally {
    if (uploadId) removeUpload(ctx.store.dataDir, uploadId);
  }
}

function writeResults(ctx: Context, input: ParsedInput<'testResults.import'>, parsed: ParsedResults, control: TaskControl): ImportedResults {
  const id = newId();
  const importedAt = ctx.now().toISOString();
  const importedBy = authorName(ctx.store);
  const head = { projectId: input.projectId, runId: input.runId, kind: parsed.kind, fileName: input.fileName, importedAt, importedBy };
  const changes: FieldChange[][] =
    parsed.kind === 'jmeter'
      ? [
          changesFor('testResultImport', id, {
            ...head,
            format: parsed.format,
            columns: JSON.stringify(parsed.columns),
            startedAt: parsed.startedAt,
            bucketMs: parsed.bucketMs,
            total: JSON.stringify(parsed.total),
            series: JSON.stringify(parsed.series),
            malformed: parsed.malformed,
            problems: JSON.stringify(parsed.problems),
          }),
          ...parsed.labels.map(({ label, transaction, series, ...stats }, position) =>
            changesFor('testResultLabel', newId(), { importId: id, position, label, transaction, stats: JSON.stringify(stats), series: JSON.stringify(series) }),
          ),
        ]
      : [
          changesFor('testResultImport', id, head),
          ...parsed.cases.map((c, position) => changesFor('testResultCase', newId(), { importId: id, position, ...c })),
        ];
  for (let start = 0; start < changes.length; start += ROWS_PER_STEP) {
    control.throwIfCancelled();
    ctx.store.apply(changes.slice(start, start + ROWS_PER_STEP).flat());
    control.progress({ stage: 'write', done: Math.min(start + ROWS_PER_STEP, changes.length), total: changes.length });
  }
  return { ...parsed, id, runId: input.runId, fileName: input.fileName, importedAt, importedBy };
}

/** The results imported into a run, oldest first. */
export function runResults(ctx: Context, runId: string): ImportedResults[] {
  const imports = ctx.store.orm
    .select()
    .from(t.testResultImport)
    .where(and(eq(t.testResultImport.runId, runId), live(t.testResultImport)))
    .orderBy(asc(t.testResultImport.importedAt), asc(t.testResultImport.id))
    .all();
  return imports.map((row): ImportedResults => {
    const head = { id: row.id, runId: row.runId, fileName: row.fileName, importedAt: row.importedAt, importedBy: row.importedBy };
    if (row.kind === 'junit') {
      const cases = ctx.store.orm
        .select()
        .from(t.testResultCase)
        .where(and(eq(t.testResultCase.importId, row.id), live(t.testResultCase)))
        .orderBy(asc(t.testResultCase.position))
        .all();
      return { ...head, kind: 'junit', cases: cases.map(({ suite, className, name, status, message, detail, durationMs }) => ({ suite, className, name, status, message, detail, durationMs })) };
    }
    const labels = ctx.store.orm
      .select()
      .from(t.testResultLabel)
      .where(and(eq(t.testResultLabel.importId, row.id), live(t.testResultLabel)))
      .orderBy(asc(t.testResultLabel.position))
      .all();
    return {
      ...head,
      kind: 'jmeter',
      format: row.format === 'xml' ? 'xml' : 'csv',
      columns: row.columns,
      startedAt: row.startedAt,
      bucketMs: row.bucketMs,
      total: row.total!,
      series: row.series,
      labels: labels.map((l) => ({ label: l.label, transaction: l.transaction, ...(l.stats as NonNullable<typeof row.total>), series: l.series })),
      malformed: row.malformed,
      problems: row.problems,
    };
  });
}

export function listResults(ctx: Context, input: ParsedInput<'testResults.list'>): ImportedResults[] {
  return runResults(ctx, input.runId);
}

/** Removes an imported file with its figures (the run keeps its other imports). */
export function removeResults(ctx: Context, input: ParsedInput<'testResults.remove'>): { id: string } {
  requireRow(ctx, 'testResultImport', input.id, 'id');
  const imported = ctx.store.orm.select({ projectId: t.testResultImport.projectId, runId: t.testResultImport.runId }).from(t.testResultImport).where(liveRow(t.testResultImport, input.id)).get()!;
  checkRun(ctx, imported.projectId, imported.runId);
  const children = (table: typeof t.testResultLabel | typeof t.testResultCase) =>
    ctx.store.orm.select({ id: table.id }).from(table).where(and(eq(table.importId, input.id), live(table))).all();
  ctx.store.apply([
    ...children(t.testResultLabel).flatMap((r) => changesFor('testResultLabel', r.id, { deleted: true })),
    ...children(t.testResultCase).flatMap((r) => changesFor('testResultCase', r.id, { deleted: true })),
    ...changesFor('testResultImport', input.id, { deleted: true }),
  ]);
  return { id: input.id };
}
