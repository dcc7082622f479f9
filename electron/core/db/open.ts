// Opening the database file: refuse to touch what we do not understand. A file that is not a
// SQLite database, or one we cannot read, is reported and left exactly as it is; a database
// written by a newer Fieldbook opens read-only.
import Database from 'better-sqlite3';
import { closeSync, existsSync, mkdirSync, openSync, readSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../../shared/errors.ts';
import { migrate, userVersion } from './migrate.ts';
import { MIGRATIONS, type Migration } from './migrations.ts';

export const DATABASE_FILE = 'fieldbook.sqlite';
const SQLITE_HEADER = 'SQLite format 3\0';

export interface OpenedDatabase {
  db: Database.Database;
  file: string;
  readOnly: boolean;
  readOnlyReason: string | null;
}

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

/** `migrations` is the app's list; tests pass others to exercise upgrades and newer files. */
export function openDatabase(dataDir: string, migrations: readonly Migration[] = MIGRATIONS): OpenedDatabase {
  const latest = migrations.length;
  const file = join(dataDir, DATABASE_FILE);
  try {
    mkdirSync(dataDir, { recursive: true });
  } catch (error) {
    throw new ApiError({ code: 'database_unreadable', message: `Cannot create the data folder ${dataDir}: ${describe(error)}` });
  }

  if (existsSync(file) && statSync(file).size > 0) {
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
  }

  let db: Database.Database;
  let version: number;
  try {
    db = new Database(file);
    version = userVersion(db);
    // Reading the schema makes SQLite parse the first pages: a damaged file fails here.
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch (error) {
    throw new ApiError({
      code: 'database_corrupt',
      message: `The database ${file} cannot be read (${describe(error)}). It has been left untouched; restore a backup.`,
    });
  }

  if (version > latest) {
    db.close();
    const reason = `This database was written by a newer Fieldbook (schema ${version}; this version knows up to ${latest}). It is open read-only: update Fieldbook to edit it.`;
    return { db: new Database(file, { readonly: true, fileMustExist: true }), file, readOnly: true, readOnlyReason: reason };
  }

  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  if (version > 0 && version < latest) {
    // Keep the pre-upgrade file: an older Fieldbook cannot read the migrated one.
    db.exec(`VACUUM INTO '${`${file}.v${version}-${Date.now()}.bak`.replaceAll("'", "''")}'`);
  }
  migrate(db, migrations);
  return { db, file, readOnly: false, readOnlyReason: null };
}
