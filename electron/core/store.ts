// A Store is one opened data folder: the database, this device's identity and clock, and the
// write path. Hosts (Electron, HTTP, CLI) open exactly one and hand it to the API.
import type Database from 'better-sqlite3';
import { eq } from 'drizzle-orm';
import { ApiError } from '../../shared/errors.ts';
import { openDatabase } from './db/open.ts';
import { openReader, type Reader } from './db/read.ts';
import { meta } from './db/tables/log.ts';
import { SCHEMA_VERSION } from './db/migrations.ts';
import { HybridClock } from './hlc.ts';
import { newDeviceId } from './ids.ts';
import { WritePath, loadClockState, type FieldChange } from './write-path.ts';

export interface StoreOptions {
  /** Wall clock for the hybrid logical clock; tests pass their own. */
  now?: () => number;
}

export class Store {
  /** Private to the data layer: everything else reads through orm and writes through apply. */
  private readonly db: Database.Database;
  /** Typed reads of the declared tables; writes go through apply. */
  readonly orm: Reader;
  readonly dataDir: string;
  readonly file: string;
  readonly deviceId: string;
  readonly readOnlyReason: string | null;
  private readonly writePath: WritePath | null;

  constructor(dataDir: string, options: StoreOptions = {}) {
    const opened = openDatabase(dataDir);
    this.db = opened.db;
    this.orm = openReader(this.db);
    this.dataDir = dataDir;
    this.file = opened.file;
    this.readOnlyReason = opened.readOnlyReason;
    this.deviceId = opened.readOnly ? this.readDeviceId() ?? 'read-only' : this.ensureDeviceId();
    this.writePath = opened.readOnly
      ? null
      : new WritePath(this.db, new HybridClock(this.deviceId, loadClockState(this.db), options.now), this.deviceId);
  }

  get readOnly(): boolean {
    return this.writePath === null;
  }

  get schemaVersion(): number {
    return SCHEMA_VERSION;
  }

  /** The only way to change domain data. All or nothing; a value already stored is no change and is not logged. */
  apply(changes: readonly FieldChange[]): string[] {
    if (!this.writePath) throw new ApiError({ code: 'read_only', message: this.readOnlyReason ?? 'The database is read-only.' });
    return this.writePath.apply(changes);
  }

  /** Runs `work` in one transaction: reads, checks and writes inside it stand or fall together. */
  transaction<T>(work: () => T): T {
    // IMMEDIATE: take the write lock before the first read, so that what a write checks or counts
    // (the next item number, say) cannot change under it from another process on the same file.
    return this.db.transaction(work).immediate();
  }

  close(): void {
    if (this.db.open) this.db.close();
  }

  private readDeviceId(): string | null {
    return this.orm.select({ value: meta.value }).from(meta).where(eq(meta.key, 'device_id')).get()?.value ?? null;
  }

  private ensureDeviceId(): string {
    const existing = this.readDeviceId();
    if (existing) return existing;
    const id = newDeviceId();
    this.db.prepare("INSERT INTO meta (key, value) VALUES ('device_id', ?)").run(id);
    return id;
  }
}
