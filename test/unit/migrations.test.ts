import Database from 'better-sqlite3';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { migrate, userVersion } from '../../electron/core/db/migrate.ts';
import { MIGRATIONS, SCHEMA_VERSION, type Migration } from '../../electron/core/db/migrations.ts';
import { DATABASE_FILE, openDatabase } from '../../electron/core/db/open.ts';
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
    const before = openDatabase(dir);
    before.db.prepare("INSERT INTO customer (id, name) VALUES ('c1', 'Kept GmbH')").run();
    before.db.close();

    const after = openDatabase(dir, [...MIGRATIONS, NEXT]);
    expect(userVersion(after.db)).toBe(SCHEMA_VERSION + 1);
    expect(after.db.prepare("SELECT name, reference FROM customer WHERE id = 'c1'").get()).toEqual({ name: 'Kept GmbH', reference: '' });
    after.db.close();

    const backups = readdirSync(dir).filter((f) => f.startsWith(`${DATABASE_FILE}.v${SCHEMA_VERSION}-`) && f.endsWith('.bak'));
    expect(backups).toHaveLength(1);
    const backup = new Database(join(dir, backups[0]!), { readonly: true });
    expect(userVersion(backup)).toBe(SCHEMA_VERSION);
    expect(backup.prepare("SELECT name FROM customer WHERE id = 'c1'").get()).toEqual({ name: 'Kept GmbH' });
    backup.close();
  });

  it('open a database written by a newer version read-only, with a clear reason', () => {
    const dir = tempDir();
    openDatabase(dir, [...MIGRATIONS, NEXT]).db.close();
    const opened = openDatabase(dir);
    expect(opened.readOnly).toBe(true);
    expect(opened.readOnlyReason).toContain(`newer Fieldbook (schema ${SCHEMA_VERSION + 1}; this version knows up to ${SCHEMA_VERSION})`);
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
    expect(() => openDatabase(dir)).toThrow(expect.objectContaining({ code: 'database_corrupt', message: expect.stringContaining('left untouched') }));
    expect(readdirSync(dir)).toEqual([DATABASE_FILE]);
    expect(readFileSync(file, 'utf8')).toBe(content);
  });

  it('refuse a SQLite file whose pages are damaged, and leave it untouched', () => {
    const dir = tempDir();
    openDatabase(dir).db.close();
    const file = join(dir, DATABASE_FILE);
    const bytes = readFileSync(file);
    bytes.fill(0xff, 16, 100); // page size and file format bytes of the header
    writeFileSync(file, bytes);
    expect(() => openDatabase(dir)).toThrow(expect.objectContaining({ code: 'database_corrupt' }));
    expect(readFileSync(file).equals(bytes)).toBe(true);
  });
});
