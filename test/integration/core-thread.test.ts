// The core on its own thread, as every host runs it (electron/core/worker): long work there holds
// up no host, errors cross with their code and field, long work reports its progress and stops
// when cancelled without leaving anything half-written, and closing waits for the writes sent.
// Times are printed for a look, never asserted (see `npm run bench` for the figures).
import Database from 'better-sqlite3';
import { execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { DATABASE_FILE } from '../../electron/core/db/open.ts';
import type { Progress } from '../../shared/task-progress.ts';
import { bundledThreadFiles, startCore, type CoreClient } from '../../electron/core/worker/client.ts';
import { startHttpHost } from '../../electron/host/http-host.ts';
import type { DocumentExport, ExportResult } from '../../shared/documents/types.ts';
import type { AppInfo, Customer, ProjectDetail } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import { CHECKLIST_MAPPING, checklistCsv, longExport, seedLongChecklist } from '../support/long-checklist.ts';
import { dumpDataDir, removeTempDirs, startTestCore, tempDir } from '../support/temp-store.ts';
import { isRendering } from '../support/threads.ts';

/** The ApiError a call fails with; fails the test if it succeeds. */
async function failure(call: Promise<unknown>): Promise<ApiError> {
  const error = await call.then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

async function until(condition: () => Promise<boolean>, what: string): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

const pageCount = (result: ExportResult): number => Buffer.from(result.files[0]!.base64, 'base64').toString('latin1').match(/\/Type \/Page\b/g)?.length ?? 0;
const median = (values: number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

describe('a 100-page export on the core thread', () => {
  let dataDir: string;
  let core: CoreClient;
  let projectId: string;
  const history = async () => (await core.call('documents.history', { projectId })) as DocumentExport[];

  beforeAll(async () => {
    dataDir = tempDir();
    core = await startTestCore(dataDir);
    projectId = await seedLongChecklist((method, input) => core.call(method, input));
  });
  afterAll(async () => {
    await core.close();
    removeTempDirs();
  });

  it('holds up no small read through the web host while it renders', async () => {
    const host = await startHttpHost({ core, staticDir: tempDir() });
    const read = async (): Promise<number> => {
      const start = performance.now();
      const response = await fetch(`http://127.0.0.1:${host.port}/api/projects.get`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify({ id: projectId }),
      });
      expect(((await response.json()) as { result: ProjectDetail }).result.project.id).toBe(projectId);
      return performance.now() - start;
    };
    try {
      for (let i = 0; i < 5; i++) await read(); // warm-up
      const idle: number[] = [];
      for (let i = 0; i < 20; i++) idle.push(await read());

      const rendering = Promise.withResolvers<void>();
      let finished = false;
      const exporting = core.call('documents.export', longExport(projectId), { onProgress: (p) => p.stage === 'pdf' && rendering.resolve() });
      void exporting.finally(() => (finished = true));
      await rendering.promise;
      const during: number[] = [];
      while (!finished) {
        const ms = await read();
        if (!finished) during.push(ms);
      }
      const result = (await exporting) as ExportResult;

      expect(pageCount(result)).toBeGreaterThanOrEqual(100);
      // Answered while the export was still rendering: the core's thread was free to answer.
      expect(during.length).toBeGreaterThanOrEqual(3);
      console.log(
        `projects.get over HTTP: idle median ${median(idle).toFixed(1)} ms; during a ${pageCount(result)}-page export ` +
          `median ${median(during).toFixed(1)} ms, worst ${Math.max(...during).toFixed(1)} ms (n = ${during.length})`,
      );
    } finally {
      await host.close();
    }
  });

  it('cancelled while rendering: fails as cancelled, records no version, and the next export takes its number', async () => {
    const before = await history();
    const cancel = new AbortController();
    const stages: string[] = [];
    const cancelled = await failure(
      core.call('documents.export', longExport(projectId), {
        signal: cancel.signal,
        onProgress: (p) => {
          stages.push(p.stage);
          if (p.stage === 'pdf') cancel.abort();
        },
      }),
    );
    expect(cancelled.code).toBe('cancelled');
    expect(stages).toEqual(['read', 'pdf']);
    expect(await history()).toEqual(before);
    // No version is left without its files.
    const rows = dumpDataDir(dataDir).document_export as { deleted: number; hashes: string }[];
    expect(rows.filter((r) => r.deleted === 0 && r.hashes === '{}')).toEqual([]);

    const next = (await core.call('documents.export', longExport(projectId))) as ExportResult;
    expect(next.version).toBe(Math.max(0, ...before.map((e) => e.version)) + 1);
  });

  it('cancelled by a web caller that goes away: nothing is recorded', async () => {
    // The host's calls, watched: the export tells when it renders, and how it ended.
    const rendering = Promise.withResolvers<void>();
    const calls: Promise<unknown>[] = [];
    const watched: CoreClient = {
      call: (method, input, options) => {
        const call = core.call(method, input, { ...options, onProgress: (p) => p.stage === 'pdf' && rendering.resolve() });
        calls.push(call);
        return call;
      },
      close: () => core.close(),
    };
    const host = await startHttpHost({ core: watched, staticDir: tempDir() });
    try {
      const before = await history();
      const leaving = new AbortController();
      const request = fetch(`http://127.0.0.1:${host.port}/api/documents.export`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${host.token}`, 'Content-Type': 'application/json' },
        body: JSON.stringify(longExport(projectId)),
        signal: leaving.signal,
      }).catch(() => 'gone');
      await rendering.promise;
      leaving.abort();
      expect(await request).toBe('gone');
      expect((await failure(calls[0]!)).code).toBe('cancelled');
      expect(await history()).toEqual(before);
    } finally {
      await host.close();
    }
  });

  it('cancelled by Ctrl+C in the command line: no file, no version', async () => {
    const before = await history();
    const out = join(tempDir(), 'checklist.pdf');
    const cli = spawn(process.execPath, ['electron/cli/fieldbook.ts', '--data-dir', dataDir, 'export', '--project', projectId, '--document', 'checklist', '--format', 'pdf', '--lang', 'de', '--out', out], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    cli.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const exited = once(cli, 'exit');
    await until(() => Promise.resolve(isRendering(cli.pid!)), 'the command line renders');
    cli.kill('SIGINT');
    const [code] = (await exited) as [number | null];
    expect(code).toBe(1);
    expect(JSON.parse(stderr)).toMatchObject({ error: { code: 'cancelled' } });
    expect(existsSync(out)).toBe(false);
    expect(await history()).toEqual(before);
  });
});

describe('an import on the core thread', () => {
  let dataDir: string;
  let core: CoreClient;
  let projectId: string;

  beforeAll(async () => {
    dataDir = tempDir();
    core = await startTestCore(dataDir);
    const customer = (await core.call('customers.create', { name: 'Stadtwerke Nordhafen' })) as Customer;
    projectId = ((await core.call('projects.create', { customerId: customer.id, name: 'Webmail' })) as ProjectDetail).project.id;
  });
  afterAll(async () => {
    await core.close();
    removeTempDirs();
  });

  it('cancelled while writing: fails as cancelled and writes none of its rows', async () => {
    const before = dumpDataDir(dataDir);
    const cancel = new AbortController();
    const seen: Progress[] = [];
    const cancelled = await failure(
      core.call(
        'requirements.import',
        { projectId, csv: checklistCsv(5_000), mapping: CHECKLIST_MAPPING },
        {
          signal: cancel.signal,
          onProgress: (p) => {
            seen.push(p);
            if (p.stage === 'write') cancel.abort();
          },
        },
      ),
    );
    expect(cancelled.code).toBe('cancelled');
    // Some rows were written inside the transaction before the cancel was seen; none are left.
    expect(seen.some((p) => p.stage === 'write' && p.done > 0)).toBe(true);
    expect(dumpDataDir(dataDir)).toEqual(before);
  });

  it('reports its rows as it reads and writes them', async () => {
    const seen: Progress[] = [];
    const result = await core.call('requirements.import', { projectId, csv: checklistCsv(1_200), mapping: CHECKLIST_MAPPING }, { onProgress: (p) => seen.push(p) });
    expect(result).toEqual({ created: 1_200, updated: 0, skipped: 0 });
    const counted = (stage: 'rows' | 'write') => seen.flatMap((p) => (p.stage === stage ? [[p.done, p.total]] : []));
    expect(counted('rows')).toEqual([
      [0, 1_200],
      [500, 1_200],
      [1_000, 1_200],
      [1_200, 1_200],
    ]);
    expect(counted('write')).toEqual([
      [500, 1_200],
      [1_000, 1_200],
      [1_200, 1_200],
    ]);
    expect(seen.findIndex((p) => p.stage === 'write')).toBeGreaterThan(seen.findLastIndex((p) => p.stage === 'rows'));
  });
});

describe('the core thread', () => {
  afterEach(removeTempDirs);

  it('passes errors back with their code, field and issues', async () => {
    const core = await startTestCore();
    try {
      const invalid = await failure(core.call('customers.create', { name: '' }));
      expect(invalid).toMatchObject({ code: 'invalid_input', field: 'name', issues: [{ field: 'name', reason: 'empty' }] });
      expect(await failure(core.call('customers.destroy', {}))).toMatchObject({ code: 'unknown_method', field: 'method' });
      const missing = await failure(core.call('projects.create', { customerId: '01a20f34-fa71-7502-8018-087eb9ad0250', name: 'X' }));
      expect(missing).toMatchObject({ code: 'not_found', field: 'customerId' });
      const customer = (await core.call('customers.create', { name: 'Nordhafen' })) as Customer;
      const { project } = (await core.call('projects.create', { customerId: customer.id, name: 'P' })) as ProjectDetail;
      expect(await failure(core.call('projects.setPhase', { id: project.id, phase: 'concept' }))).toMatchObject({ code: 'gate_not_go', field: 'phase' });
      const task = await failure(core.call('documents.export', { projectId: project.id, document: 'minutes', formats: ['pdf'], language: 'en', meetingId: customer.id }));
      expect(task).toMatchObject({ code: 'not_found', field: 'meetingId' });
    } finally {
      await core.close();
    }
  });

  it('opens a database of a newer Fieldbook read-only and refuses writes', async () => {
    const dir = tempDir();
    await (await startTestCore(dir)).close();
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma('user_version = 999');
    db.close();
    const core = await startTestCore(dir);
    try {
      const info = (await core.call('app.info', {})) as AppInfo;
      expect(info.readOnly).toBe(true);
      expect(info.readOnlyReason).toContain('newer Fieldbook');
      expect(await failure(core.call('customers.create', { name: 'Nordhafen' }))).toMatchObject({ code: 'read_only' });
    } finally {
      await core.close();
    }
  });

  it('fails to start on a damaged database, which it leaves untouched', async () => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    writeFileSync(file, 'this is not a database, but it is someone’s file');
    const refused = await failure(startTestCore(dir));
    expect(refused.code).toBe('database_corrupt');
    expect(readFileSync(file, 'utf8')).toBe('this is not a database, but it is someone’s file');
  });

  it('closes only after answering every write sent before, then refuses calls', async () => {
    const dir = tempDir();
    const core = await startTestCore(dir);
    const saves = Array.from({ length: 200 }, (_, i) => core.call('customers.create', { name: `Customer ${i}` }));
    await core.close();
    expect((await Promise.all(saves)).length).toBe(200);
    expect(await failure(core.call('customers.list', {}))).toMatchObject({ code: 'internal' });
    expect(dumpDataDir(dir).customer).toHaveLength(200);
  });

  it('cancels an export still running when it closes, recording nothing', async () => {
    const dir = tempDir();
    const core = await startTestCore(dir);
    const projectId = await seedLongChecklist((method, input) => core.call(method, input));
    const rendering = Promise.withResolvers<void>();
    const exporting = failure(core.call('documents.export', longExport(projectId), { onProgress: (p) => p.stage === 'pdf' && rendering.resolve() }));
    await rendering.promise;
    await core.close();
    expect((await exporting).code).toBe('cancelled');
    expect((dumpDataDir(dir).document_export as { deleted: number }[]).filter((r) => r.deleted === 0)).toEqual([]);
  });
});

describe('the Electron build', () => {
  const root = resolve('.');
  let outDir: string;
  beforeAll(() => {
    // Inside the project, so that the bundles find better-sqlite3 and pdfkit in node_modules.
    mkdirSync(join(root, 'dist'), { recursive: true });
    outDir = mkdtempSync(join(root, 'dist', 'electron-test-'));
    execFileSync(process.execPath, ['electron/launcher/build-electron.ts', '--outdir', outDir], { cwd: root });
  });
  afterAll(() => {
    rmSync(outDir, { recursive: true, force: true });
    removeTempDirs();
  });

  it('bundles both threads, and the core runs from the bundles', async () => {
    const core = await startCore({
      dataDir: tempDir(),
      appVersion: '0.0.0-test',
      resourcesDir: join(root, 'resources'),
      threadFiles: bundledThreadFiles(outDir),
    });
    try {
      const { project } = (await core.call('projects.createSample', {})) as ProjectDetail;
      const stages: string[] = [];
      const result = (await core.call('documents.export', { projectId: project.id, document: 'status', formats: ['pdf', 'docx'], language: 'en' }, { onProgress: (p) => stages.push(p.stage) })) as ExportResult;
      expect(stages).toEqual(['read', 'pdf', 'docx', 'record']);
      expect(Buffer.from(result.files[0]!.base64, 'base64').subarray(0, 5).toString()).toBe('%PDF-');
      expect(Buffer.from(result.files[1]!.base64, 'base64').subarray(0, 2).toString()).toBe('PK');
    } finally {
      await core.close();
    }
  });
});
