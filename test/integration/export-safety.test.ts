// An export records a version only when its file is saved whole. The command line as a user runs
// it, in a child process: a file that cannot be saved is refused in words naming --out and records
// nothing; a process killed (SIGKILL) while rendering, or with its file written but not yet in
// place, records nothing, and the temporary file it leaves is removed by the next export to the
// folder, while a live export's is kept. Linux only: the test watches the child through /proc,
// and /sys and /dev/full are its folder nobody may write to and its full disk.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { closeSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cannotSave } from '../../electron/core/documents/write-file.ts';
import { DATABASE_FILE } from '../../electron/core/db/open.ts';
import type { ExportResult } from '../../shared/documents/types.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import { longExport, seedLongChecklist } from '../support/long-checklist.ts';
import { readPdf } from '../support/read-documents.ts';
import { dumpDataDir, openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';
import { isRendering } from '../support/threads.ts';

const BIN = 'electron/cli/fieldbook.ts';
const NOT_LINUX = process.platform !== 'linux';
const TEMPORARY = /\.fieldbook-part$/;

let dataDir: string;
/** A project whose checklist takes a second or two to render (about 40 pages), long enough to act while it renders. */
let projectId: string;
/** A project whose status report renders at once. */
let smallId: string;

beforeAll(async () => {
  dataDir = tempDir();
  const core = openTestCore(dataDir);
  projectId = await seedLongChecklist((method, input) => core.call(method, input), 600);
  const customer = core.call('customers.create', { name: 'Hanse Hosting' }) as Customer;
  smallId = (core.call('projects.create', { customerId: customer.id, name: 'Migration' }) as ProjectDetail).project.id;
  core.close();
});
afterAll(removeTempDirs);

/** The export history as the data folder holds it, read from outside. */
const versions = () => (dumpDataDir(dataDir).document_export as { deleted: number; document: string; version: number }[]).filter((r) => r.deleted === 0);

const exportArgs = (project: string, document: string, out: string) => [BIN, '--data-dir', dataDir, 'export', '--project', project, '--document', document, '--format', 'pdf', '--lang', 'de', '--out', out];

interface Failure {
  code: string;
  field: string;
  message: string;
}
const failure = (stderr: string) => (JSON.parse(stderr) as { error: Failure }).error;

function exportFailure(out: string): Failure {
  const run = spawnSync(process.execPath, exportArgs(smallId, 'status', out), { encoding: 'utf8' });
  expect(run.status, run.stdout).toBe(1);
  return failure(run.stderr);
}

async function until(condition: () => boolean, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Starts the long export in a child process and waits until it renders. */
async function renderingExport(out: string): Promise<{ running(): boolean; kill(): Promise<void>; failure(): Promise<Failure> }> {
  const child = spawn(process.execPath, exportArgs(projectId, 'checklist', out), { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
  const exited = once(child, 'close');
  /** True while the child runs; says why it ended where a test waits for it in vain. */
  const running = () => {
    if (child.exitCode !== null) throw new Error(`the export ended with ${child.exitCode}: ${stderr}`);
    return true;
  };
  await until(() => running() && isRendering(child.pid!), 'the command line renders');
  return {
    running,
    kill: async () => {
      child.kill('SIGKILL');
      expect(await exited).toEqual([null, 'SIGKILL']);
    },
    failure: async () => {
      expect(await exited).toEqual([1, null]);
      return failure(stderr);
    },
  };
}

describe.skipIf(NOT_LINUX)('an export whose file cannot be saved', () => {
  it('names --out and says what is wrong, records nothing, and the next export is version 1', async () => {
    const folder = tempDir();
    const missing = exportFailure(join(folder, 'missing', 'status.pdf'));
    mkdirSync(join(folder, 'status.pdf'));
    const aFolder = exportFailure(join(folder, 'status.pdf'));
    // Nobody may create files in /sys, root included: a folder that is really not writable.
    const notWritable = exportFailure('/sys/status.pdf');
    expect(versions()).toEqual([]);
    expect(readdirSync(folder)).toEqual(['status.pdf']);
    expect(missing).toEqual({ code: 'invalid_input', field: '--out', message: `--out: the folder ${join(folder, 'missing')} does not exist` });
    expect(aFolder).toEqual({ code: 'invalid_input', field: '--out', message: `--out: ${join(folder, 'status.pdf')} is a folder, not a file name` });
    expect(notWritable).toEqual({ code: 'invalid_input', field: '--out', message: '--out: the folder /sys is not writable (permission denied)' });

    const out = join(folder, 'Statusbericht.pdf');
    const made = spawnSync(process.execPath, exportArgs(smallId, 'status', out), { encoding: 'utf8' });
    expect(made.stderr).toBe('');
    expect(JSON.parse(made.stdout)).toMatchObject({ file: out, version: 1 });
    // The revision table lists this version alone: no row for an export that saved nothing.
    const cover = (await readPdf(readFileSync(out))).pages[0]!.text;
    expect(cover).toMatch(/\b1 \d\d\.\d\d\.\d{4} \S.* Erste Fassung/);
    expect(cover).not.toMatch(/\b2 \d\d\.\d\d\.\d{4}/);
  });

  it('whose folder goes away while it renders (a stick pulled out) records nothing', async () => {
    const before = versions();
    const folder = join(tempDir(), 'stick');
    mkdirSync(folder);
    const exporting = await renderingExport(join(folder, 'Checkliste.pdf'));
    rmSync(folder, { recursive: true });
    const said = await exporting.failure();
    expect(versions()).toEqual(before);
    expect(said).toEqual({ code: 'invalid_input', field: '--out', message: `--out: the folder ${folder} does not exist` });
  });

  it('says so in words when the disk is full or the folder is read-only', () => {
    // A real ENOSPC: writing to /dev/full always fails so.
    let full: unknown;
    const fd = openSync('/dev/full', 'w');
    try {
      writeSync(fd, Buffer.from('%PDF-'));
    } catch (error) {
      full = error;
    } finally {
      closeSync(fd);
    }
    expect(full).toMatchObject({ code: 'ENOSPC' });
    const said = (error: unknown) => cannotSave(error, 'saveAs.pdf', '/media/stick/status.pdf', false).toJSON();
    expect(said(full)).toEqual({ code: 'invalid_input', field: 'saveAs.pdf', message: 'saveAs.pdf: the disk is full: no room for /media/stick/status.pdf' });
    // Codes no test machine gives on demand, as the system reports them.
    const errno = (code: string) => Object.assign(new Error(`${code}: system message`), { code });
    expect(said(errno('EROFS')).message).toBe('saveAs.pdf: the folder /media/stick is not writable (read-only file system)');
    expect(said(errno('EDQUOT')).message).toBe('saveAs.pdf: the disk quota is used up: no room for /media/stick/status.pdf');
    expect(said(errno('EIO'))).toEqual({ code: 'internal', field: 'saveAs.pdf', message: 'saveAs.pdf: /media/stick/status.pdf could not be written: EIO: system message' });
  });

  it('takes only absolute paths, for the formats asked for', () => {
    const core = openTestCore(dataDir);
    try {
      const refusal = (saveAs: object, formats = ['pdf']) => () => core.call('documents.export', { projectId, document: 'status', formats, language: 'en', saveAs });
      expect(refusal({ pdf: 'status.pdf' })).toThrow(expect.objectContaining({ field: 'saveAs.pdf', message: 'saveAs.pdf: Expected an absolute file path' }));
      expect(refusal({ docx: '/tmp/status.docx' })).toThrow(expect.objectContaining({ field: 'saveAs', message: 'saveAs: Only a format asked for can be saved' }));
      expect(refusal({ pdf: '/tmp/status', docx: '/tmp/status' }, ['pdf', 'docx'])).toThrow(
        expect.objectContaining({ field: 'saveAs.docx', message: 'saveAs.docx: The PDF and the DOCX need a file each' }),
      );
    } finally {
      core.close();
    }
  });
});

describe.skipIf(NOT_LINUX)('an export killed with SIGKILL', () => {
  it('while rendering records no version; the next export is version 1', async () => {
    const before = versions();
    const folder = tempDir();
    await (await renderingExport(join(folder, 'checklist.pdf'))).kill();
    expect(versions()).toEqual(before);
    expect(readdirSync(folder)).toEqual([]);

    const core = openTestCore(dataDir);
    try {
      const next = (await core.call('documents.export', longExport(projectId))) as ExportResult;
      expect(next.version).toBe(1);
    } finally {
      core.close();
    }
  });

  it('with its file written but not in place records no version; the next export to the folder removes what it left', async () => {
    const folder = tempDir();
    const exporting = await renderingExport(join(folder, 'Checkliste.pdf'));
    // Another process holds the database's write lock: the export writes its file, then waits to record.
    const other = new Database(join(dataDir, DATABASE_FILE));
    other.exec('BEGIN IMMEDIATE');
    const before = versions();
    try {
      await until(() => exporting.running() && readdirSync(folder).some((name) => TEMPORARY.test(name)), 'the export has written its file under a temporary name');
      await exporting.kill();
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(versions()).toEqual(before);
    const [left] = readdirSync(folder);
    expect(left).toMatch(/^\.Checkliste\.pdf\.[0-9a-f]{8}\.\d+\.[0-9a-f]{16}\.fieldbook-part$/);

    // A concurrent export's temporary file (its writer, this test, runs) and a file of another pattern stay.
    const live = left!.replace(/\.\d+\.[0-9a-f]{16}\./, `.${process.pid}.0123456789abcdef.`);
    writeFileSync(join(folder, live), 'being written');
    writeFileSync(join(folder, '.Checkliste.pdf.4242.part'), 'not ours');
    const next = spawnSync(process.execPath, exportArgs(smallId, 'status', join(folder, 'Status.pdf')), { encoding: 'utf8' });
    expect(next.stderr).toBe('');
    expect(readdirSync(folder).sort()).toEqual(['.Checkliste.pdf.4242.part', live, 'Status.pdf'].sort());
    expect(versions().filter((v) => v.document === 'checklist')).toEqual(before.filter((v) => v.document === 'checklist'));
  });
});

describe('a version an earlier build reserved and never made', () => {
  it('is in neither the history, nor a revision table, nor the numbering', async () => {
    const core = openTestCore();
    try {
      const customer = core.call('customers.create', { name: 'Hanse Hosting' }) as Customer;
      const project = (core.call('projects.create', { customerId: customer.id, name: 'Migration' }) as ProjectDetail).project.id;
      const first = { projectId: project, document: 'status', formats: ['pdf'], language: 'en' } as const;
      await core.call('documents.export', first);
      // What an earlier build left when its rendering failed: a reserved version without hashes.
      core.store.transaction(() =>
        core.store.apply(
          Object.entries({ projectId: project, document: 'status', subjectId: null, version: 2, formats: '["pdf"]', language: 'en', hashes: '{}', author: '', changeNote: 'ghost', createdAt: '2026-11-29T10:00:00.000Z' }).map(
            ([field, value]) => ({ entity: 'documentExport' as const, id: 'ghost-export', field, value }),
          ),
        ),
      );
      expect((core.call('documents.history', { projectId: project }) as { version: number }[]).map((e) => e.version)).toEqual([1]);
      const next = (await core.call('documents.export', first)) as ExportResult;
      expect(next.version).toBe(2);
      const text = (await readPdf(Buffer.from(next.files[0]!.base64, 'base64'))).pages.map((p) => p.text).join(' ');
      expect(text).not.toContain('ghost');
    } finally {
      core.close();
    }
  });
});
