// Opening the database file: refuse to touch what we do not understand. A file that is not a
// SQLite database, or one we cannot read, is reported and left exactly as it is; a database
// written by a newer Fieldbook, or one this user may not write, opens read-only. An existing file
// is first opened over a read-only connection, which cannot change it: it becomes writable only
// once its check has found it whole (see check.ts and store.ts). Nothing is created until a new
// database is asked for.
import Database from 'better-sqlite3';
import { accessSync, closeSync, constants, existsSync, mkdirSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { ReadOnlyCause } from '../../../shared/domain.ts';
import { ApiError } from '../../../shared/errors.ts';
import { readOnlyText } from '../../../shared/read-only-cause.ts';
import { migrate, userVersion } from './migrate.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

export const DATABASE_FILE = 'fieldbook.sqlite';
const SQLITE_HEADER = 'SQLite format 3\0';
/** The journal files SQLite keeps beside a database in WAL mode. */
export const JOURNAL_SUFFIXES = ['-wal', '-shm'] as const;

export type ExistingDatabase =
  /** Ours to write once it is found whole: until then a read-only connection answers reads. */
  | { state: 'unchecked'; db: Database.Database; needsUpgrade: boolean }
  /** Never written: a newer Fieldbook's file, or one this user may not write. */
  | { state: 'readOnly'; db: Database.Database; cause: ReadOnlyCause };

function readHeader(file: string): string {
  const fd = openSync(file, 'r');
  try {
    const buf = Buffer.alloc(16);
    const n = readSync(fd, buf, 0, 16, 0);
    return buf.subarray(0, n).toString('latin1');
  } finally {
    closeSync(fd);
  }
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function errorCode(error: unknown): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? code : '';
}

/** The causes openForReading may find it must read the file from a copy in memory for. */
type NotWritable = Extract<ReadOnlyCause, { inMemoryCopy: boolean }>;

/** Why this user cannot write the database; null when they can. */
function whyNotWritable(file: string, dataDir: string): NotWritable | null {
  // SQLite writes the file and, in WAL mode, the journal files beside it, which it creates in
  // the folder: all must be writable.
  const paths = [file, ...JOURNAL_SUFFIXES.map((suffix) => file + suffix).filter((path) => existsSync(path)), dataDir];
  for (const path of paths) {
    try {
      accessSync(path, constants.W_OK);
    } catch (error) {
      if (errorCode(error) === 'EROFS') return { cause: 'readOnlyMedium', file, inMemoryCopy: false };
      if (path === dataDir) return { cause: 'folderNotWritable', folder: dataDir, inMemoryCopy: false };
      const owner = statSync(path).uid;
      if (process.getuid && owner !== process.getuid()) return { cause: 'otherUser', file: path, uid: owner, inMemoryCopy: false };
      return { cause: 'notWritable', file: path, inMemoryCopy: false };
    }
  }
  return null;
}

/**
 * A read-only connection to a file this user may not write. SQLite reads a WAL database through
 * its journal files, which it must be able to create: in a folder it may not write, and with no
 * journal left beside the file (Fieldbook removes it when it closes), the whole database is the
 * file itself, and it is read from a copy in memory. better-sqlite3 cannot open SQLite's
 * `immutable` URIs (its SQLite is built without URI filenames), which would spare the copy.
 */
function openForReading(file: string, cause: NotWritable): { db: Database.Database; cause: NotWritable } {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  // Said in the errors' messages, which are English (as the command line shows them).
  const reason = readOnlyText(cause, 'en');
  try {
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
    return { db, cause };
  } catch (error) {
    db.close();
    if (!/^SQLITE_(READONLY|CANTOPEN)/.test(errorCode(error))) {
      throw new ApiError({ code: 'database_unreadable', message: `Cannot read the database ${file}: ${describe(error)}. ${reason}` });
    }
    if (existsSync(`${file}-wal`)) {
      // Changes not yet written into the file (its owner's Fieldbook runs, or ended abruptly): the
      // file alone would show a state that never was, and SQLite reads the journal only in place.
      throw new ApiError({
        code: 'database_unreadable',
        message: `${reason} Its journal ${file}-wal holds changes not yet written into the file, which SQLite can read only where it may write. Ask the owner to close Fieldbook there, or copy the data folder to a folder of your own.`,
      });
    }
  }
  const bytes = readFileSync(file);
  // Bytes 18 and 19 of the header say WAL mode, which a database in memory cannot use: the copy
  // says "rollback journal" instead. The file itself is not touched.
  bytes[18] = 1;
  bytes[19] = 1;
  return { db: new Database(bytes, { readonly: true }), cause: { ...cause, inMemoryCopy: true } };
}

function hasContent(file: string): boolean {
  return existsSync(file) && statSync(file).size > 0;
}

/**
 * Opens the database in `dataDir` if it has one (an empty file is none); creates nothing.
 * `migrations` is the app's list; tests pass others to exercise upgrades and newer files.
 */
export function openExistingDatabase(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): ExistingDatabase | null {
  const latest = migrations.length;
  const file = join(dataDir, DATABASE_FILE);
  if (!hasContent(file)) return null;

  let header: string;
  try {
    header = readHeader(file);
  } catch (error) {
    throw new ApiError({ code: 'database_unreadable', message: `Cannot read the database ${file}: ${describe(error)}` });
  }
  if (header !== SQLITE_HEADER) {
    throw new ApiError({
      code: 'database_corrupt',
      message: `${file} is not a Fieldbook database (damaged or another kind of file). It has been left untouched; move it away or restore a backup.`,
    });
  }

  const notWritable = whyNotWritable(file, dataDir);
  if (notWritable) {
    const { db, cause } = openForReading(file, notWritable);
    return { state: 'readOnly', db, cause };
  }

  let db: Database.Database;
  let version: number;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true });
    version = userVersion(db);
    // Reading the schema makes SQLite parse the first pages: a file damaged there fails here.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    throw new ApiError({
      code: 'database_corrupt',
      message: `The database ${file} cannot be read (${describe(error)}). It has been left untouched; restore a backup.`,
    });
  }
  if (version > latest) {
    return { state: 'readOnly', db, cause: { cause: 'newerSchema', version, known: latest } };
  }
  return { state: 'unchecked', db, needsUpgrade: version < latest };
}

/**
 * The writable connection to a database found whole, or a new one: upgraded to the latest
 * schema, the file of the older version kept beside it first.
 */
export function openWritableDatabase(file: string, migrations: readonly Migration[] = MIGRATIONS): Database.Database {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('busy_timeout = 5000');
    const version = userVersion(db);
    if (version > 0 && version < migrations.length) {
      // Keep the pre-upgrade file: an older Fieldbook cannot read the migrated one.
      db.exec(`VACUUM INTO '${`${file}.v${version}-${Date.now()}.bak`.replaceAll("'", "''")}'`);
    }
    migrate(db, migrations);
    return db;
  } catch (error) {
    db.close();
    throw error;
  }
}

/** The data folder and a new database in it, at the latest schema. */
export function createDatabase(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): Database.Database {
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ApiError({ code: 'database_unreadable', message: `Cannot create the data folder ${dataDir}: ${describe(error)}` });
  }
  const file = join(dataDir, DATABASE_FILE);
  try {
    return openWritableDatabase(file, migrations);
  } catch (error) {
    // A folder this user may not write, a full disk: said as such. Anything else is a bug.
    if (/^SQLITE_(CANTOPEN|READONLY|PERM|IOERR|FULL)/.test(errorCode(error))) {
      throw new ApiError({ code: 'database_unreadable', message: `Cannot create the database ${file}: ${describe(error)}` });
    }
    throw error;
  }
}
