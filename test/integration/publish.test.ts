// Exported documents published into the shared folder (sync.md requirement 9, scenarios 13 and
// 19): a real temporary folder as the share, real data folders as the devices, and the command
// line as a user runs it in child processes where processes are killed or race each other.
// Linux only where a test watches a child through /proc.
import Database from 'better-sqlite3';
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Context } from '../../electron/core/api/context.ts';
import type { Core } from '../../electron/core/core.ts';
import { DATABASE_FILE } from '../../electron/core/db/open.ts';
import { preparePublication, safeName, type ExportFacts } from '../../electron/core/sync/publish.ts';
import type { DocumentExport, ExportResult, Publication } from '../../shared/documents/types.ts';
import type { Customer, ProjectDetail } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import { localIsoDate } from '../../shared/iso-date.ts';
import { seedLongChecklist } from '../support/long-checklist.ts';
import { TEST_CREDENTIAL_KEY, dumpDatabase, dumpDataDir, inspect, openTestCore, removeTempDirs, tempDir } from '../support/temp-store.ts';
import { isRendering } from '../support/threads.ts';

const BIN = 'electron/cli/fieldbook.ts';
const NOT_LINUX = process.platform !== 'linux';
const TEMPORARY = /\.fieldbook-part$/;

afterEach(removeTempDirs);

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');
const today = () => localIsoDate(new Date());

interface Device {
  core: Core;
  dataDir: string;
  projectId: string;
}

/** A device with the customer and project every test exports from, set to sync with `share` (none: ''). */
function device(share: string, customerName = 'Stadtwerke Nordhafen', projectName = 'Webmail 2027'): Device {
  const dataDir = tempDir();
  const core = openTestCore(dataDir);
  core.call('profile.save', { name: 'Miriam Albers', email: '', role: '' });
  const customer = core.call('customers.create', { name: customerName }) as Customer;
  const { project } = core.call('projects.create', { customerId: customer.id, name: projectName }) as ProjectDetail;
  if (share) core.call('sync.configure', { sharePath: share });
  return { core, dataDir, projectId: project.id };
}

const exportStatus = async (d: Device, formats: ('pdf' | 'docx')[] = ['pdf'], publish = true) =>
  (await d.core.call('documents.export', { projectId: d.projectId, document: 'status', formats, language: 'en', ...(publish ? { publish } : {}) })) as ExportResult;

const history = (d: Device) => d.core.call('documents.history', { projectId: d.projectId }) as DocumentExport[];

/** The names in a folder a person or a sync client sees (temporary files start with a dot). */
const visible = (folder: string) => readdirSync(folder).filter((name) => !name.startsWith('.')).sort();

const folderOf = (share: string, publication: Publication) => join(share, ...publication.folder.split('/'));

function manifestOf(share: string, publication: Publication): Record<string, unknown> {
  return JSON.parse(readFileSync(join(folderOf(share, publication), publication.manifest), 'utf8')) as Record<string, unknown>;
}

describe('publishing an export into the shared folder', () => {
  it('puts the files under exports/<customer>/<project>/<document>/<date>-v<version> with a manifest of what they are and which data they show', async () => {
    const share = tempDir('fieldbook-share-');
    const d = device(share, 'Müller & Söhne: Netze/IT', 'CON');
    const latestBefore = inspect(d.core).prepare('SELECT max(stamp) FROM change_log').pluck().get() as string;
    const result = await exportStatus(d, ['pdf', 'docx']);

    const base = `${today()}-v1`;
    expect(result.publishError).toBeUndefined();
    expect(result.published).toEqual({
      folder: 'fieldbook/exports/Müller & Söhne- Netze-IT/CON_/Status report',
      files: { pdf: `${base}.pdf`, docx: `${base}.docx` },
      manifest: `${base}.manifest.json`,
    });
    const folder = folderOf(share, result.published!);
    expect(readdirSync(folder).sort()).toEqual([`${base}.docx`, `${base}.manifest.json`, `${base}.pdf`]);
    for (const file of result.files) expect(sha256(readFileSync(join(folder, `${base}.${file.format}`)))).toBe(file.sha256);

    const deviceId = d.core.store.deviceId;
    const [row] = history(d);
    expect(manifestOf(share, result.published!)).toEqual({
      fieldbookManifest: 1,
      document: 'status',
      title: 'Status report',
      language: 'en',
      version: 1,
      customer: { id: expect.any(String) as string, name: 'Müller & Söhne: Netze/IT' },
      project: { id: d.projectId, name: 'CON' },
      subject: null,
      madeAt: row!.createdAt,
      madeBy: { person: 'Miriam Albers', device: deviceId, host: expect.any(String) as string },
      madeFrom: { latestChange: latestBefore },
      files: Object.fromEntries(result.files.map((f) => [f.format, { name: `${base}.${f.format}`, sha256: f.sha256, bytes: Buffer.from(f.base64, 'base64').length }])),
      publishedAt: expect.any(String) as string,
      publishedBy: { person: 'Miriam Albers', device: deviceId, host: expect.any(String) as string },
    });
    // The history says where, and which data it was made from: as the row syncs, so does this.
    expect(row).toMatchObject({ id: result.id, version: 1, madeFrom: latestBefore, published: result.published });
  });

  it('names minutes by their meeting, in the language of the document', async () => {
    const share = tempDir('fieldbook-share-');
    const d = device(share);
    const meeting = d.core.call('meetings.create', { projectId: d.projectId, kind: 'status_call', startsAt: '2026-11-30T14:30' }) as { meeting: { id: string } };
    const result = (await d.core.call('documents.export', { projectId: d.projectId, document: 'minutes', meetingId: meeting.meeting.id, formats: ['pdf'], language: 'de', publish: true })) as ExportResult;
    expect(result.published?.folder).toBe('fieldbook/exports/Stadtwerke Nordhafen/Webmail 2027/Besprechungsprotokoll 2026-11-30 Wöchentlicher Statuscall');
    expect(manifestOf(share, result.published!)).toMatchObject({
      title: 'Besprechungsprotokoll',
      language: 'de',
      subject: { id: meeting.meeting.id, label: '2026-11-30 Wöchentlicher Statuscall' },
    });
  });

  it('gives each SOW a folder of its own, so that two SOWs\' versions never meet', async () => {
    const share = tempDir('fieldbook-share-');
    const d = device(share);
    const folders = [];
    for (const title of ['Implementation', 'Migration']) {
      const sow = d.core.call('sows.create', { projectId: d.projectId, title }) as { sow: { id: string } };
      const result = (await d.core.call('documents.export', { projectId: d.projectId, document: 'sow', sowId: sow.sow.id, formats: ['pdf'], language: 'en', publish: true })) as ExportResult;
      folders.push(result.published?.folder);
    }
    expect(folders).toEqual([
      'fieldbook/exports/Stadtwerke Nordhafen/Webmail 2027/Statement of work SOW-01 Implementation',
      'fieldbook/exports/Stadtwerke Nordhafen/Webmail 2027/Statement of work SOW-02 Migration',
    ]);
  });

  it('leaves a file already under the name as it is, and takes a name of its own', async () => {
    const share = tempDir('fieldbook-share-');
    const d = device(share);
    const folder = join(share, 'fieldbook', 'exports', 'Stadtwerke Nordhafen', 'Webmail 2027', 'Status report');
    mkdirSync(folder, { recursive: true });
    const theirs = join(folder, `${today()}-v1.pdf`);
    writeFileSync(theirs, 'a colleague put this here');
    utimesSync(theirs, new Date('2026-01-01T00:00:00Z'), new Date('2026-01-01T00:00:00Z'));

    const result = await exportStatus(d);
    const own = `${today()}-v1-${d.core.store.deviceId.slice(0, 8)}`;
    expect(result.published).toMatchObject({ files: { pdf: `${own}.pdf` }, manifest: `${own}.manifest.json` });
    expect(readFileSync(theirs, 'utf8')).toBe('a colleague put this here');
    expect(statSync(theirs).mtime.toISOString()).toBe('2026-01-01T00:00:00.000Z');
    expect(visible(folder)).toEqual([`${today()}-v1.pdf`, `${own}.manifest.json`, `${own}.pdf`].sort());
  });

  it('keeps both files when two devices publish the same version at once, each whole and named by its own manifest', async () => {
    const share = tempDir('fieldbook-share-');
    const devices = [device(share), device(share)];
    for (const d of devices) d.core.close();
    // Two processes, as two laptops would be: each exports its version 1 of the same document.
    const runs = await Promise.all(
      devices.map(async (d) => {
        const out = join(tempDir(), 'status.pdf');
        const child = spawn(process.execPath, [BIN, '--data-dir', d.dataDir, 'export', '--project', d.projectId, '--document', 'status', '--format', 'pdf', '--lang', 'en', '--out', out, '--publish'], {
          stdio: ['ignore', 'pipe', 'pipe'],
        });
        let stdout = '';
        child.stdout.setEncoding('utf8').on('data', (text: string) => (stdout += text));
        const [code] = (await once(child, 'close')) as [number];
        expect(code, stdout).toBe(0);
        return { out, ...(JSON.parse(stdout) as { version: number; sha256: string; published: Publication }) };
      }),
    );
    expect(runs.map((r) => r.version)).toEqual([1, 1]);
    const [a, b] = runs.map((r) => r.published);
    expect(a!.folder).toBe(b!.folder);
    expect(new Set([a!.files.pdf, b!.files.pdf]).size).toBe(2);
    const folder = folderOf(share, a!);
    expect(visible(folder)).toEqual([a!.files.pdf, a!.manifest, b!.files.pdf, b!.manifest].sort());
    for (const run of runs) {
      expect(sha256(readFileSync(join(folder, run.published.files.pdf!)))).toBe(run.sha256);
      expect(sha256(readFileSync(run.out))).toBe(run.sha256);
      expect(manifestOf(share, run.published)).toMatchObject({ files: { pdf: { name: run.published.files.pdf, sha256: run.sha256 } } });
    }
    // Each device's history says where its own went.
    for (const [i, d] of devices.entries()) {
      const rows = dumpDataDir(d.dataDir).document_export as { published: string | null }[];
      expect(rows.map((r) => JSON.parse(r.published!) as Publication)).toEqual([runs[i]!.published]);
    }
  });

  it('publishes a second version beside the first, never in its place', async () => {
    const share = tempDir('fieldbook-share-');
    const d = device(share);
    const first = await exportStatus(d);
    const second = await exportStatus(d);
    const folder = folderOf(share, first.published!);
    expect(visible(folder)).toEqual([`${today()}-v1.manifest.json`, `${today()}-v1.pdf`, `${today()}-v2.manifest.json`, `${today()}-v2.pdf`]);
    expect(sha256(readFileSync(join(folder, first.published!.files.pdf!)))).toBe(first.files[0]!.sha256);
    expect(second.published!.files.pdf).toBe(`${today()}-v2.pdf`);
  });
});

describe('when the shared folder cannot take it', () => {
  it('makes and records the export all the same, and says why it was not published, naming sharePath', async () => {
    const parent = tempDir('fieldbook-share-');
    const missing = join(parent, 'not-mounted');
    const d = device(missing);
    const result = await exportStatus(d);
    expect(result.version).toBe(1);
    expect(result.files).toHaveLength(1);
    expect(result.published).toBeUndefined();
    expect(result.publishError).toEqual({
      code: 'invalid_input',
      field: 'sharePath',
      message: `sharePath: The share folder ${missing} cannot be reached: it does not exist (a network share not connected, a drive removed?) (ENOENT)`,
    });
    // A share not mounted is never made on the laptop.
    expect(existsSync(missing)).toBe(false);
    expect(history(d)).toEqual([expect.objectContaining({ id: result.id, version: 1, published: null })]);

    const none = device('');
    expect((await exportStatus(none)).publishError).toEqual({
      code: 'invalid_input',
      field: 'sharePath',
      message: 'sharePath: no shared folder is set on this computer to publish to (set one under Sync, or with sync.configure)',
    });
  });
});

describe('an earlier export published from the history', () => {
  it('takes the files it made, byte for byte, records where they went, and gives the same answer a second time', async () => {
    const share = tempDir('fieldbook-share-');
    const d = device(share);
    const made = await exportStatus(d, ['pdf', 'docx'], false);
    expect(made.published).toBeUndefined();
    expect(history(d)[0]!.published).toBeNull();

    const files = made.files.map((f) => ({ format: f.format, base64: f.base64 }));
    const row = (await d.core.call('documents.publish', { exportId: made.id, files })) as DocumentExport;
    const base = `${today()}-v1`;
    expect(row.published).toEqual({ folder: 'fieldbook/exports/Stadtwerke Nordhafen/Webmail 2027/Status report', files: { pdf: `${base}.pdf`, docx: `${base}.docx` }, manifest: `${base}.manifest.json` });
    expect(history(d)[0]).toEqual(row);
    const folder = folderOf(share, row.published!);
    const before = readdirSync(folder).sort();
    expect(before).toEqual([`${base}.docx`, `${base}.manifest.json`, `${base}.pdf`]);
    expect(manifestOf(share, row.published!)).toMatchObject({ version: 1, madeAt: row.createdAt, madeBy: { device: d.core.store.deviceId } });

    const again = (await d.core.call('documents.publish', { exportId: made.id, files })) as DocumentExport;
    expect(again.published).toEqual(row.published);
    expect(readdirSync(folder).sort()).toEqual(before);
  });

  it('refuses a file that is not the one the export made, naming it, and writes nothing', async () => {
    const share = tempDir('fieldbook-share-');
    const d = device(share);
    const made = await exportStatus(d, ['pdf'], false);
    const before = dumpDatabase(d.core);
    const refusal = async (input: unknown): Promise<ApiError> => {
      try {
        await d.core.call('documents.publish', input);
      } catch (error) {
        if (error instanceof ApiError) return error;
        throw error;
      }
      throw new Error('expected a refusal');
    };
    // The PDF with one byte of its trailing comment changed.
    const changed = Buffer.concat([Buffer.from(made.files[0]!.base64, 'base64'), Buffer.from('\n% edited\n')]);
    const wrong = await refusal({ exportId: made.id, files: [{ format: 'pdf', base64: changed.toString('base64') }] });
    expect(wrong).toMatchObject({ code: 'invalid_input', field: 'files.0.base64' });
    expect(wrong.message).toMatch(/^files\.0\.base64: this is not version 1 of the PDF as it was made \(its SHA-256 begins [0-9a-f]{12}, the export's [0-9a-f]{12}\)/);
    const notMade = await refusal({ exportId: made.id, files: [{ format: 'docx', base64: made.files[0]!.base64 }] });
    expect(notMade).toMatchObject({ code: 'invalid_input', field: 'files.0.format', message: 'files.0.format: version 1 was not made as DOCX' });
    expect(dumpDatabase(d.core)).toEqual(before);
    expect(readdirSync(share)).toEqual([]);
  });
});

describe('putting files in place', () => {
  /** A context over a device's store, to place files as the core does but with the file system's links stood in for. */
  function context(d: Device): Context {
    return { store: d.core.store, appVersion: '0.0.0-test', bundledPacks: [], render: () => Promise.reject(new Error('no rendering here')), credentialKey: TEST_CREDENTIAL_KEY, now: () => new Date() };
  }
  const facts = (d: Device): ExportFacts => ({
    projectId: d.projectId,
    document: 'status',
    subjectId: null,
    language: 'en',
    version: 7,
    createdAt: new Date().toISOString(),
    author: 'Miriam Albers',
    madeFrom: '',
    device: d.core.store.deviceId,
  });
  const pdf = (text: string) => {
    const bytes = Buffer.from(`%PDF-1.7 ${text}`);
    return { format: 'pdf' as const, bytes, sha256: sha256(bytes) };
  };

  it('tries again while a sync client holds the file', () => {
    const share = tempDir('fieldbook-share-');
    const d = device(share);
    let links = 0;
    const publishing = preparePublication(context(d), facts(d), [pdf('one')], {
      link: (from, to) => {
        if (links++ < 2) throw Object.assign(new Error(`EBUSY: resource busy or locked, link '${from}' -> '${to}'`), { code: 'EBUSY' });
        linkSync(from, to);
      },
    });
    const published = publishing.place();
    publishing.discard();
    // Refused twice, then the file and its manifest.
    expect(links).toBe(4);
    expect(published.files.pdf).toBe(`${today()}-v7.pdf`);
    expect(readdirSync(folderOf(share, published)).sort()).toEqual([`${today()}-v7.manifest.json`, `${today()}-v7.pdf`]);
  });

  it('without hard links, uses only names of this device, and still replaces nothing', () => {
    const share = tempDir('fieldbook-share-');
    const d = device(share);
    const noLinks = {
      link: () => {
        throw Object.assign(new Error('ENOTSUP: operation not supported, link'), { code: 'ENOTSUP' });
      },
    };
    const own = `${today()}-v7-${d.core.store.deviceId.slice(0, 8)}`;
    const first = preparePublication(context(d), facts(d), [pdf('one')], noLinks);
    expect(first.place().files.pdf).toBe(`${own}.pdf`);
    first.discard();
    const second = preparePublication(context(d), facts(d), [pdf('two')], noLinks);
    const published = second.place();
    second.discard();
    expect(published.files.pdf).toBe(`${own}-2.pdf`);
    const folder = folderOf(share, published);
    expect(readFileSync(join(folder, `${own}.pdf`), 'utf8')).toBe('%PDF-1.7 one');
    expect(readdirSync(folder).sort()).toEqual([`${own}-2.manifest.json`, `${own}-2.pdf`, `${own}.manifest.json`, `${own}.pdf`]);
  });

  it('makes names every file system takes, umlauts kept', () => {
    expect(safeName('Kreiswerke Süderland')).toBe('Kreiswerke Süderland');
    expect(safeName('Su\u0308derland')).toBe('S\u00fcderland');
    expect(safeName('a<b>c:d"e/f\\g|h?i*j')).toBe('a-b-c-d-e-f-g-h-i-j');
    expect(safeName('  ..Projekt. . ')).toBe('Projekt');
    expect(safeName('~$Entwurf')).toBe('$Entwurf');
    expect(safeName('Zeile 1\nZeile 2\t')).toBe('Zeile 1 Zeile 2');
    expect(safeName('aux')).toBe('aux_');
    expect(safeName('COM1.Systems')).toBe('COM1_.Systems');
    expect(safeName('Console')).toBe('Console');
    expect(safeName('???')).toBe('-');
    expect(safeName('...')).toBe('_');
    expect([...safeName('Ä'.repeat(100))]).toHaveLength(60);
    expect(Buffer.byteLength(safeName('한'.repeat(100)).normalize('NFD'))).toBeLessThanOrEqual(180);
  });
});

describe.skipIf(NOT_LINUX)('a publish killed with SIGKILL', () => {
  it('leaves no file a reader sees and records nothing; the next run publishes the same version under the same name', async () => {
    const share = tempDir('fieldbook-share-');
    const dataDir = tempDir();
    const core = openTestCore(dataDir);
    const projectId = await seedLongChecklist((method, input) => core.call(method, input), 600);
    core.call('sync.configure', { sharePath: share });
    core.close();
    const out = join(tempDir(), 'Checkliste.pdf');
    const args = [BIN, '--data-dir', dataDir, 'export', '--project', projectId, '--document', 'checklist', '--format', 'pdf', '--lang', 'de', '--out', out, '--publish'];
    const folder = join(share, 'fieldbook', 'exports', 'Stadtwerke Nordhafen', 'Webmail', 'Anforderungs-Checkliste');

    const child = spawn(process.execPath, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (text: string) => (stderr += text));
    const exited = once(child, 'close');
    const until = async (condition: () => boolean, what: string) => {
      const deadline = Date.now() + 30_000;
      while (!condition()) {
        if (child.exitCode !== null) throw new Error(`the export ended with ${child.exitCode}: ${stderr}`);
        if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
        await new Promise((r) => setTimeout(r, 5));
      }
    };
    await until(() => isRendering(child.pid!), 'the command line renders');
    // Another process holds the database's write lock: the export writes its files into the share
    // under temporary names, then waits to put them in place with its version.
    const other = new Database(join(dataDir, DATABASE_FILE));
    other.exec('BEGIN IMMEDIATE');
    try {
      await until(() => existsSync(folder) && readdirSync(folder).some((name) => TEMPORARY.test(name)), 'the export has written into the share');
      // Let it go as far as it can without the lock (well within its 5 s wait for the lock): it
      // must not put anything in place before it can record the version with it.
      await new Promise((r) => setTimeout(r, 1_000));
      child.kill('SIGKILL');
      expect(await exited).toEqual([null, 'SIGKILL']);
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    expect(visible(folder)).toEqual([]);
    expect(dumpDataDir(dataDir).document_export).toEqual([]);

    const again = spawnSync(process.execPath, args, { encoding: 'utf8' });
    expect(again.stderr).toBe('');
    const result = JSON.parse(again.stdout) as { version: number; sha256: string; published: Publication };
    expect(result.version).toBe(1);
    expect(result.published.files.pdf).toBe(`${today()}-v1.pdf`);
    // What the killed run left is gone with the next write to the folder; the publication is whole.
    expect(readdirSync(folder).sort()).toEqual([`${today()}-v1.manifest.json`, `${today()}-v1.pdf`]);
    expect(sha256(readFileSync(join(folder, `${today()}-v1.pdf`)))).toBe(result.sha256);
  });
});

describe('the command line', () => {
  it('says when the document was made but could not be published: the result on stdout, why on stderr, exit code 3', () => {
    const parent = tempDir('fieldbook-share-');
    const d = device(join(parent, 'offline'));
    d.core.close();
    const out = join(tempDir(), 'status.pdf');
    const run = spawnSync(process.execPath, [BIN, '--data-dir', d.dataDir, 'export', '--project', d.projectId, '--document', 'status', '--format', 'pdf', '--lang', 'en', '--out', out, '--publish'], { encoding: 'utf8' });
    expect(run.status).toBe(3);
    const result = JSON.parse(run.stdout) as { file: string; version: number; sha256: string };
    expect(result).toMatchObject({ file: out, version: 1 });
    expect(sha256(readFileSync(out))).toBe(result.sha256);
    expect((JSON.parse(run.stderr) as { error: unknown }).error).toEqual({
      code: 'invalid_input',
      field: 'sharePath',
      message: `sharePath: The share folder ${join(parent, 'offline')} cannot be reached: it does not exist (a network share not connected, a drive removed?) (ENOENT)`,
    });
  });
});
