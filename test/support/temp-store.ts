// Real SQLite files in real temporary folders: the tests exercise the database the app uses.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../electron/core/core.ts';
import { DATABASE_FILE } from '../../electron/core/db/open.ts';
import { givenKey } from '../../electron/core/secrets/credential-key.ts';
import { startCore, type CoreClient } from '../../electron/core/worker/client.ts';

const folders: string[] = [];
/** Read-only connections of the tests' own, by database file (see inspect). */
const inspectors = new Map<string, Database.Database>();

export function tempDir(prefix = 'fieldbook-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const db of inspectors.values()) db.close();
  inspectors.clear();
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

/**
 * What the core stored, seen from outside it: a read-only connection of the test's own to the
 * core's database file (the core's handle is private to its data layer). One per file, kept until
 * removeTempDirs, so `PRAGMA data_version` tells whether the core wrote anything between two looks.
 */
export function inspect(core: Core): Database.Database {
  let db = inspectors.get(core.store.file);
  if (!db) {
    // The core makes its database when a call first needs it (a refused call makes none): a test
    // that looks before any call has it made, as that call would.
    core.store.open();
    db = new Database(core.store.file, { readonly: true, fileMustExist: true });
    inspectors.set(core.store.file, db);
  }
  return db;
}

/** The credentials key of the tests: the same fixed key on every test device, as colleagues who share theirs. */
export const TEST_KEY_BYTES = createHash('sha256').update('fieldbook test credentials key').digest();
export const TEST_CREDENTIAL_KEY = givenKey(TEST_KEY_BYTES, 'the test key');

export function openTestCore(dataDir: string = tempDir(), options: Partial<CoreOptions> = {}): Core {
  return openCore({ dataDir, appVersion: '0.0.0-test', credentialKey: TEST_CREDENTIAL_KEY, ...options });
}

/** The core on its own thread, as the hosts run it. */
export function startTestCore(dataDir: string = tempDir()): Promise<CoreClient> {
  return startCore({ dataDir, appVersion: '0.0.0-test', credentialKey: { kind: 'given', key: TEST_KEY_BYTES, where: 'the test key' } });
}

/** Every row of every table, to prove that a failed call changed nothing. */
export function dumpDatabase(core: Core): Record<string, unknown[]> {
  return dumpTables(inspect(core));
}

/** The same for a data folder whose core runs on its thread, read through a connection of its own. */
export function dumpDataDir(dataDir: string): Record<string, unknown[]> {
  // No database yet (the core makes it on the first call that needs it): no tables, no rows.
  if (!existsSync(join(dataDir, DATABASE_FILE))) return {};
  const db = new Database(join(dataDir, DATABASE_FILE), { readonly: true, fileMustExist: true });
  try {
    return dumpTables(db);
  } finally {
    db.close();
  }
}

function dumpTables(db: Database.Database): Record<string, unknown[]> {
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
  }[];
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all()]));
}
