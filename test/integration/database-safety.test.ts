// The database's safety with real files: a database damaged inside its pages is checked, found
// damaged, opened read-only and left byte for byte as it was, and a backup can take its place;
// backups are made in the background after a clean check; a database this user may not write
// opens read-only with the reason, its data readable; and a call that fails creates no data folder.
//
// Tests run as root here, and root ignores file permissions: the cases of a file this user may
// not write run the command line as the user nobody (uid 65534) when the tests are root, and as
// the tests' own user otherwise (a file of another user then needs root, and is skipped).
import Database from 'better-sqlite3';
import { execFileSync, spawnSync } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { CoreOptions } from '../../electron/core/core.ts';
import type { BackgroundCheck, CheckResult } from '../../electron/core/db/check.ts';
import { createDatabase, DATABASE_FILE } from '../../electron/core/db/open.ts';
import { MIGRATIONS } from '../../electron/core/db/migrations.ts';
import { bundledThreadFiles, startCore } from '../../electron/core/worker/client.ts';
import type { AppInfo, Customer, ReadOnlyCause } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import { readOnlyText } from '../../shared/read-only-cause.ts';
import { damageChangeLog, seededDataDir, sha256 } from '../support/damaged-database.ts';
import { openTestCore, removeTempDirs, startTestCore, tempDir } from '../support/temp-store.ts';

afterEach(removeTempDirs);

const BIN = 'electron/cli/fieldbook.ts';
const DAY = 24 * 60 * 60 * 1000;
const T0 = Date.parse('2026-11-30T09:00:00Z');

function refusal(call: () => unknown): ApiError {
  try {
    call();
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the call to fail');
}

async function rejection(call: unknown): Promise<ApiError> {
  const error = await Promise.resolve(call).then(
    () => new Error('expected the call to fail'),
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

async function until<T>(look: () => Promise<T>, done: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await look();
    if (done(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** A check the test decides: the core's thread would run it on a thread of its own. */
function heldCheck(): { options: Partial<CoreOptions>; finish(result: CheckResult): void } {
  const verdict = Promise.withResolvers<CheckResult>();
  const check: BackgroundCheck = { result: verdict.promise, stop: () => verdict.resolve({ state: 'failed', error: 'stopped' }) };
  return { options: { checkInBackground: () => check }, finish: (result) => verdict.resolve(result) };
}

/** Whether a promise has settled by now (after the microtasks queued so far). */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(
    () => (done = true),
    () => (done = true),
  );
  await new Promise((r) => setImmediate(r));
  return done;
}

describe('a database damaged inside its pages', () => {
  it('is found damaged, opens read-only with the reason, answers reads, and is left exactly as it was', () => {
    const dir = seededDataDir();
    const hash = damageChangeLog(dir);

    const core = openTestCore(dir);
    const info = core.call('app.info', {}) as AppInfo;
    expect(info).toMatchObject({ readOnly: true, damaged: true, checking: false, newestBackup: null });
    expect(info.readOnlyCause).toEqual({ cause: 'damaged', file: join(dir, DATABASE_FILE), problem: expect.any(String), moreProblems: expect.any(Number), newestBackup: null });
    // The same in English, for the command line.
    expect(info.readOnlyReason).toMatch(/is damaged \(SQLite's check found: .+\)\. Fieldbook writes nothing to it/);
    expect(info.readOnlyReason).toContain('There is no backup to restore');
    expect(info.readOnlyReason).toBe(readOnlyText(info.readOnlyCause!, 'en'));
    expect(core.call('customers.list', {})).toHaveLength(60);
    const refused = refusal(() => core.call('customers.create', { name: 'Written into a damaged file' }));
    expect(refused).toMatchObject({ code: 'read_only', message: info.readOnlyReason });
    // A write that reaches the store is refused with the cause, for the UI to say in its language.
    expect(refusal(() => core.store.apply([]))).toMatchObject({ code: 'read_only', message: info.readOnlyReason, readOnly: info.readOnlyCause });
    core.close();

    expect(sha256(join(dir, DATABASE_FILE))).toBe(hash);
    // Nothing is backed up from a damaged file.
    expect(existsSync(join(dir, 'backups'))).toBe(false);
  });

  it('is checked on a thread of its own by the core on its thread, writes refused, the file unchanged', async () => {
    const dir = seededDataDir();
    const hash = damageChangeLog(dir);
    const core = await startTestCore(dir);
    try {
      // Sent at once: it waits for the check, then is refused.
      const write = rejection(core.call('customers.create', { name: 'Sent during the check' }));
      expect((await core.call('customers.list', {})) as Customer[]).toHaveLength(60);
      expect(await write).toMatchObject({ code: 'read_only', message: expect.stringContaining('is damaged') });
      const info = (await core.call('app.info', {})) as AppInfo;
      expect(info).toMatchObject({ readOnly: true, damaged: true, checking: false });
    } finally {
      await core.close();
    }
    expect(sha256(join(dir, DATABASE_FILE))).toBe(hash);
  });

  it('is checked from the Electron bundles too (the check thread starts from the bundled core thread)', async () => {
    const root = resolve('.');
    mkdirSync(join(root, 'dist'), { recursive: true });
    const outDir = mkdtempSync(join(root, 'dist', 'electron-test-'));
    try {
      execFileSync(process.execPath, ['electron/launcher/build-electron.ts', '--outdir', outDir], { cwd: root });
      const dir = seededDataDir();
      const hash = damageChangeLog(dir);
      const core = await startCore({ dataDir: dir, appVersion: '0.0.0-test', resourcesDir: join(root, 'resources'), threadFiles: bundledThreadFiles(outDir) });
      try {
        const info = await until(() => core.call('app.info', {}) as Promise<AppInfo>, (i) => !i.checking, 'the check is done');
        expect(info).toMatchObject({ readOnly: true, damaged: true });
      } finally {
        await core.close();
      }
      expect(sha256(join(dir, DATABASE_FILE))).toBe(hash);
    } finally {
      rmSync(outDir, { recursive: true, force: true });
    }
  });

  it('can be replaced by the newest backup, the damaged file kept aside as it was', async () => {
    const dir = seededDataDir({ now: () => T0 });
    const healthy = openTestCore(dir, { now: () => T0 + 60_000 });
    await healthy.store.backup;
    healthy.call('customers.create', { name: 'Added after the backup' });
    healthy.close();
    const hash = damageChangeLog(dir);

    const core = openTestCore(dir, { now: () => T0 + 120_000 });
    const info = core.call('app.info', {}) as AppInfo;
    expect(info).toMatchObject({ damaged: true, newestBackup: { file: 'backups/fieldbook-2026-11-30T09-01-00Z.sqlite', time: '2026-11-30T09:01:00.000Z' } });
    expect(info.readOnlyCause).toMatchObject({ cause: 'damaged', newestBackup: '2026-11-30T09:01:00.000Z' });
    expect(info.readOnlyReason).toContain('Restore the newest backup (2026-11-30T09:01:00.000Z)');

    const restored = core.call('database.restoreBackup', { file: info.newestBackup!.file }) as { restored: string; damagedFile: string };
    expect(restored.damagedFile).toBe(join(dir, `${DATABASE_FILE}.damaged-2026-11-30T09-02-00Z`));
    expect(sha256(restored.damagedFile)).toBe(hash);
    expect(core.call('app.info', {})).toMatchObject({ readOnly: false, damaged: false, readOnlyCause: null, readOnlyReason: null });
    const names = (core.call('customers.list', {}) as Customer[]).map((c) => c.name);
    expect(names).toHaveLength(60);
    expect(names).not.toContain('Added after the backup');
    core.call('customers.create', { name: 'Written after the restore' });
    core.close();

    const reopened = openTestCore(dir, { now: () => T0 + 180_000 });
    expect(reopened.call('app.info', {})).toMatchObject({ readOnly: false, damaged: false });
    expect(reopened.call('customers.list', {})).toHaveLength(61);
    reopened.close();
  });

  it('is not replaced by a damaged backup, nor is a sound database replaced at all', async () => {
    const dir = seededDataDir({ now: () => T0 });
    const healthy = openTestCore(dir, { now: () => T0 + 60_000 });
    await healthy.store.backup;
    const file = healthy.store.backups()[0]!.file;
    expect(refusal(() => healthy.call('database.restoreBackup', { file }))).toMatchObject({ code: 'invalid_input', field: 'file' });
    healthy.close();
    damageChangeLog(dir); // the database itself first ...
    const hash = sha256(join(dir, DATABASE_FILE));
    // ... and then the backup, damaged the same way.
    const backupDir = tempDir();
    writeFileSync(join(backupDir, DATABASE_FILE), readFileSync(join(dir, file)));
    damageChangeLog(backupDir);
    writeFileSync(join(dir, file), readFileSync(join(backupDir, DATABASE_FILE)));
    // The journal files SQLite makes beside the file to read it do not count.
    const listing = (): string[] => readdirSync(dir).filter((name) => !/-(wal|shm)$/.test(name)).sort();
    const before = listing();

    const core = openTestCore(dir, { now: () => T0 + 120_000 });
    expect(refusal(() => core.call('database.restoreBackup', { file: 'backups/none.sqlite' }))).toMatchObject({ code: 'not_found', field: 'file' });
    expect(refusal(() => core.call('database.restoreBackup', { file }))).toMatchObject({ code: 'database_corrupt', field: 'file' });
    expect(core.call('app.info', {})).toMatchObject({ readOnly: true, damaged: true });
    expect(core.call('customers.list', {})).toHaveLength(60);
    core.close();
    expect(listing()).toEqual(before);
    expect(sha256(join(dir, DATABASE_FILE))).toBe(hash);
  });
});

describe('while an existing database is being checked', () => {
  it('answers reads at once; a change waits for the check, and the calls after it wait in turn', async () => {
    const dir = seededDataDir();
    const hash = sha256(join(dir, DATABASE_FILE));
    const check = heldCheck();
    const core = openTestCore(dir, check.options);

    expect(core.call('app.info', {})).toMatchObject({ checking: true, readOnly: false });
    expect(core.call('customers.list', {})).toHaveLength(60);
    const created = core.call('customers.create', { name: 'Typed while checking' }) as Promise<Customer>;
    const listed = core.call('customers.list', {}) as Promise<Customer[]>;
    expect(await settled(created)).toBe(false);
    expect(await settled(listed)).toBe(false);
    expect(sha256(join(dir, DATABASE_FILE))).toBe(hash);

    check.finish({ state: 'whole' });
    expect((await created).name).toBe('Typed while checking');
    expect((await listed).map((c) => c.name)).toContain('Typed while checking');
    expect(core.call('app.info', {})).toMatchObject({ checking: false, readOnly: false });
    core.close();
  });

  it('refuses the waiting change when the check finds damage, writing nothing', async () => {
    const dir = seededDataDir();
    const hash = sha256(join(dir, DATABASE_FILE));
    const check = heldCheck();
    const core = openTestCore(dir, check.options);
    const created = core.call('customers.create', { name: 'Typed while checking' });
    check.finish({ state: 'damaged', problems: ['Tree 4 page 9 cell 0: invalid page number 4294967295'] });
    expect(await rejection(created)).toMatchObject({ code: 'read_only', message: expect.stringContaining('invalid page number') });
    core.close();
    expect(sha256(join(dir, DATABASE_FILE))).toBe(hash);
  });

  it('answers nothing before the check when the tables still await their upgrade', async () => {
    const dir = tempDir();
    createDatabase(dir, MIGRATIONS.slice(0, -1)).close();
    const check = heldCheck();
    const core = openTestCore(dir, check.options);
    const listed = core.call('customers.list', {}) as Promise<Customer[]>;
    expect(await settled(listed)).toBe(false);
    check.finish({ state: 'whole' });
    expect(await listed).toEqual([]);
    core.close();
  });
});

describe('automatic backups', () => {
  const backupsOf = (dir: string): string[] => readdirSync(join(dir, 'backups')).sort();

  it('are made after a clean check when the newest is a day old, named by their time, the last 7 kept', async () => {
    const dir = seededDataDir({ now: () => T0 });
    const openAt = async (time: number): Promise<void> => {
      const core = openTestCore(dir, { now: () => time });
      await core.store.backup;
      core.close();
    };
    await openAt(T0 + 60_000);
    expect(backupsOf(dir)).toEqual(['fieldbook-2026-11-30T09-01-00Z.sqlite']);
    await openAt(T0 + 2 * 60 * 60_000); // two hours later: not due
    expect(backupsOf(dir)).toHaveLength(1);
    for (let day = 1; day <= 8; day++) await openAt(T0 + day * DAY + 60_000);
    expect(backupsOf(dir)).toEqual([2, 3, 4, 5, 6, 7, 8].map((day) => `fieldbook-2026-12-0${day}T09-01-00Z.sqlite`));

    const copy = new Database(join(dir, 'backups', 'fieldbook-2026-12-07T09-01-00Z.sqlite'), { readonly: true });
    expect(copy.pragma('quick_check', { simple: true })).toBe('ok');
    expect(copy.prepare('SELECT count(*) AS n FROM customer').get()).toEqual({ n: 60 });
    copy.close();
  });
});

/** Who runs the command line in the permission cases, and how. */
const ROOT = process.getuid?.() === 0;
const NOBODY = 65534;

function fieldbookAs(dataDir: string, method: string, input: unknown = {}): { result?: unknown; error?: { code: string; message: string } } {
  const run = spawnSync(process.execPath, [BIN, '--data-dir', dataDir, 'call', method, JSON.stringify(input)], {
    encoding: 'utf8',
    env: { ...process.env, HOME: dataDir },
    ...(ROOT ? { uid: NOBODY, gid: NOBODY } : {}),
  });
  if (run.status === 0) return { result: JSON.parse(run.stdout) as unknown };
  const body = (JSON.parse(run.stderr) as { error?: { code: string; message: string } }).error;
  if (!body) throw new Error(`unexpected output: ${run.stderr}`);
  return { error: body };
}

describe('a database this user may not write', () => {
  let parent: string;
  beforeAll(() => {
    // The command line runs as another user, who must reach the folders below.
    parent = mkdtempSync(join(tmpdir(), 'fieldbook-perm-'));
    chmodSync(parent, 0o755);
  });
  afterAll(() => {
    rmSync(parent, { recursive: true, force: true });
  });
  // Made writable again, so that the folders can be removed when the tests are not root.
  const folders: string[] = [];
  afterEach(() => {
    for (const dir of folders.splice(0)) {
      chmodSync(dir, 0o755);
      for (const name of readdirSync(dir)) chmodSync(join(dir, name), 0o644);
    }
  });

  function seeded(name: string): { dir: string; file: string } {
    const dir = join(parent, name);
    seededDataDir({}, dir);
    folders.push(dir);
    return { dir, file: join(dir, DATABASE_FILE) };
  }

  function expectReadOnly(dir: string, file: string, cause: ReadOnlyCause, why: RegExp): void {
    const hash = sha256(file);
    const info = fieldbookAs(dir, 'app.info').result as AppInfo;
    expect(info).toMatchObject({ readOnly: true, damaged: false, readOnlyCause: cause });
    // The same in English, for the command line.
    expect(info.readOnlyReason).toMatch(why);
    expect(info.readOnlyReason).toBe(readOnlyText(cause, 'en'));
    const customers = fieldbookAs(dir, 'customers.list').result as Customer[];
    expect(customers).toHaveLength(60);
    expect(fieldbookAs(dir, 'customers.create', { name: 'Not to be written' }).error).toMatchObject({ code: 'read_only', message: info.readOnlyReason });
    expect(sha256(file)).toBe(hash);
  }

  it('opens a file of mode 0444 in a folder it may not write read-only, naming why; reads answer, writes are refused', () => {
    const { dir, file } = seeded('read-only-folder');
    if (ROOT) {
      chownSync(dir, NOBODY, NOBODY);
      chownSync(file, NOBODY, NOBODY);
    }
    chmodSync(file, 0o444);
    chmodSync(dir, 0o555);
    // No journal beside the file, and none can be made: it is read from a copy in memory.
    expectReadOnly(dir, file, { cause: 'notWritable', file, inMemoryCopy: true }, /is read-only \(its permissions do not allow writing\).* What you see is the file as it was/);
    expect(readdirSync(dir)).toEqual([DATABASE_FILE]);
  });

  it('opens a file of mode 0444 in a folder it may write read-only, reading it in place', () => {
    const { dir, file } = seeded('read-only-file');
    if (ROOT) {
      chownSync(dir, NOBODY, NOBODY);
      chownSync(file, NOBODY, NOBODY);
    }
    chmodSync(file, 0o444);
    expectReadOnly(dir, file, { cause: 'notWritable', file, inMemoryCopy: false }, /is read-only \(its permissions do not allow writing\), so Fieldbook cannot change it\.$/);
  });

  it.skipIf(!ROOT)("opens another user's file (0644, folder 0755) read-only, naming its owner; reads answer, writes are refused", () => {
    const { dir, file } = seeded('another-user');
    expect(statSync(file).uid).toBe(0);
    chmodSync(file, 0o644);
    chmodSync(dir, 0o755);
    expectReadOnly(dir, file, { cause: 'otherUser', file, uid: 0, inMemoryCopy: true }, /belongs to another user of this computer \(user id 0\)/);
    expect(readdirSync(dir)).toEqual([DATABASE_FILE]);
  });

  it.skipIf(!ROOT)("refuses another user's file whose journal holds changes not yet in it, naming why, and leaves both as they are", () => {
    const { dir: source, file: sourceFile } = seeded('another-user-running');
    // Its owner's Fieldbook has written a change that is still in the journal: copied as it is.
    const owner = new Database(sourceFile);
    owner.pragma('wal_autocheckpoint = 0');
    owner.prepare("UPDATE customer SET notes = 'changed' WHERE name = 'Customer 1'").run();
    const dir = join(parent, 'another-user-journal');
    mkdirSync(dir, { mode: 0o755 });
    for (const name of [DATABASE_FILE, `${DATABASE_FILE}-wal`]) writeFileSync(join(dir, name), readFileSync(join(source, name)), { mode: 0o644 });
    owner.close();
    const file = join(dir, DATABASE_FILE);
    const hashes = [sha256(file), sha256(`${file}-wal`)];

    const refused = fieldbookAs(dir, 'app.info').error;
    expect(refused).toMatchObject({ code: 'database_unreadable', message: expect.stringContaining('belongs to another user') });
    expect(refused!.message).toContain('holds changes not yet written into the file');
    expect([sha256(file), sha256(`${file}-wal`)]).toEqual(hashes);
    expect(readdirSync(dir).sort()).toEqual([DATABASE_FILE, `${DATABASE_FILE}-wal`]);
  });
});

describe('a data folder that does not exist yet', () => {
  it('is not created by a call the command line refuses, nor by app.info; the first valid call creates it', () => {
    const dir = join(tempDir(), 'Fieldbook');
    const cli = (...args: string[]) => spawnSync(process.execPath, [BIN, '--data-dir', dir, 'call', ...args], { encoding: 'utf8' });

    expect(JSON.parse(cli('customers.destroy', '{}').stderr)).toMatchObject({ error: { code: 'unknown_method' } });
    expect(existsSync(dir)).toBe(false);
    expect(JSON.parse(cli('customers.create', '{"name": ""}').stderr)).toMatchObject({ error: { code: 'invalid_input', field: 'name' } });
    expect(JSON.parse(cli('customers.get', '{"id": "nope"}').stderr)).toMatchObject({ error: { code: 'invalid_input', field: 'id' } });
    expect(existsSync(dir)).toBe(false);
    const info = cli('app.info');
    expect(info.status).toBe(0);
    expect(JSON.parse(info.stdout)).toMatchObject({ deviceId: null, readOnly: false, dataDir: dir });
    expect(existsSync(dir)).toBe(false);

    expect(cli('customers.create', '{"name": "Stadtwerke Nordhafen"}').status).toBe(0);
    expect(readdirSync(dir)).toContain(DATABASE_FILE);
  });

  it('is not created by the core on its thread before a call that passed its validation', async () => {
    const dir = join(tempDir(), 'Fieldbook');
    const core = await startTestCore(dir);
    try {
      expect(existsSync(dir)).toBe(false);
      expect(await rejection(core.call('customers.destroy', {}))).toMatchObject({ code: 'unknown_method' });
      expect(await rejection(core.call('projects.create', { name: 'No customer' }))).toMatchObject({ code: 'invalid_input' });
      expect(existsSync(dir)).toBe(false);
      expect(await core.call('app.info', {})).toMatchObject({ deviceId: null });
      expect(existsSync(dir)).toBe(false);
      expect(await core.call('customers.list', {})).toEqual([]);
      expect(existsSync(join(dir, DATABASE_FILE))).toBe(true);
      expect(((await core.call('app.info', {})) as AppInfo).deviceId).toMatch(/^[0-9a-f]{16}$/);
    } finally {
      await core.close();
    }
  });
});
