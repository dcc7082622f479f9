// Importing JMeter and JUnit files into a test run through the API, on a real SQLite file: in
// pieces uploaded from a page, with progress, cancelled without a trace, malformed lines listed,
// unusable files refused with nothing written.
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { commandLineOnly } from '../../shared/api.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import type { Progress } from '../../shared/task-progress.ts';
import type { ImportedResults } from '../../shared/test-results/types.ts';
import { newId } from '../../electron/core/ids.ts';
import { cancelledError, type TaskControl } from '../../electron/core/task-control.ts';
import type { Core } from '../../electron/core/core.ts';
import { dumpDatabase, openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures');
let core: Core;
let projectId: string;
let RUN: string;

/** A test run of the protocol's (electron/core/db/tables/tests.ts), written as its API would. */
function createRun(signOff: unknown = null): string {
  const id = newId();
  const values = { projectId, name: 'Internal approval', signOff: signOff === null ? null : JSON.stringify(signOff) };
  core.store.apply(Object.entries(values).map(([field, value]) => ({ entity: 'testRun', id, field, value })));
  return id;
}

beforeEach(() => {
  core = openTestCore();
  const customer = core.call('customers.create', { name: 'Stadtwerke Nordhafen' }) as Customer;
  projectId = (core.call('projects.create', { customerId: customer.id, name: 'Webmail 2027' }) as ProjectDetail).project.id;
  RUN = createRun();
});
afterEach(() => {
  core.close();
  removeTempDirs();
});

/** A control that records the progress and cancels when `cancelWhen` says so. */
function watching(cancelWhen: (p: Progress) => boolean = () => false): TaskControl & { seen: Progress[] } {
  const abort = new AbortController();
  const seen: Progress[] = [];
  return {
    seen,
    signal: abort.signal,
    progress: (p) => {
      seen.push(p);
      if (cancelWhen(p)) abort.abort();
    },
    throwIfCancelled: () => {
      if (abort.signal.aborted) throw cancelledError();
    },
  };
}

/** A JTL file of `rows` samples over three labels, every tenth failed. */
function jtl(rows: number): string {
  const lines = ['timeStamp,elapsed,label,responseCode,responseMessage,threadName,dataType,success,failureMessage,bytes,sentBytes'];
  for (let i = 0; i < rows; i++) lines.push(`${1_700_000_000_000 + i * 10},${(i % 100) + 1},${['Login', 'Search', 'Logout'][i % 3]},200,OK,T 1-1,text,${i % 10 !== 9},,100,10`);
  return `${lines.join('\n')}\n`;
}

function upload(text: string, pieceBytes: number): string {
  const bytes = Buffer.from(text);
  const { uploadId } = core.call('testResults.beginUpload', { size: bytes.length }) as { uploadId: string };
  for (let offset = 0; offset < bytes.length; offset += pieceBytes) {
    core.call('testResults.uploadPiece', { uploadId, offset, base64: bytes.subarray(offset, offset + pieceBytes).toString('base64') });
  }
  return uploadId;
}

const importFile = (input: Record<string, unknown>, control?: TaskControl) =>
  core.call('testResults.import', { projectId, runId: RUN, fileName: 'results.jtl', ...input }, control) as Promise<ImportedResults>;

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

const uploads = () => readdirSync(join(core.store.dataDir, 'uploads'));

describe('JMeter results through the API', () => {
  it('are uploaded in pieces, imported with progress, stored with the run and the upload removed', async () => {
    const uploadId = upload(jtl(30_000), 400_000);
    const control = watching();
    const imported = await importFile({ uploadId }, control);
    expect(imported.kind).toBe('jmeter');
    const rows = control.seen.filter((p) => p.stage === 'rows');
    expect(rows.length).toBeGreaterThan(2);
    expect(rows.at(-1)).toEqual({ stage: 'rows', done: 30_000, total: 30_000 });
    expect(control.seen.at(-1)).toMatchObject({ stage: 'write' });
    expect(uploads()).toEqual([]);

    const stored = (core.call('testResults.list', { runId: RUN }) as ImportedResults[])[0]!;
    expect(stored).toEqual(imported);
    if (stored.kind !== 'jmeter') throw new Error('expected JMeter results');
    expect(stored.labels.map((l) => [l.label, l.samples, l.errors])).toEqual([
      ['Login', 10_000, 1_000],
      ['Logout', 10_000, 1_000],
      ['Search', 10_000, 1_000],
    ]);
    // 1 … 100 ms evenly: the 95th of every hundred.
    expect(stored.total).toMatchObject({ samples: 30_000, p50: 50, p95: 95, max: 100 });

    core.call('testResults.remove', { id: imported.id });
    expect(core.call('testResults.list', { runId: RUN })).toEqual([]);
  });

  it('cancelled while reading: nothing written, the upload removed', async () => {
    const uploadId = upload(jtl(200_000), 8_000_000);
    const before = dumpDatabase(core);
    const control = watching((p) => p.stage === 'rows' && p.done > 50_000);
    const error = await refusal(importFile({ uploadId }, control));
    expect(error.code).toBe('cancelled');
    // Stopped while reading, long before the end of the file and before anything was written.
    const read = control.seen.filter((p) => p.stage === 'rows');
    expect(read.at(-1)).toMatchObject({ done: expect.any(Number) as unknown });
    expect((read.at(-1) as { done: number }).done).toBeLessThan(200_000);
    expect(control.seen.filter((p) => p.stage === 'write')).toEqual([]);
    expect(dumpDatabase(core)).toEqual(before);
    expect(uploads()).toEqual([]);
  });

  it('lists malformed lines by number and imports the rest', async () => {
    const imported = await importFile({ path: join(FIXTURES, 'jmeter', 'truncated.jtl') });
    expect(imported).toMatchObject({ kind: 'jmeter', malformed: 2 });
    if (imported.kind !== 'jmeter') throw new Error('expected JMeter results');
    expect(imported.problems.map((p) => p.line)).toEqual([5, 9]);
  });

  it('refuses a file without usable columns, XML that is not JUnit and broken XML, writing nothing', async () => {
    const before = dumpDatabase(core);
    const noColumns = await refusal(importFile({ path: join(FIXTURES, 'jmeter', 'no-usable-column.csv') }));
    expect(noColumns).toMatchObject({ code: 'invalid_input', field: 'path' });
    expect(noColumns.message).toContain('this one has name, value, comment');
    expect((await refusal(importFile({ path: join(FIXTURES, 'junit', 'not-junit.xml') }))).message).toContain('root element is <html>');
    expect((await refusal(importFile({ path: join(FIXTURES, 'junit', 'truncated.xml') }))).message).toMatch(/broken at line \d/);
    expect((await refusal(importFile({ path: join(FIXTURES, 'nothing-here.jtl') }))).field).toBe('path');
    expect(dumpDatabase(core)).toEqual(before);
  });

  it('refuses pieces out of order or beyond the announced size, and an upload not complete', async () => {
    const { uploadId } = core.call('testResults.beginUpload', { size: 6 }) as { uploadId: string };
    expect(() => core.call('testResults.uploadPiece', { uploadId, offset: 3, base64: 'YWJj' })).toThrow('offset: the upload has 0 bytes');
    core.call('testResults.uploadPiece', { uploadId, offset: 0, base64: 'YWJj' });
    expect(() => core.call('testResults.uploadPiece', { uploadId, offset: 3, base64: 'YWJjZA==' })).toThrow('would pass its announced 6 bytes');
    expect((await refusal(importFile({ uploadId }))).message).toContain('3 of 6 bytes arrived');
    expect(existsSync(join(core.store.dataDir, 'uploads'))).toBe(true);
    expect(uploads()).toEqual([]);
  });

  it('goes only into a run of the project that is not signed off', async () => {
    const path = join(FIXTURES, 'jmeter', 'default-header.jtl');
    const signed = createRun({ customer: [{ name: 'Jonas Weber' }] });
    const before = dumpDatabase(core);
    expect(await refusal(importFile({ path, runId: newId() }))).toMatchObject({ code: 'not_found', field: 'runId' });
    const frozen = await refusal(importFile({ path, runId: signed }));
    expect(frozen).toMatchObject({ code: 'invalid_input', field: 'runId' });
    expect(frozen.message).toContain('signed off');
    expect(dumpDatabase(core)).toEqual(before);
  });

  it('takes a path from the command line only', () => {
    expect(commandLineOnly('testResults.import', { path: '/etc/passwd' })).toMatchObject({ field: 'path' });
    expect(commandLineOnly('testResults.import', { uploadId: RUN })).toBeNull();
  });
});

describe('JUnit results through the API', () => {
  it('are stored with their cases and read back', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.xml'), '<testsuite name="s"><testcase name="ok" time="0.5"/><testcase name="bad"><failure message="boom">trace</failure></testcase></testsuite>');
    const imported = await importFile({ path: join(dir, 'a.xml'), fileName: 'a.xml' });
    expect(core.call('testResults.list', { runId: RUN })).toEqual([imported]);
    expect(imported).toMatchObject({
      kind: 'junit',
      fileName: 'a.xml',
      cases: [
        { suite: 's', name: 'ok', status: 'passed', durationMs: 500 },
        { suite: 's', name: 'bad', status: 'failed', message: 'boom', detail: 'trace', durationMs: null },
      ],
    });
  });
});
