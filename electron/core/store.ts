// A Store is one data folder: the database, this device's identity and clock, and the write path.
// Hosts (Electron, HTTP, CLI) open exactly one and hand it to the API.
//
// Nothing is created before it is needed: an existing database is opened by start() (the core
// calls it before every call), a new one only when a call that passed its validation reaches for
// the database. An existing file is opened read-only and checked (check.ts) before anything is
// written to it: found whole, it is reopened writable (upgraded, then backed up when due);
// found damaged, it stays read-only and exactly as it is, and a backup can be put in its place.
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { join } from 'node:path';
import type { ReadOnlyCause } from '../../shared/domain.ts';
import { ApiError } from '../../shared/errors.ts';
import { readOnlyText } from '../../shared/read-only-cause.ts';
import { backUpIfDue, listBackups, prepareRestore, putInPlace, type Backup } from './db/backup.ts';
import { quickCheck, type BackgroundCheck, type CheckResult } from './db/check.ts';
import { createDatabase, DATABASE_FILE, openExistingDatabase, openWritableDatabase, type ExistingDatabase } from './db/open.ts';
import { openReader, type Reader } from './db/read.ts';
import { meta } from './db/tables/log.ts';
import { SCHEMA_VERSION } from './db/migrations.ts';
import { HybridClock } from './hlc.ts';
import { newDeviceId } from './ids.ts';
import { WritePath, loadClockState, type ApplyOptions, type FieldChange, type RemoteChange, type RemoteOutcome, type SyncFileRecord } from './write-path.ts';

export interface StoreOptions {
  /** Wall clock for the hybrid logical clock and the backups' times; tests pass their own. */
  now?: () => number;
  /**
   * Checks an existing database away from this thread, so that reads answer meanwhile (the core's
   * thread starts a thread for it). Without it, the check runs here before the store answers.
   */
  checkInBackground?: (file: string) => BackgroundCheck;
  /** Called whenever the database becomes writable: opened, found whole, or restored. */
  onWritable?: (store: Store) => void;
}

/** The database's state as app.info tells it, learned without creating anything. */
export interface StoreStatus {
  /** null while there is no database yet. */
  deviceId: string | null;
  /** Why the database is read-only; null while it is checked (writes wait then) or writable. */
  readOnlyCause: ReadOnlyCause | null;
  checking: boolean;
  damaged: boolean;
}

type State =
  /** No database opened yet (none existed when last looked for). */
  | { kind: 'unopened' }
  | { kind: 'checking'; db: Database.Database; deviceId: string; needsUpgrade: boolean; check: BackgroundCheck; done: Promise<void> }
  | { kind: 'writable'; db: Database.Database; deviceId: string; writePath: WritePath }
  | { kind: 'readOnly'; db: Database.Database; deviceId: string; cause: ReadOnlyCause; damaged: boolean }
  | { kind: 'closed' };

type Opened = Exclude<State, { kind: 'unopened' | 'closed' }>;

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export class Store {
  readonly dataDir: string;
  readonly file: string;
  private state: State = { kind: 'unopened' };
  private readonly options: StoreOptions;
  /** The wall clock (tests pass their own): sync's times (retention, snapshots due) read it too. */
  readonly now: () => number;
  /** Drizzle over the connection it was made for (a restore or a check's verdict opens another). */
  private reader: { db: Database.Database; orm: Reader } | null = null;
  /** The automatic backup under way, if any: awaited by tests and the benchmark, cut short by close(). */
  private backingUp: Promise<void> | null = null;

  constructor(dataDir: string, options: StoreOptions = {}) {
    this.dataDir = dataDir;
    this.file = join(dataDir, DATABASE_FILE);
    this.options = options;
    this.now = options.now ?? Date.now;
  }

  /** Opens the database if its file exists, and starts its check; creates nothing. */
  start(): void {
    if (this.state.kind !== 'unopened') return;
    const existing = openExistingDatabase(this.dataDir);
    if (existing) this.adopt(existing, this.options.checkInBackground);
  }

  /** Typed reads of the declared tables; writes go through apply. */
  get orm(): Reader {
    const { db } = this.opened();
    if (this.reader?.db !== db) this.reader = { db, orm: openReader(db) };
    return this.reader.orm;
  }

  get deviceId(): string {
    const state = this.opened();
    return state.kind === 'writable' ? this.followDeviceId(state).deviceId : state.deviceId;
  }

  /** True while the check runs too: a write would be refused then (core.ts holds writes back until the verdict instead). */
  get readOnly(): boolean {
    return this.opened().kind !== 'writable';
  }

  /** Why the database cannot be written now; null when it can. */
  get readOnlyCause(): ReadOnlyCause | null {
    const state = this.opened();
    if (state.kind === 'readOnly') return state.cause;
    return state.kind === 'checking' ? { cause: 'checking' } : null;
  }

  /** The same in English, for the command line and the messages of errors. */
  get readOnlyReason(): string | null {
    const cause = this.readOnlyCause;
    return cause && readOnlyText(cause, 'en');
  }

  /** The refusal of a change while the database cannot be written: the English message and the cause, which the UI says in its language. */
  readOnlyError(): ApiError {
    const cause = this.readOnlyCause;
    if (!cause) return new ApiError({ code: 'read_only', message: 'The database is read-only.' });
    return new ApiError({ code: 'read_only', message: readOnlyText(cause, 'en'), readOnly: cause });
  }

  get schemaVersion(): number {
    return SCHEMA_VERSION;
  }

  /** Whether the check of the database is under way. */
  get checking(): boolean {
    return this.state.kind === 'checking';
  }

  /** Whether the database being checked awaits a schema upgrade: reads wait for the check too, its tables not yet being as this version reads them. */
  get upgradePending(): boolean {
    return this.state.kind === 'checking' && this.state.needsUpgrade;
  }

  /** Settles once the check is done and its verdict applied; at once when no check runs. */
  get checked(): Promise<void> {
    return this.state.kind === 'checking' ? this.state.done : Promise.resolve();
  }

  /** The automatic backup started after the check, until it is complete; null when none runs. */
  get backup(): Promise<void> | null {
    return this.backingUp;
  }

  status(): StoreStatus {
    const state = this.state;
    switch (state.kind) {
      case 'unopened':
        return { deviceId: null, readOnlyCause: null, checking: false, damaged: false };
      case 'closed':
        throw this.closedError();
      case 'checking':
        return { deviceId: state.deviceId, readOnlyCause: null, checking: true, damaged: false };
      case 'writable':
        return { deviceId: state.deviceId, readOnlyCause: null, checking: false, damaged: false };
      case 'readOnly':
        return { deviceId: state.deviceId, readOnlyCause: state.cause, checking: false, damaged: state.damaged };
    }
  }

  /** The data folder's backups, newest first. */
  backups(): Backup[] {
    return listBackups(this.dataDir);
  }

  /** The only way to change domain data. All or nothing; a value already stored is no change and is not logged. */
  apply(changes: readonly FieldChange[], options?: ApplyOptions): string[] {
    return this.writePath().apply(changes, options);
  }

  /** Others' changes from the share (a change file's, or a snapshot's with every file it holds), through the write path (see WritePath.applyRemote). */
  applyRemote(changes: readonly RemoteChange[], files: readonly SyncFileRecord[]): RemoteOutcome {
    return this.writePath().applyRemote(changes, files, new Date(this.now()).toISOString());
  }

  /**
   * Gives this installation a new device id, for good: its changes not yet in the share move to it
   * (but those in `inShare`, see WritePath.relabelUnsent), the clock stamps with it, and
   * `introduce(id)` (the new id's device row) is written with it, all in one transaction.
   */
  changeDeviceId(inShare: ReadonlySet<string>, introduce: (id: string) => FieldChange[]): string {
    const state = this.opened();
    if (state.kind !== 'writable') throw this.readOnlyError();
    const id = newDeviceId();
    const writePath = new WritePath(state.db, new HybridClock(id, loadClockState(state.db), this.options.now), id);
    state.db
      .transaction(() => {
        state.writePath.relabelUnsent(state.deviceId, id, inShare);
        state.db.prepare("UPDATE meta SET value = ? WHERE key = 'device_id'").run(id);
        writePath.apply(introduce(id));
      })
      .immediate();
    this.state = { ...state, deviceId: id, writePath };
    return id;
  }

  /** Others' changes kept back, tried again. */
  applyParked(): RemoteOutcome {
    return this.writePath().applyParked();
  }

  /** Notes a change file this device wrote to the share and the last of its own changes in it. */
  recordExport(file: SyncFileRecord, lastSeq: number): void {
    this.writePath().recordExport(file, lastSeq, new Date(this.now()).toISOString());
  }

  /** Notes a snapshot this database wrote to the share (see WritePath.recordSnapshot). */
  recordSnapshot(hash: string): void {
    this.writePath().recordSnapshot(hash);
  }

  /** Notes the summary of a sync with the share (see WritePath.recordSync). */
  recordSync(summary: string): void {
    this.writePath().recordSync(summary);
  }

  private writePath(): WritePath {
    const state = this.opened();
    if (state.kind !== 'writable') throw this.readOnlyError();
    return this.followDeviceId(state).writePath;
  }

  /**
   * The writable state with the device id the file holds now: another process on this data folder
   * (the command line's sync beside the window) may have given it a new one (changeDeviceId), and
   * stamping on under the old one would make stamps twice under one id.
   */
  private followDeviceId(state: Extract<State, { kind: 'writable' }>): Extract<State, { kind: 'writable' }> {
    const stored = (state.db.prepare("SELECT value FROM meta WHERE key = 'device_id'").get() as { value: string } | undefined)?.value;
    if (stored === undefined || stored === state.deviceId) return state;
    const followed = { ...state, deviceId: stored, writePath: new WritePath(state.db, new HybridClock(stored, loadClockState(state.db), this.options.now), stored) };
    this.state = followed;
    return followed;
  }

  /** Runs `work` in one transaction: reads, checks and writes inside it stand or fall together. */
  transaction<T>(work: () => T): T {
    // IMMEDIATE: take the write lock before the first read, so that what a write checks or counts
    // (the next item number, say) cannot change under it from another process on the same file.
    return this.opened().db.transaction(work).immediate();
  }

  /**
   * Puts `file` (one of backups()) in place of the damaged database and opens it writable. The
   * damaged file is renamed aside, never deleted; returns where it is kept.
   */
  restoreBackup(file: string): string {
    const state = this.opened();
    if (state.kind !== 'readOnly' || !state.damaged) {
      throw new ApiError({ code: 'invalid_input', field: 'file', message: 'file: the database is not damaged; a backup is put back only in place of a damaged one.' });
    }
    const backup = this.backups().find((b) => b.file === file);
    if (!backup) throw new ApiError({ code: 'not_found', field: 'file', message: `file: no backup ${file} in ${this.dataDir}` });
    const incoming = prepareRestore(this.dataDir, backup);
    state.db.close();
    this.state = { kind: 'unopened' };
    let keptAs: string;
    try {
      keptAs = putInPlace(this.dataDir, incoming, this.now());
    } catch (error) {
      // Whatever is in place now is opened, and checked, as at a start.
      this.start();
      throw error;
    }
    const existing = openExistingDatabase(this.dataDir);
    if (!existing) throw new ApiError({ code: 'internal', message: `The restored database ${this.file} has gone.` });
    // prepareRestore has just checked it.
    this.adopt(existing, undefined, { state: 'whole' });
    return keptAs;
  }

  /** Closes the database; a check or backup under way is stopped (the next start does them again). */
  close(): void {
    const state = this.state;
    this.state = { kind: 'closed' };
    if (state.kind === 'unopened' || state.kind === 'closed') return;
    if (state.kind === 'checking') state.check.stop();
    if (state.db.open) state.db.close();
  }

  /** Opens the database now, creating it if there is none, as the first call that needs it would (tests look at it first). */
  open(): void {
    this.opened();
  }

  /** The opened database: an existing one (checked here first), or a new one. */
  private opened(): Opened {
    if (this.state.kind === 'unopened') {
      const existing = openExistingDatabase(this.dataDir);
      if (existing) this.adopt(existing, undefined);
      else this.becomeWritable(createDatabase(this.dataDir));
    }
    if (this.state.kind === 'closed' || this.state.kind === 'unopened') throw this.closedError();
    return this.state;
  }

  private closedError(): ApiError {
    return new ApiError({ code: 'internal', message: 'The database has been closed.' });
  }

  /** Takes an opened file: read-only as it is, or checked (in the background if given, else here, unless `known`) before it is written. */
  private adopt(existing: ExistingDatabase, background: StoreOptions['checkInBackground'], known?: CheckResult): void {
    const { db } = existing;
    if (existing.state === 'readOnly') {
      this.state = { kind: 'readOnly', db, deviceId: this.storedDeviceId(db), cause: existing.cause, damaged: false };
      return;
    }
    if (known || !background) {
      this.settle(db, known ?? quickCheck(this.file));
      return;
    }
    const check = background(this.file);
    const done = check.result.then((result) => {
      // Closed meanwhile: the verdict has nobody to tell.
      if (this.state.kind === 'checking' && this.state.check === check) this.settle(db, result);
    });
    this.state = { kind: 'checking', db, deviceId: this.storedDeviceId(db), needsUpgrade: existing.needsUpgrade, check, done };
  }

  /** Applies a check's verdict to the file opened read-only as `db`. Never throws: what fails leaves it read-only, with the cause. */
  private settle(db: Database.Database, result: CheckResult): void {
    const readOnly = (cause: ReadOnlyCause): void => {
      this.state = { kind: 'readOnly', db, deviceId: this.storedDeviceId(db), cause, damaged: cause.cause === 'damaged' };
    };
    if (result.state === 'damaged') return readOnly(this.damagedCause(result.problems));
    if (result.state === 'failed') return readOnly({ cause: 'checkFailed', file: this.file, error: result.error });
    let writable: Database.Database | null = null;
    try {
      writable = openWritableDatabase(this.file);
      this.becomeWritable(writable);
    } catch (error) {
      writable?.close();
      return readOnly({ cause: 'notOpenableForWriting', file: this.file, error: describe(error) });
    }
    db.close();
    const backup = backUpIfDue(writable, this.dataDir, this.now());
    if (!backup) return;
    const tracked: Promise<void> = backup
      // A backup that fails (a full disk) or is cut short (closing) is tried again at the next start.
      .catch(() => undefined)
      .finally(() => {
        if (this.backingUp === tracked) this.backingUp = null;
      });
    this.backingUp = tracked;
  }

  private damagedCause(problems: readonly string[]): ReadOnlyCause {
    const newest = this.backups()[0];
    return {
      cause: 'damaged',
      file: this.file,
      problem: problems[0] ?? '',
      moreProblems: Math.max(problems.length - 1, 0),
      newestBackup: newest ? new Date(newest.time).toISOString() : null,
    };
  }

  private becomeWritable(db: Database.Database): void {
    const stored = openReader(db).select({ value: meta.value }).from(meta).where(eq(meta.key, 'device_id')).get()?.value;
    const deviceId = stored ?? this.makeDeviceId(db);
    this.state = { kind: 'writable', db, deviceId, writePath: new WritePath(db, new HybridClock(deviceId, loadClockState(db), this.options.now), deviceId) };
    this.options.onWritable?.(this);
  }

  /** The id this installation gave itself in the file; a placeholder where it never did, or where it cannot be read (a damaged page). */
  private storedDeviceId(db: Database.Database): string {
    try {
      return openReader(db).select({ value: meta.value }).from(meta).where(eq(meta.key, 'device_id')).get()?.value ?? 'read-only';
    } catch {
      return 'read-only';
    }
  }

  private makeDeviceId(db: Database.Database): string {
    const id = newDeviceId();
    db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?)").run(id);
    return id;
  }
}
