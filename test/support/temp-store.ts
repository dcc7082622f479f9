// Real SQLite files in real temporary folders: the tests exercise the database the app uses.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openCore, type Core, type CoreOptions } from '../../electron/core/core.ts';

const folders: string[] = [];

export function tempDir(prefix = 'fieldbook-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  folders.push(dir);
  return dir;
}

export function removeTempDirs(): void {
  for (const dir of folders.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function openTestCore(dataDir: string = tempDir(), options: Partial<CoreOptions> = {}): Core {
  return openCore({ dataDir, appVersion: '0.0.0-test', ...options });
}

/** Every row of every table, to prove that a failed call changed nothing. */
export function dumpDatabase(core: Core): Record<string, unknown[]> {
  const db = core.store.db;
  const tables = db.prepare("SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as {
    name: string;
  }[];
  return Object.fromEntries(tables.map(({ name }) => [name, db.prepare(`SELECT * FROM ${name} ORDER BY rowid`).all()]));
}
