import Database from 'better-sqlite3';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../electron/core/db/migrations.ts';
import { createDatabase, DATABASE_FILE, openExistingDatabase, openWritableDatabase } from '../../electron/core/db/open.ts';
import { readOnlyText } from '../../shared/read-only-cause.ts';
import { removeTempDirs, tempDir } from '../support/temp-store.ts';

afterEach(removeTempDirs);

function schemaOf(db: Database.Database): unknown[] {
  return db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_schema WHERE name NOT LIKE 'sqlite_%' ORDER BY type, name").all();
}

/** A later migration as a future release might add, to exercise the upgrade of existing files. */
const NEXT: Migration = { description: 'test: customer reference', sql: "ALTER TABLE customer ADD COLUMN reference TEXT NOT NULL DEFAULT ''" };

describe('migrations', () => {
  it('bring an empty database to the latest version', () => {
    const db = new Database(':memory:');
    expect(migrate(db)).toEqual(MIGRATIONS.map((_, i) => i + 1));
    expect(userVersion(db)).toBe(SCHEMA_VERSION);
    expect(migrate(db)).toEqual([]);
  });

  it.each(MIGRATIONS.map((_, v) => v))('bring a database from version %i to the same schema as a fresh one', (from) => {
    const fresh = new Database(':memory:');
    migrate(fresh);
    const old = new Database(':memory:');
    migrate(old, MIGRATIONS, from);
    expect(userVersion(old)).toBe(from);
    migrate(old);
    expect(userVersion(old)).toBe(SCHEMA_VERSION);
    expect(schemaOf(old)).toEqual(schemaOf(fresh));
  });

  it('roll back a failing migration entirely, leaving the version as it was', () => {
    const db = new Database(':memory:');
    migrate(db);
    const broken: Migration = { description: 'half good', sql: 'CREATE TABLE extra (id TEXT); CREATE TABLE customer (id TEXT);' };
    expect(() => migrate(db, [...MIGRATIONS, broken])).toThrow(/already exists/);
    expect(userVersion(db)).toBe(SCHEMA_VERSION);
    expect(db.prepare("SELECT name FROM sqlite_schema WHERE name = 'extra'").get()).toBeUndefined();
  });

  it('upgrade an existing file in place, keeping its rows and a backup of the old version', () => {
    const dir = tempDir();
    const before = createDatabase(dir);
    before.prepare("INSERT INTO customer (id, name) VALUES ('c1', 'Kept GmbH')").run();
    before.close();

    const existing = openExistingDatabase(dir, [...MIGRATIONS, NEXT]);
    expect(existing).toMatchObject({ state: 'unchecked', needsUpgrade: true });
    existing!.db.close();
    const after = openWritableDatabase(join(dir, DATABASE_FILE), [...MIGRATIONS, NEXT]);
    expect(userVersion(after)).toBe(SCHEMA_VERSION + 1);
    expect(after.prepare("SELECT name, reference FROM customer WHERE id = 'c1'").get()).toEqual({ name: 'Kept GmbH', reference: '' });
    after.close();

    const backups = readdirSync(dir).filter((f) => f.startsWith(`${DATABASE_FILE}.v${SCHEMA_VERSION}-`) && f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    const backup = new Database(join(dir, backups[0]!), { readonly: true });
    expect(userVersion(backup)).toBe(SCHEMA_VERSION);
    expect(backup.prepare("SELECT name FROM customer WHERE id = 'c1'").get()).toEqual({ name: 'Kept GmbH' });
    backup.close();
  });

  it('open a database written by a newer version read-only, with a clear reason', () => {
    const dir = tempDir();
    createDatabase(dir, [...MIGRATIONS, NEXT]).close();
    const opened = openExistingDatabase(dir);
    if (opened?.state !== 'readOnly') throw new Error(`expected a read-only database, got ${opened?.state}`);
    expect(opened.cause).toEqual({ cause: 'newerSchema', version: SCHEMA_VERSION + 1, known: SCHEMA_VERSION });
    expect(readOnlyText(opened.cause, 'en')).toContain(`newer Fieldbook (schema ${SCHEMA_VERSION + 1}; this version knows up to ${SCHEMA_VERSION})`);
    expect(() => opened.db.prepare("INSERT INTO customer (id) VALUES ('x')").run()).toThrow(/readonly/);
    expect(userVersion(opened.db)).toBe(SCHEMA_VERSION + 1);
    opened.db.close();
  });

  it.each([
    ['a text file', 'these are my notes, not a database\n'.repeat(20)],
    ['a truncated header', 'SQLite format'],
  ])('refuse %s with a clear message and leave it untouched', (_, content) => {
    const dir = tempDir();
    const file = join(dir, DATABASE_FILE);
    writeFileSync(file, content);
    expect(() => openExistingDatabase(dir)).toThrow(expect.objectContaining({ code: 'database_corrupt', message: expect.stringContaining('left untouched') }));
    expect(readdirSync(dir)).toEqual([DATABASE_FILE]);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('refuse a SQLite file whose pages are damaged, and leave it untouched', () => {
    const dir = tempDir();
    createDatabase(dir).close();
    const file = join(dir, DATABASE_FILE);
    const bytes = readFileSync(file);
    bytes.fill(0xff, 16, 100); // page size and file format bytes of the header
    writeFileSync(file, bytes);
    expect(() => openExistingDatabase(dir)).toThrow(expect.objectContaining({ code: 'database_corrupt' }));
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });

  it('open an existing file over a read-only connection until it is checked, and create nothing for a missing one', () => {
    const parent = tempDir();
    const dir = join(parent, 'not yet');
    expect(openExistingDatabase(dir)).toBeNull();
    expect(readdirSync(parent)).toEqual([]);

    createDatabase(dir).close();
    const opened = openExistingDatabase(dir);
    expect(opened).toMatchObject({ state: 'unchecked', needsUpgrade: false });
    expect(() => opened!.db.prepare("INSERT INTO customer (id) VALUES ('x')").run()).toThrow(/readonly/);
    opened!.db.close();
  });
});
